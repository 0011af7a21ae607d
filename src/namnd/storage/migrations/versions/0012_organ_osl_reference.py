"""organ.osl_reference: the sekretessgrund named in published documents

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("osl_reference", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.drop_column("osl_reference")
