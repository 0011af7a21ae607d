"""searchtext: the search index, with FTS5 (SQLite) or pg_trgm (PostgreSQL), filled

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from namnd.storage.search_index import FTS_TABLE, TRGM_PREFIX

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("dnr", "title", "body")


def upgrade() -> None:
    op.create_table(
        "searchtext",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("dnr", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "ref_id"),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts()
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in _COLUMNS:
            op.execute(
                f"CREATE INDEX {TRGM_PREFIX}{column} ON searchtext "
                f"USING gin ({column} gin_trgm_ops)"
            )
    # Filled by 0020, after the last rename of a column it indexes: ``rebuild`` reads the
    # tables as the models name them today, not as they were at this revision.


def _sqlite_fts() -> None:
    """An external-content trigram table over searchtext, kept in step by triggers.

    The text is folded already, so the tokenizer must not fold again (case_sensitive 1).
    """
    columns = ", ".join(_COLUMNS)
    new = ", ".join(f"new.{c}" for c in _COLUMNS)
    old = ", ".join(f"old.{c}" for c in _COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, content='searchtext', "
        "content_rowid='id', tokenize='trigram case_sensitive 1')"
    )
    op.execute(
        f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON searchtext BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON searchtext BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE ON searchtext BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.id, {new}); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {FTS_TABLE}_{trigger}")
        op.execute(f"DROP TABLE {FTS_TABLE}")
    else:
        for column in _COLUMNS:
            op.execute(f"DROP INDEX {TRGM_PREFIX}{column}")
    op.drop_table("searchtext")
