"""The schema revision this code expects, known without importing Alembic.

Opening an up-to-date database then costs one query instead of Alembic's import;
``tests/storage/test_migrations.py`` keeps this constant equal to Alembic's head.
SQLAlchemy is imported only when asked, so the TUI's first paint can read ``HEAD``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

HEAD = "0021"


def database_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None if it has never been migrated."""
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
