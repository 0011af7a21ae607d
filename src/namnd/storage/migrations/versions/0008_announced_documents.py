"""anmälningsärenden: the handlingar anmälda to the nämnd, per ärende

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "announceddocument",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arende_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("dnr", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["arende_id"], ["arende.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("announceddocument", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_announceddocument_arende_id"), ["arende_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("announceddocument", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_announceddocument_arende_id"))
    op.drop_table("announceddocument")
