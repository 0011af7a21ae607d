"""nämnduppdrag register: due kind, origin meeting and dnr, report-back link, history

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 01:24:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FK_MEETING = "fk_assignment_origin_meeting_id_meeting"
_FK_REPORT = "fk_assignment_report_arende_id_arende"


def upgrade() -> None:
    op.create_table(
        "assignmentchange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("old_value", sa.String(), nullable=False),
        sa.Column("new_value", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["assignment_id"], ["assignment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assignmentchange", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignmentchange_assignment_id"), ["assignment_id"], unique=False
        )

    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_kind", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("origin_meeting_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("origin_dnr", sa.String(), nullable=True))
        batch_op.add_column(
            sa.Column("origin_note", sa.String(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("report_arende_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("status_since", sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f("ix_assignment_origin_dnr"), ["origin_dnr"])
        batch_op.create_index(batch_op.f("ix_assignment_origin_meeting_id"), ["origin_meeting_id"])
        batch_op.create_index(batch_op.f("ix_assignment_report_arende_id"), ["report_arende_id"])
        batch_op.create_foreign_key(_FK_MEETING, "meeting", ["origin_meeting_id"], ["id"])
        batch_op.create_foreign_key(_FK_REPORT, "arende", ["report_arende_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_constraint(_FK_REPORT, type_="foreignkey")
        batch_op.drop_constraint(_FK_MEETING, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_assignment_report_arende_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_origin_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_origin_dnr"))
        for column in (
            "status_since",
            "report_arende_id",
            "origin_note",
            "origin_dnr",
            "origin_meeting_id",
            "due_kind",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("assignmentchange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignmentchange_assignment_id"))
    op.drop_table("assignmentchange")
