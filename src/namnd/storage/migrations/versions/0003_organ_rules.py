"""organ rules: deadlines and default time and place per organ

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "organrules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("kallelse_days", sa.Integer(), nullable=False),
        sa.Column("case_stop_days", sa.Integer(), nullable=False),
        sa.Column("presidium_days", sa.Integer(), nullable=False),
        sa.Column("adjustment_days", sa.Integer(), nullable=False),
        sa.Column("posting_days", sa.Integer(), nullable=False),
        sa.Column("appeal_weeks", sa.Integer(), nullable=False),
        sa.Column("default_time", sa.Time(), nullable=True),
        sa.Column("default_place", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["organ_id"], ["organ.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("organrules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organrules_organ_id"), ["organ_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("organrules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organrules_organ_id"))
    op.drop_table("organrules")
