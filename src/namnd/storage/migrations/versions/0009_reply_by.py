"""svar senast: the deadline a remiss gives for the nämnd's yttrande

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("arende", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reply_by", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("arende", schema=None) as batch_op:
        batch_op.drop_column("reply_by")
