"""kallelse status log and late changes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 01:08:37.494632
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "latechange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("arende_title", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("latechange", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_latechange_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "meetingstatuschange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=40), nullable=False),
        sa.Column("to_status", sa.String(length=40), nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meetingstatuschange", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meetingstatuschange_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("meetingstatuschange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetingstatuschange_meeting_id"))
    op.drop_table("meetingstatuschange")
    with op.batch_alter_table("latechange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_latechange_meeting_id"))
    op.drop_table("latechange")
