"""protokoll: the § in full, the protocol record, närvaro and rättelser

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 10:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON_LISTS = ("motions", "reservations", "notes", "dispatch_to", "recused")


def upgrade() -> None:
    with op.batch_alter_table("paragraph", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dnr", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("item", sa.Integer(), nullable=True))
        for name in _JSON_LISTS:
            batch_op.add_column(sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("process_md", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("vote", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column("immediate", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    # The defaults only filled existing rows; the models give every new row its value.
    with op.batch_alter_table("paragraph", schema=None) as batch_op:
        for name in (*_JSON_LISTS, "process_md", "immediate", "version"):
            batch_op.alter_column(name, server_default=None)

    op.create_table(
        "protocol",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("adjusters", sa.JSON(), nullable=False),
        sa.Column("adjustment_place", sa.String(), nullable=False),
        sa.Column("adjustment_date", sa.Date(), nullable=True),
        sa.Column("adjusted_on", sa.Date(), nullable=True),
        sa.Column("posted_on", sa.Date(), nullable=True),
        sa.Column("archive", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("protocol", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_protocol_meeting_id"), ["meeting_id"], unique=True)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("party", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("function", sa.String(), nullable=False),
        sa.Column("replaces", sa.String(), nullable=True),
        sa.Column("first_paragraph", sa.Integer(), nullable=True),
        sa.Column("last_paragraph", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "protocolcorrection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("corrected_by", sa.String(), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("protocolcorrection", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_protocolcorrection_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    for table in ("protocolcorrection", "attendance", "protocol"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_meeting_id"))
        op.drop_table(table)
    with op.batch_alter_table("paragraph", schema=None) as batch_op:
        for name in ("dnr", "item", *_JSON_LISTS, "process_md", "vote", "immediate", "version"):
            batch_op.drop_column(name)
