"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 23:15:42.098347
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "organ",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("diarium_prefix", sa.String(), nullable=False),
        sa.Column("administration", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organ_code"), ["code"], unique=True)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)

    op.create_table(
        "arende",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("dnr", sa.String(), nullable=True),
        sa.Column("related_dnrs", sa.JSON(), nullable=False),
        sa.Column("external_ref", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("handlers", sa.JSON(), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("memo_date", sa.Date(), nullable=True),
        sa.Column("memo_title", sa.String(), nullable=False),
        sa.Column("proposal", sa.JSON(), nullable=False),
        sa.Column("administration_proposal", sa.JSON(), nullable=True),
        sa.Column("preamble_md", sa.String(), nullable=False),
        sa.Column("summary_md", sa.String(), nullable=False),
        sa.Column("body_md", sa.String(), nullable=False),
        sa.Column("signatures", sa.JSON(), nullable=False),
        sa.Column("dispatch_to", sa.JSON(), nullable=False),
        sa.Column("sent_later", sa.String(), nullable=True),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("decided", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organ_id"],
            ["organ.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("arende", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_arende_dnr"), ["dnr"], unique=False)
        batch_op.create_index(batch_op.f("ix_arende_organ_id"), ["organ_id"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("kallelse_date", sa.Date(), nullable=True),
        sa.Column("chair_name", sa.String(), nullable=False),
        sa.Column("secretary_name", sa.String(), nullable=False),
        sa.Column("secretary_title", sa.String(), nullable=False),
        sa.Column("adjustment_text", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organ_id"],
            ["organ.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("organ_id", "date", "start_time"),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_organ_id"), ["organ_id"], unique=False)

    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("party", sa.String(), nullable=False),
        sa.Column("position", sa.String(length=40), nullable=True),
        sa.Column("substitute_order", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organ_id"],
            ["organ.id"],
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_membership_organ_id"), ["organ_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_membership_person_id"), ["person_id"], unique=False)

    op.create_table(
        "agendaitem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("arende_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["arende_id"],
            ["arende.id"],
        ),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "arende_id"),
    )
    with op.batch_alter_table("agendaitem", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agendaitem_arende_id"), ["arende_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agendaitem_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arende_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("file", sa.String(), nullable=True),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("sent_later", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["arende_id"], ["arende.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_arende_id"), ["arende_id"], unique=False)

    op.create_table(
        "delegationdecision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("arende_id", sa.Integer(), nullable=True),
        sa.Column("delegate_group", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("matter", sa.String(), nullable=False),
        sa.Column("dnr", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["arende_id"],
            ["arende.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organ_id"],
            ["organ.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("delegationdecision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegationdecision_arende_id"), ["arende_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegationdecision_organ_id"), ["organ_id"], unique=False
        )

    op.create_table(
        "groupmeeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("parties", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("groupmeeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_groupmeeting_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "paragraph",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("decision_md", sa.String(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agendaitem.id"],
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
        sa.UniqueConstraint("organ_id", "year", "number"),
    )
    with op.batch_alter_table("paragraph", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_paragraph_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_paragraph_organ_id"), ["organ_id"], unique=False)

    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organ_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("assignee", sa.String(), nullable=False),
        sa.Column("origin_arende_id", sa.Integer(), nullable=True),
        sa.Column("origin_paragraph_id", sa.Integer(), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("due_text", sa.String(), nullable=False),
        sa.Column("report_to", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["organ_id"],
            ["organ.id"],
        ),
        sa.ForeignKeyConstraint(
            ["origin_arende_id"],
            ["arende.id"],
        ),
        sa.ForeignKeyConstraint(
            ["origin_paragraph_id"],
            ["paragraph.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_organ_id"), ["organ_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_organ_id"))

    op.drop_table("assignment")
    with op.batch_alter_table("paragraph", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_paragraph_organ_id"))
        batch_op.drop_index(batch_op.f("ix_paragraph_meeting_id"))

    op.drop_table("paragraph")
    with op.batch_alter_table("groupmeeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_groupmeeting_meeting_id"))

    op.drop_table("groupmeeting")
    with op.batch_alter_table("delegationdecision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegationdecision_organ_id"))
        batch_op.drop_index(batch_op.f("ix_delegationdecision_arende_id"))

    op.drop_table("delegationdecision")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_arende_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("agendaitem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agendaitem_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_agendaitem_arende_id"))

    op.drop_table("agendaitem")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_person_id"))
        batch_op.drop_index(batch_op.f("ix_membership_organ_id"))

    op.drop_table("membership")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_organ_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_date"))

    op.drop_table("meeting")
    with op.batch_alter_table("arende", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_arende_organ_id"))
        batch_op.drop_index(batch_op.f("ix_arende_dnr"))

    op.drop_table("arende")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name"))

    op.drop_table("person")
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organ_code"))

    op.drop_table("organ")
