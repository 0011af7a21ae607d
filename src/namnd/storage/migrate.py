"""Alembic, driven from code: every open brings the schema up to the newest revision.

Imported only when a database actually needs upgrading (see ``schema.HEAD``), so the
TUI's first paint never pays for Alembic.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from namnd.errors import NamndError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine | None = None) -> Config:
    """An in-memory Alembic config pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return config


def head_revision() -> str:
    """The newest revision the code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the migrations folder is never empty
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision``; a no-op when it is already there.

    The whole upgrade is one transaction on both backends, so a kill half way leaves
    the database at its old revision, as if the upgrade had never started.
    """
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            _run_upgrade(engine, connection, revision)
        return
    with engine.connect() as connection, _sqlite_transaction(connection):
        _drop_stray_copies(connection)
        _run_upgrade(engine, connection, revision)
        _check_foreign_keys(connection)


def _run_upgrade(engine: Engine, connection: Connection, revision: str) -> None:
    config = alembic_config(engine)
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


@contextmanager
def _sqlite_transaction(connection: Connection) -> Iterator[None]:
    """Run the block in one real SQLite transaction, DDL included.

    pysqlite begins a transaction only before INSERT/UPDATE/DELETE, so Alembic's batch
    mode (``CREATE TABLE _alembic_tmp_x``, copy, drop, rename) ran its first step in
    autocommit and a kill there left the copy behind for good. This is SQLAlchemy's
    pysqlite recipe, for this one connection: the driver's own transaction handling off,
    ``BEGIN IMMEDIATE`` issued by us (it also makes a second process that opens the same
    old database wait, then find it upgraded). Foreign keys are off while tables are
    rebuilt, as SQLite's ALTER TABLE procedure asks, and checked before the commit.
    """
    driver = connection.connection.driver_connection
    assert driver is not None  # an open connection
    saved = driver.isolation_level
    connection.commit()  # end SQLAlchemy's autobegun block; nothing is pending
    driver.isolation_level = None
    try:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
        driver.isolation_level = saved


def _drop_stray_copies(connection: Connection) -> None:
    """Drop ``_alembic_tmp_*`` tables an interrupted upgrade of an older namnd left.

    Only Alembic's batch mode makes them, always inside an upgrade, and the upgrade
    holds the write lock: one that exists now is a leftover, never a copy in progress.
    """
    tables = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    for name in [name for name in tables.scalars() if name.startswith("_alembic_tmp_")]:
        connection.exec_driver_sql(f'DROP TABLE "{name}"')


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = ", ".join(sorted({row[0] for row in broken}))
        raise NamndError(
            f"Databasen kunde inte uppgraderas: kopplingarna mellan tabellerna ({tables}) "
            "stämmer inte efteråt. Inget ändrades; kontakta den som förvaltar namnd."
        )
