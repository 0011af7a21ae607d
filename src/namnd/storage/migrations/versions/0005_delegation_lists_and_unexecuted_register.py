"""delegation lists (imports with file hash, rows) and the ej verkställda register with offers

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "unexecuteddecision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("law", sa.String(length=40), nullable=False),
        sa.Column("insats", sa.String(), nullable=False),
        sa.Column("lagrum", sa.String(), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(), nullable=False),
        sa.Column("executed_on", sa.Date(), nullable=True),
        sa.Column("interrupted_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("reason_text", sa.String(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organ_id"],
            ["organ.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("unexecuteddecision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unexecuteddecision_decision_date"), ["decision_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_unexecuteddecision_organ_id"), ["organ_id"], unique=False
        )

    op.create_table(
        "delegationlistimport",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("arende_id", sa.Integer(), nullable=True),
        sa.Column("list_name", sa.String(), nullable=False),
        sa.Column("period", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_format", sa.String(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("imported_by", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["arende_id"],
            ["arende.id"],
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organ_id"],
            ["organ.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("delegationlistimport", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegationlistimport_arende_id"), ["arende_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegationlistimport_file_sha256"), ["file_sha256"], unique=True
        )
        batch_op.create_index(
            batch_op.f("ix_delegationlistimport_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegationlistimport_organ_id"), ["organ_id"], unique=False
        )

    op.create_table(
        "unexecutedoffer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("offered_on", sa.Date(), nullable=False),
        sa.Column("answer", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["decision_id"], ["unexecuteddecision.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("unexecutedoffer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unexecutedoffer_decision_id"), ["decision_id"], unique=False
        )

    op.create_table(
        "delegationlistrow",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("decided_by", sa.String(), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("rejection_reason", sa.String(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["delegationlistimport.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("delegationlistrow", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegationlistrow_decision_date"), ["decision_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegationlistrow_import_id"), ["import_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("delegationlistrow", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegationlistrow_import_id"))
        batch_op.drop_index(batch_op.f("ix_delegationlistrow_decision_date"))

    op.drop_table("delegationlistrow")
    with op.batch_alter_table("unexecutedoffer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unexecutedoffer_decision_id"))

    op.drop_table("unexecutedoffer")
    with op.batch_alter_table("delegationlistimport", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegationlistimport_organ_id"))
        batch_op.drop_index(batch_op.f("ix_delegationlistimport_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_delegationlistimport_file_sha256"))
        batch_op.drop_index(batch_op.f("ix_delegationlistimport_arende_id"))

    op.drop_table("delegationlistimport")
    with op.batch_alter_table("unexecuteddecision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unexecuteddecision_organ_id"))
        batch_op.drop_index(batch_op.f("ix_unexecuteddecision_decision_date"))

    op.drop_table("unexecuteddecision")
