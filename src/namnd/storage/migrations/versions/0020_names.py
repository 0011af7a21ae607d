"""Column names that say what they hold: justering, yrkanden, subject

"adjust" means change in English and sits beside ``correct`` for rättelse; "motions" are
yrkanden (a motion is a different ärende); ``matter`` is what was decided or delegated.
Only the names change: every value stays in its row, and the downgrade renames them back.
The search index is filled here (it was in 0015): ``rebuild`` reads ``paragraph.yrkanden``.

Revision ID: 0020
Revises: 0017
Create Date: 2026-12-01 18:10:00
"""

from collections.abc import Sequence

from alembic import op

from namnd.storage.search_index import rebuild

revision: str = "0020"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table -> (old column, new column)
RENAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "meeting": (("adjustment_text", "justering_text"),),
    "organrules": (("adjustment_days", "justering_days"),),
    "protocol": (
        ("adjusters", "justerare"),
        ("adjustment_place", "justering_place"),
        ("adjustment_date", "justering_date"),
        ("adjustment_time", "justering_time"),
        ("adjusted_on", "justerat_on"),
    ),
    "paragraph": (("motions", "yrkanden"),),
    "delegationdecision": (("matter", "subject"),),
    "delegationcode": (("matter", "subject"),),
}


def _rename(backwards: bool) -> None:
    # ALTER TABLE … RENAME COLUMN on both backends (SQLite has it since 3.25): batch mode
    # without the copy, so no table is rebuilt (``meeting`` is referenced by most tables,
    # and a copy would need the foreign keys off) and indexes keep their columns.
    for table, columns in RENAMES.items():
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            for old, new in columns:
                before, after = (new, old) if backwards else (old, new)
                batch_op.alter_column(before, new_column_name=after)


def upgrade() -> None:
    _rename(backwards=False)
    rebuild(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE searchtext")  # else the planner guesses, and scans every text


def downgrade() -> None:
    _rename(backwards=True)
