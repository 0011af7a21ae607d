"""Opening the database: engine from a URL at run time, pragmas, migration on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from namnd.errors import NamndError
from namnd.storage.schema import HEAD, database_revision
from namnd.storage.workspace import Workspace


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Build an engine; SQLite gets WAL and foreign keys on every connection."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


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
