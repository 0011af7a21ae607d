"""mailing_list and send_log: who gets the kallelse, which version, and who has got it

Revision ID: 0017
Revises: 0022
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mailing_list",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("organ_id", sa.Integer(), sa.ForeignKey("organ.id"), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("addresses", sa.JSON(), nullable=False),
        sa.UniqueConstraint("organ_id", "name", name="uq_mailing_list_organ_name"),
    )
    op.create_index("ix_mailing_list_organ_id", "mailing_list", ["organ_id"])
    op.create_table(
        "send_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("occasion", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("list_name", sa.String(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("error", sa.String(), nullable=False),
        sa.Column("message_id", sa.String(), nullable=False),
        sa.Column("sent_by", sa.String(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("meeting_id", "occasion", "address", name="uq_send_log_recipient"),
    )
    op.create_index("ix_send_log_meeting_id", "send_log", ["meeting_id"])
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("mail_limit_mb", sa.Integer(), nullable=False, server_default="10")
        )
        batch_op.add_column(
            sa.Column("handlingar_url", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.drop_column("handlingar_url")
        batch_op.drop_column("mail_limit_mb")
    op.drop_index("ix_send_log_meeting_id", table_name="send_log")
    op.drop_table("send_log")
    op.drop_index("ix_mailing_list_organ_id", table_name="mailing_list")
    op.drop_table("mailing_list")
