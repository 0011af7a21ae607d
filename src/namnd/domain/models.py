"""The database tables, as SQLModel classes.

Names are English (see ``docs/glossary.md`` for the Swedish terms). Lists that are
always read and written whole (att-satser, expedieras till) are JSON columns; things
that are filtered or flagged on their own (bilagor with sekretess) are tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from namnd.domain.coltypes import EnumCode
from namnd.domain.diarienummer import DEFAULT_FORMAT
from namnd.domain.kinds import (
    ArendeKind,
    AssignmentStatus,
    DueKind,
    MeetingStatus,
    MemberRole,
    Position,
)


def _json_list() -> Column[Any]:
    return Column(JSON, nullable=False, default=list)


class Organ(SQLModel, table=True):
    """A nämnd (or other body) whose meetings are managed."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True, description="Short code, e.g. 'von'.")
    name: str = Field(description="Full name, e.g. 'Vård- och omsorgsnämnden'.")
    diarium_prefix: str = Field(description="Prefix of its diarienummer, e.g. 'von'.")
    administration: str = Field(
        default="", description="The förvaltning serving it, e.g. 'Vård- och omsorgsförvaltningen'."
    )
    osl_reference: str = Field(
        default="",
        description="Sekretessgrund named where sekretess is withheld, e.g. '26 kap. 1 § OSL'.",
    )
    dnr_format: str = Field(
        default=DEFAULT_FORMAT,
        description="How its diarienummer are written, e.g. '{prefix} {year}/{number}'.",
    )
    parent_id: int | None = Field(
        default=None,
        foreign_key="organ.id",
        description="The organ it reports to (an arbetsutskott bereder for its nämnd).",
    )
    municipality: str = Field(default="", description="The kommun, e.g. 'Botkyrka kommun'.")
    secretary_name: str = Field(default="", description="Its nämndsekreterare, by name.")
    secretary_title: str = Field(default="Nämndsekreterare", description="The sekreterare's title.")
    archive_place: str = Field(
        default="", description="Förvaringsplats of its protokoll, printed on the anslag."
    )
    template_path: str = Field(
        default="", description="Its Word template (.docx) for kallelse and protokoll."
    )
    mail_limit_mb: int = Field(
        default=10, description="Largest PDF sent by e-mail; above it the mail links instead."
    )
    handlingar_url: str = Field(
        default="", description="Where its handlingar are published, linked from the e-mail."
    )


class Person(SQLModel, table=True):
    """An elected member or an official; one row per human."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    title: str = Field(default="", description="Job title for officials, e.g. 'Nämndsekreterare'.")
    email: str = Field(default="", description="Where kallelser and inkallelser are sent.")
    phone: str = Field(default="", description="For the secretary calling in an ersättare.")


class Membership(SQLModel, table=True):
    """A person's seat in an organ for a period, with party and presidium position."""

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: MemberRole = Field(sa_type=EnumCode(MemberRole))
    party: str = Field(description="Party abbreviation as printed, e.g. 'S'.")
    position: Position | None = Field(default=None, sa_type=EnumCode(Position))
    substitute_order: int | None = Field(
        default=None, description="Inkallelseordning for ersättare, 1 first."
    )
    period_start: dt.date
    period_end: dt.date | None = None


class Meeting(SQLModel, table=True):
    """One sammanträde of an organ: its kallelse details and its lifecycle."""

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    date: dt.date = Field(index=True)
    start_time: dt.time | None = None
    place: str = ""
    status: MeetingStatus = Field(default=MeetingStatus.PLANNED, sa_type=EnumCode(MeetingStatus))
    kallelse_date: dt.date | None = None
    chair_name: str = Field(default="", description="Ordförande as signed, e.g. 'Tuva Lund (S)'.")
    secretary_name: str = ""
    secretary_title: str = "Nämndsekreterare"
    justering_text: str = Field(
        default="", description="Justering as announced in the kallelse (who, when, where)."
    )
    version: int = Field(default=1, description="Bumped on every save; guards concurrent edits.")

    __table_args__ = (UniqueConstraint("organ_id", "date", "start_time"),)


class GroupMeeting(SQLModel, table=True):
    """A party group's meeting before the sammanträde, as printed in the kallelse."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    position: int
    parties: str = Field(description="Who meets, e.g. 'S, KD, MP, C och L' or 'Övriga partier'.")
    place: str
    date: dt.date | None = None
    start_time: dt.time | None = None


class Arende(SQLModel, table=True):
    """An ärende as it goes to the nämnd: the tjänsteskrivelse and the kallelse's proposal.

    Standing ärenden (information, delegationsbeslut) keep one diarienummer for the
    whole year and come back at every meeting, so ``dnr`` is indexed but not unique.
    """

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    dnr: str | None = Field(
        default=None, index=True, description="Canonical diarienummer, e.g. 'von/2019:76'."
    )
    related_dnrs: list[str] = Field(
        default_factory=list,
        sa_column=_json_list(),
        description="Other numbers of the organ's own diarium the item covers.",
    )
    external_ref: str | None = Field(
        default=None, description="Another body's number, e.g. 'KS/2019:161'."
    )
    title: str
    kind: ArendeKind = Field(default=ArendeKind.DECISION, sa_type=EnumCode(ArendeKind))
    handlers: list[str] = Field(default_factory=list, sa_column=_json_list())
    recipients: list[str] = Field(default_factory=list, sa_column=_json_list())
    memo_date: dt.date | None = Field(default=None, description="Tjänsteskrivelsens datum.")
    reply_by: dt.date | None = Field(
        default=None, description="Svar senast: the remiss's deadline for the yttrande."
    )
    memo_title: str = Field(default="", description="Title of the tjänsteskrivelse if it differs.")
    proposal: list[str] = Field(
        default_factory=list,
        sa_column=_json_list(),
        description="Förslag till beslut in the kallelse: the att-satser, in order.",
    )
    administration_proposal: list[str] | None = Field(
        default=None,
        sa_column=Column(JSON, nullable=True),
        description="The förvaltning's own proposal where it differs from the kallelse's.",
    )
    preamble_md: str = Field(default="", description="Text printed before the proposal.")
    summary_md: str = ""
    body_md: str = ""
    signatures: list[str] = Field(default_factory=list, sa_column=_json_list())
    dispatch_to: list[str] = Field(
        default_factory=list, sa_column=_json_list(), description="Expedieras till."
    )
    sent_later: str | None = Field(
        default=None, description="When the handling follows, e.g. 'skickas ut 16 september'."
    )
    confidential: bool = Field(default=False, description="Sekretess: never in a public export.")
    decided: bool = False
    version: int = 1


class Attachment(SQLModel, table=True):
    """A bilaga to an ärende; the sekretess flag keeps it out of public exports."""

    id: int | None = Field(default=None, primary_key=True)
    arende_id: int = Field(foreign_key="arende.id", index=True, ondelete="CASCADE")
    position: int
    title: str
    file: str | None = Field(
        default=None, description="The file as the agenda file names it (relative to it)."
    )
    confidential: bool = False
    sent_later: bool = False
    sha256: str | None = Field(default=None, description="Of the copy kept in the workspace.")
    stored: str | None = Field(
        default=None, description="The copy, relative to the workspace: agendas/handlingar/…"
    )
    source: str | None = Field(
        default=None, description="Where the original was read, to notice a later change."
    )
    version: int = 1


class AnnouncedDocument(SQLModel, table=True):
    """A handling anmäld to the nämnd under the Anmälningsärenden ärende (seed item 9).

    Grouped by ``source`` when printed; a sekretess one is published without its title.
    """

    id: int | None = Field(default=None, primary_key=True)
    arende_id: int = Field(foreign_key="arende.id", index=True, ondelete="CASCADE")
    position: int
    title: str
    dnr: str | None = None
    source: str = Field(default="", description="Who reports it, e.g. 'Myndighet'.")
    confidential: bool = False


class AgendaItem(SQLModel, table=True):
    """An ärende's place on a meeting's föredragningslista."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    arende_id: int = Field(foreign_key="arende.id", index=True)
    position: int = Field(description="1-based number on the list.")

    __table_args__ = (UniqueConstraint("meeting_id", "arende_id"),)


class ParagraphRow(SQLModel, table=True):
    """A § of the protokoll as stored; numbered per organ through the calendar year.

    Named apart from ``domain.protocol.ProtocolParagraph`` (the § the rules and renderers
    read) and python-docx's ``Paragraph``. Yrkanden, the omröstning, reservationer and
    anteckningar are read and written with the § as a whole, so they are JSON (see
    ``storage.protocol_codec``).
    """

    __tablename__ = "paragraph"

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="agendaitem.id")
    year: int
    number: int
    title: str
    decision_md: str = ""
    confidential: bool = False
    dnr: str | None = None
    item: int | None = Field(default=None, description="Number on the föredragningslista.")
    yrkanden: list[dict[str, Any]] = Field(default_factory=list, sa_column=_json_list())
    process_md: str = Field(default="", description="Beslutsgång as minuted.")
    vote: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    reservations: list[dict[str, Any]] = Field(default_factory=list, sa_column=_json_list())
    notes: list[dict[str, Any]] = Field(default_factory=list, sa_column=_json_list())
    dispatch_to: list[str] = Field(default_factory=list, sa_column=_json_list())
    recused: list[str] = Field(default_factory=list, sa_column=_json_list())
    immediate: bool = Field(default=False, description="Omedelbart justerad.")
    version: int = Field(default=1, description="Bumped on every save; guards concurrent edits.")

    __table_args__ = (UniqueConstraint("organ_id", "year", "number"),)


class Assignment(SQLModel, table=True):
    """A nämnduppdrag: what the förvaltning was asked to do and when to report back."""

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    text: str
    assignee: str = Field(default="", description="Who was given it, e.g. the förvaltning.")
    origin_arende_id: int | None = Field(default=None, foreign_key="arende.id")
    origin_paragraph_id: int | None = Field(default=None, foreign_key="paragraph.id")
    given_on: dt.date | None = None
    due_date: dt.date | None = None
    due_text: str = Field(default="", description="The due date as the decision words it.")
    report_to: str = ""
    status: AssignmentStatus = Field(
        default=AssignmentStatus.NOT_STARTED, sa_type=EnumCode(AssignmentStatus)
    )
    due_kind: DueKind | None = Field(
        default=None,
        sa_type=EnumCode(DueKind),
        description="A day, the nämnd's meeting in due_date's month, or a period's end.",
    )
    origin_meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    origin_dnr: str | None = Field(default=None, index=True, description="The ärende's dnr.")
    origin_note: str = Field(
        default="", description="Origin in words when no meeting is registered ('december 2018')."
    )
    report_arende_id: int | None = Field(
        default=None,
        foreign_key="arende.id",
        index=True,
        description="The återrapportering ärende that answers it.",
    )
    status_since: dt.date | None = Field(
        default=None, description="When the status took effect (återrapporterad: the meeting)."
    )
    version: int = Field(default=1, description="Bumped on every save; guards concurrent edits.")


class AssignmentChange(SQLModel, table=True):
    """One change to a nämnduppdrag: who changed which field from what to what, and when."""

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id", index=True, ondelete="CASCADE")
    field: str = Field(description="The changed field's code, e.g. 'status'; 'created'.")
    old_value: str = ""
    new_value: str = ""
    note: str = ""
    changed_by: str
    changed_at: dt.datetime


class DelegationDecision(SQLModel, table=True):
    """A delegationsbeslut reported to the nämnd, grouped as in the kallelse."""

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    arende_id: int | None = Field(default=None, foreign_key="arende.id", index=True)
    delegate_group: str = Field(description="The delegat group heading, e.g. 'Omsorgsdirektör'.")
    position: int
    code: str = Field(default="", description="Code in the delegationsordning, e.g. 'D2'.")
    subject: str = Field(description="What was decided, e.g. 'Attesträtt, lokalstrateg'.")
    dnr: str | None = None


class MeetingStatusChange(SQLModel, table=True):
    """Who moved the kallelse to which status, and when (utkast → granskad → utskickad)."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    from_status: MeetingStatus = Field(sa_type=EnumCode(MeetingStatus))
    to_status: MeetingStatus = Field(sa_type=EnumCode(MeetingStatus))
    changed_by: str
    changed_at: dt.datetime


class LateChange(SQLModel, table=True):
    """A tillägg or ändring to the agenda after utskick, kept so members can be told."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    arende_title: str
    label: str = Field(description="'Tillägg efter utskick' or 'Ändring efter utskick'.")
    description: str
    changed_by: str
    changed_at: dt.datetime


class OrganRules(SQLModel, table=True):
    """An organ's own deadlines (reglemente and office practice), in days before/after."""

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", unique=True, index=True)
    kallelse_days: int = Field(default=7, description="Kallelse utskick, days before.")
    case_stop_days: int = Field(default=21, description="Ärendestopp, days before.")
    presidium_days: int = Field(default=10, description="Presidieberedning, days before.")
    justering_days: int = Field(default=14, description="Justering at the latest, days after.")
    posting_days: int = Field(default=2, description="Anslag at the latest, days after justering.")
    appeal_weeks: int = Field(default=3, description="Överklagandetid from anslag, weeks.")
    default_time: dt.time | None = None
    default_place: str = ""


class DelegationCode(SQLModel, table=True):
    """A line of the delegationsordning: the code, its subject (ärende) and who may decide it."""

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    code: str = Field(description="E.g. 'D2' or 'G43'.")
    subject: str = Field(description="E.g. 'Attesträtt' or 'Lex Maria anmälan'.")
    delegate: str = Field(description="The delegat, e.g. 'Omsorgsdirektör'.")

    __table_args__ = (UniqueConstraint("organ_id", "code"),)


class MailingList(SQLModel, table=True):
    """A sändlista of an organ and the version of the kallelse it receives.

    The ledamöter and ersättare lists hold no addresses: they are drawn from the seats
    register on the meeting day, so a fyllnadsval reaches the new ledamot. The others
    keep their own addresses ("Namn <adress>" or a bare address).
    """

    __tablename__ = "mailing_list"

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    kind: str = Field(description="ledamoter, ersattare, ledning, revisorer, press or fri.")
    name: str = Field(description="As the secretary calls it, e.g. 'Press och allmänhet'.")
    public: bool = Field(description="Receives the public kallelse, not the one with handlingar.")
    addresses: list[str] = Field(default_factory=list, sa_column=_json_list())

    __table_args__ = (UniqueConstraint("organ_id", "name", name="uq_mailing_list_organ_name"),)


class SendLogEntry(SQLModel, table=True):
    """One recipient of one utskick (the kallelse, or a tillägg): which version, and how it went.

    ``state`` is 'pending' while a send is under way (so a second secretary sending at the
    same moment skips the address), then 'sent' or 'refused' with the server's answer.
    """

    __tablename__ = "send_log"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    occasion: str = Field(description="'kallelse', or 'tillagg-N' after late change N.")
    address: str
    recipient: str = Field(description="The name shown, e.g. 'Tuva Lund (S)'.")
    list_name: str
    public: bool
    state: str
    error: str = ""
    message_id: str = ""
    sent_by: str = ""
    sent_at: dt.datetime

    __table_args__ = (
        UniqueConstraint("meeting_id", "occasion", "address", name="uq_send_log_recipient"),
    )
