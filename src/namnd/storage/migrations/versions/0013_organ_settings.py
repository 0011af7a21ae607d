"""organ: diarienummer format, parent organ, kommun, sekreterare, förvaringsplats, Word template

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = (
    ("dnr_format", "{prefix}/{year}:{number}"),
    ("municipality", ""),
    ("secretary_name", ""),
    ("secretary_title", "Nämndsekreterare"),
    ("archive_place", ""),
    ("template_path", ""),
)


def upgrade() -> None:
    with op.batch_alter_table("organ", schema=None) as batch_op:
        for name, default in _TEXTS:
            batch_op.add_column(
                sa.Column(name, sa.String(), nullable=False, server_default=default)
            )
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_organ_parent_id_organ", "organ", ["parent_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.drop_constraint("fk_organ_parent_id_organ", type_="foreignkey")
        batch_op.drop_column("parent_id")
        for name, _ in reversed(_TEXTS):
            batch_op.drop_column(name)
