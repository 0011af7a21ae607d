"""Another process holding the database's write lock, for the busy-database tests."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager


@contextmanager
def write_lock(workspace, table: str = "arende"):
    """Another process holding a write lock: BEGIN IMMEDIATE on SQLite, a table lock on PG."""
    if workspace.is_sqlite:
        other = sqlite3.connect(workspace.sqlite_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    import psycopg
    from sqlalchemy.engine import make_url

    dsn = make_url(workspace.database_url).set(drivername="postgresql")
    with psycopg.connect(dsn.render_as_string(hide_password=False)) as other:
        other.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            other.rollback()
