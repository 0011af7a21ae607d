"""Opening the database: engine from a URL at run time, pragmas, migration on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from namnd.errors import DatabaseBusy, NamndError
from namnd.storage.schema import HEAD, database_revision
from namnd.storage.sqlite_direct import busy_timeout_ms, is_busy
from namnd.storage.workspace import Workspace

#: PostgreSQL's SQLSTATE for a lock wait that ran out (lock_not_available).
_PG_LOCK_TIMEOUT = "55P03"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cursor.close()


def _busy_as_domain_error(context: ExceptionContext) -> None:
    """The one place a lock wait that ran out becomes :class:`DatabaseBusy`."""
    error = context.original_exception
    if isinstance(error, DatabaseBusy):
        return
    sqlstate = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    if is_busy(error):
        raise DatabaseBusy() from error
    if sqlstate == _PG_LOCK_TIMEOUT:
        raise DatabaseBusy() from error


def make_engine(url: str) -> Engine:
    """Build an engine; SQLite gets WAL and foreign keys on every connection.

    Both backends wait at most :func:`busy_timeout_ms` for a lock and then raise
    :class:`DatabaseBusy` (not a driver error), so a busy database is a Swedish message.
    Every session's flushes keep the search index in step (``storage.search_index``).
    """
    import namnd.storage.search_index  # noqa: F401  (registers the flush hook)

    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        from sqlalchemy.engine import make_url

        # A URL's own ?options=… is the administrator's choice and wins.
        own = "options" in make_url(url).query
        args = {} if own else {"options": f"-c lock_timeout={busy_timeout_ms()}"}
        engine = create_engine(url, pool_pre_ping=True, connect_args=args)
    event.listen(engine, "handle_error", _busy_as_domain_error)
    return engine


def open_database(workspace: Workspace, *, migrate: bool = True) -> Engine:
    """Open (and by default upgrade) the workspace database, with Swedish errors."""
    if workspace.is_sqlite:
        workspace.root.mkdir(parents=True, exist_ok=True)
    engine = make_engine(workspace.database_url)
    try:
        with engine.connect() as connection:
            up_to_date = database_revision(connection) == HEAD
        if migrate and not up_to_date:
            from namnd.storage.migrate import upgrade

            upgrade(engine)
    except OperationalError as err:
        engine.dispose()
        raise NamndError(
            f"Kunde inte öppna databasen ({_safe_url(workspace.database_url)}): "
            f"{str(err.orig).strip().splitlines()[0] if err.orig else err}"
        ) from err
    return engine


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


#: The read snapshot this thread (or task) is inside, with its engine (``read_snapshot``).
_HELD: ContextVar[tuple[Engine, Session] | None] = ContextVar("namnd_read_snapshot", default=None)


@contextmanager
def read_snapshot(engine: Engine) -> Iterator[Session]:
    """A read-only session whose queries all see the database as it was at the first.

    A document (a kallelse, a protokoll) is read whole from one snapshot, so a save made
    meanwhile is in all of it or in none of it. PostgreSQL: a REPEATABLE READ, READ ONLY
    transaction; SQLite: one read transaction (under WAL it never blocks a writer). Render
    after the block: the snapshot is held until it ends.

    Re-entrant: inside a snapshot of the same engine (in this thread) it is that one, and
    the Store's reads join it too (``joined_read``), so a use case that wraps its reading
    in one block (the anslagstavla, the OParl tree, the arkivpaket) reads one state even
    through the exports and Store methods it calls.
    """
    held = _HELD.get()
    if held is not None and held[0] is engine:
        yield held[1]
        return
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # pysqlite begins a transaction only before a write; a read one is asked for.
            connection.exec_driver_sql("BEGIN")
        else:
            connection = connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with Session(connection) as session:
            token = _HELD.set((engine, session))
            try:
                yield session
            finally:
                _HELD.reset(token)


def joined_read(engine: Engine, *, detached: bool = False) -> AbstractContextManager[Session]:
    """A session for one read: the snapshot this thread is inside, else a short new one.

    ``detached`` keeps loaded rows usable after a new session closes (a snapshot's rows
    stay loaded until its block ends).
    """
    held = _HELD.get()
    if held is not None and held[0] is engine:
        return nullcontext(held[1])
    return Session(engine, expire_on_commit=not detached)
