"""person.email and person.phone: where the kallelse and an inkallelse are sent

Revision ID: 0016
Revises: 0018
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("phone", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    # Not batch mode: on SQLite that rebuilds the table, and dropping the old one fails
    # while other tables' rows refer to it. ALTER TABLE … DROP COLUMN needs SQLite 3.35.
    op.drop_column("person", "phone")
    op.drop_column("person", "email")
