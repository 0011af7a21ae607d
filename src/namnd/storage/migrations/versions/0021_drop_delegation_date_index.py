"""drop the delegationsbeslut rows' decision_date index: no query reads by it

Every import of a delegation list writes each row into it (a quarter of SQLite's insert
for 100 000 rows), while the rows are read by their import only.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 23:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_delegationlistrow_decision_date", table_name="delegationlistrow")


def downgrade() -> None:
    op.create_index(
        "ix_delegationlistrow_decision_date", "delegationlistrow", ["decision_date"], unique=False
    )
