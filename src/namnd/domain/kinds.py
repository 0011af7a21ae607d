"""Enumerations of the domain, with the Swedish words users see.

Values are stable English codes stored in the database and in ``--json`` output;
``label`` is what the user reads, and ``from_label`` reads it back from agenda files.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from namnd.errors import InvalidInput


class _Labelled(StrEnum):
    """A StrEnum whose members carry a Swedish label."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self]

    @classmethod
    def from_label(cls, text: str) -> Self:
        wanted = text.strip().casefold()
        for member, label in _LABELS[cls].items():
            if wanted in (label.casefold(), member.value):
                return cls(member)
        choices = ", ".join(_LABELS[cls].values())
        raise InvalidInput(f"Okänt värde ”{text}”: välj ett av {choices}.")


class ArendeKind(_Labelled):
    """What sort of ärende an agenda item is; it decides templates and follow-up."""

    INFORMATION = "information"
    DECISION = "decision"
    STATEMENT = "statement"
    REPORT_BACK = "report_back"
    NOTIFICATIONS = "notifications"
    DELEGATION_DECISIONS = "delegation_decisions"
    ELECTION = "election"


class MeetingStatus(_Labelled):
    """Where a meeting is in its life: planned, kallelse drafted and sent, held, justerad."""

    PLANNED = "planned"
    DRAFT = "draft"
    REVIEWED = "reviewed"
    SENT = "sent"
    HELD = "held"
    JUSTERAD = "adjusted"  # the stored code and the CLI's JSON value, kept


class MemberRole(_Labelled):
    """Seat held in the organ."""

    MEMBER = "member"
    SUBSTITUTE = "substitute"


class Position(_Labelled):
    """Presidium position on top of a seat."""

    CHAIR = "chair"
    FIRST_VICE_CHAIR = "first_vice_chair"
    SECOND_VICE_CHAIR = "second_vice_chair"


class AssignmentStatus(_Labelled):
    """Stored status of a nämnduppdrag; ``försenad`` is derived from the due date."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    REPORTED = "reported"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        """Ej påbörjad or pågår: the uppdrag still waits for its återrapportering."""
        return self in (AssignmentStatus.NOT_STARTED, AssignmentStatus.IN_PROGRESS)


class DueKind(_Labelled):
    """How a nämnduppdrag's due date was worded: a day, a meeting in a month, a period."""

    EXACT_DATE = "exact_date"
    MEETING_IN_MONTH = "meeting_in_month"
    END_OF_PERIOD = "end_of_period"


class AttendeeKind(_Labelled):
    """How someone is present at a sammanträde, as the protokoll's first page groups them."""

    MEMBER = "member"
    SUBSTITUTE = "substitute"
    OTHER = "other"


class YrkandeKind(_Labelled):
    """What a yrkande asks for."""

    APPROVAL = "approval"
    REJECTION = "rejection"
    REFERRAL = "referral"
    AMENDMENT = "amendment"
    ADDITION = "addition"


class VoteChoice(_Labelled):
    """One serving member's answer to the voteringsproposition."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class CallInMethod(_Labelled):
    """How an ersättare was called in: by e-mail, as a drafted .eml, or by the secretary's phone."""

    EMAIL = "email"
    DRAFT = "draft"
    PHONE = "phone"


_LABELS: dict[type[_Labelled], dict[_Labelled, str]] = {
    ArendeKind: {
        ArendeKind.INFORMATION: "information",
        ArendeKind.DECISION: "beslutsärende",
        ArendeKind.STATEMENT: "yttrande",
        ArendeKind.REPORT_BACK: "återrapportering",
        ArendeKind.NOTIFICATIONS: "anmälningsärenden",
        ArendeKind.DELEGATION_DECISIONS: "delegationsbeslut",
        ArendeKind.ELECTION: "val",
    },
    MeetingStatus: {
        MeetingStatus.PLANNED: "planerad",
        MeetingStatus.DRAFT: "utkast",
        MeetingStatus.REVIEWED: "granskad",
        MeetingStatus.SENT: "utskickad",
        MeetingStatus.HELD: "genomförd",
        MeetingStatus.JUSTERAD: "justerad",
    },
    MemberRole: {
        MemberRole.MEMBER: "ledamot",
        MemberRole.SUBSTITUTE: "ersättare",
    },
    Position: {
        Position.CHAIR: "ordförande",
        Position.FIRST_VICE_CHAIR: "förste vice ordförande",
        Position.SECOND_VICE_CHAIR: "andre vice ordförande",
    },
    AssignmentStatus: {
        AssignmentStatus.NOT_STARTED: "ej påbörjad",
        AssignmentStatus.IN_PROGRESS: "pågår",
        AssignmentStatus.REPORTED: "återrapporterad",
        AssignmentStatus.CLOSED: "avslutad",
    },
    DueKind: {
        DueKind.EXACT_DATE: "datum",
        DueKind.MEETING_IN_MONTH: "nämndens sammanträde i månaden",
        DueKind.END_OF_PERIOD: "periodens slut",
    },
    AttendeeKind: {
        AttendeeKind.MEMBER: "ledamot",
        AttendeeKind.SUBSTITUTE: "ersättare",
        AttendeeKind.OTHER: "övrig",
    },
    YrkandeKind: {
        YrkandeKind.APPROVAL: "bifall",
        YrkandeKind.REJECTION: "avslag",
        YrkandeKind.REFERRAL: "återremiss",
        YrkandeKind.AMENDMENT: "ändring",
        YrkandeKind.ADDITION: "tillägg",
    },
    VoteChoice: {
        VoteChoice.YES: "Ja",
        VoteChoice.NO: "Nej",
        VoteChoice.ABSTAIN: "Avstår",
    },
    CallInMethod: {
        CallInMethod.EMAIL: "e-post",
        CallInMethod.DRAFT: "e-postutkast (.eml)",
        CallInMethod.PHONE: "ringer själv",
    },
}
