"""delegationsordning: codes, matters and delegater per organ

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 01:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "delegationcode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("matter", sa.String(), nullable=False),
        sa.Column("delegate", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["organ_id"], ["organ.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("organ_id", "code"),
    )
    with op.batch_alter_table("delegationcode", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delegationcode_organ_id"), ["organ_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("delegationcode", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegationcode_organ_id"))
    op.drop_table("delegationcode")
