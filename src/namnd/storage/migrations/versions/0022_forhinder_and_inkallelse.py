"""forhinder and inkallelse: a ledamot's förhinder and the ersättare called in for it

Revision ID: 0022
Revises: 0019
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "forhinder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "person_id"),
    )
    with op.batch_alter_table("forhinder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forhinder_meeting_id"), ["meeting_id"], unique=False)
    op.create_table(
        "inkallelse",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("forhinder_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=40), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivery", sa.String(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["forhinder_id"], ["forhinder.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inkallelse", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkallelse_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inkallelse_forhinder_id"), ["forhinder_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("inkallelse", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkallelse_forhinder_id"))
        batch_op.drop_index(batch_op.f("ix_inkallelse_meeting_id"))
    op.drop_table("inkallelse")
    with op.batch_alter_table("forhinder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forhinder_meeting_id"))
    op.drop_table("forhinder")
