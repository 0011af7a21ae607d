"""Read-only views handed to the TUI and the CLI: plain data, no session attached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from namnd.domain.kinds import AssignmentStatus, DueKind, MeetingStatus

if TYPE_CHECKING:  # the protokoll's classes and the tables stay off the TUI's start-up path
    from namnd.domain.models import Meeting, Organ
    from namnd.domain.protocol import Protocol


@dataclass(frozen=True)
class MeetingSummary:
    """One row of the meetings list."""

    id: int
    organ_code: str
    organ_name: str
    date: dt.date
    start_time: dt.time | None
    place: str
    status: MeetingStatus
    item_count: int
    #: The meeting row's version, bumped on every save (the calendar's SEQUENCE).
    version: int = 1

    @classmethod
    def of(cls, meeting: Meeting, organ: Organ, item_count: int) -> MeetingSummary:
        """The row of a stored meeting of ``organ`` with ``item_count`` ärenden."""
        assert meeting.id is not None, "only a stored meeting is listed"
        return cls(
            id=meeting.id,
            organ_code=organ.code,
            organ_name=organ.name,
            date=meeting.date,
            start_time=meeting.start_time,
            place=meeting.place,
            status=meeting.status,
            version=meeting.version,
            item_count=item_count,
        )


@dataclass(frozen=True)
class UtskottProposal:
    """A § of another organ's protokoll (an utskott's) whose ärende can go to this list."""

    paragraph_id: int
    organ_name: str
    date: dt.date
    number: int
    title: str
    dnr: str | None


@dataclass(frozen=True)
class AssignmentView:
    """A nämnduppdrag as the register lists it; ``overdue`` is derived, never stored."""

    id: int
    organ_code: str
    text: str
    assignee: str
    report_to: str
    status: AssignmentStatus
    status_since: dt.date | None
    overdue: bool
    origin_meeting_id: int | None
    origin_meeting_date: dt.date | None
    origin_arende_id: int | None
    origin_dnr: str | None
    origin_note: str
    given_on: dt.date | None
    due_date: dt.date | None
    """The effective due: for a meeting in a month, that meeting once it is planned."""
    due_kind: DueKind | None
    due_text: str
    due_label: str
    """Swedish, e.g. ``nämndens sammanträde i december 2019 (datum ej satt)``."""
    report_arende_id: int | None
    version: int = 1
    """Sent back with a change, so a change from an old screen is refused."""

    @property
    def status_label(self) -> str:
        """``försenad`` when overdue, else the stored status in Swedish."""
        return "försenad" if self.overdue else self.status.label

    @property
    def origin_label(self) -> str:
        """``von/2018:225, sammanträdet 2019-09-19`` or the origin in words."""
        parts = [self.origin_dnr or ""]
        if self.origin_meeting_date:
            parts.append(f"sammanträdet {self.origin_meeting_date.isoformat()}")
        elif self.origin_note:
            parts.append(self.origin_note)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class AssignmentChangeView:
    """One line of an uppdrag's history, in Swedish."""

    field: str
    field_label: str
    old_value: str
    new_value: str
    note: str
    changed_by: str
    changed_at: dt.datetime


@dataclass(frozen=True)
class AssignmentDetail:
    """An uppdrag with its history, oldest change first, and its återrapportering."""

    assignment: AssignmentView
    history: list[AssignmentChangeView]
    report_arende_title: str | None = None


@dataclass(frozen=True)
class ProtocolView:
    """A protokoll as stored: each §'s id and version (for saving) and the seats.

    ``ids`` and ``versions`` are keyed by the § number as loaded; saves address a § by its
    id, since another user may renumber the §§ meanwhile.
    """

    meeting_id: int
    protocol: Protocol
    versions: dict[int, int]
    head_version: int
    seats: int
    ids: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PrintedItem:
    """What a § of the protokoll prints of its ärende: sammanfattning and beslutsunderlag.

    A plain copy of the föredragningslista's entry, so that the protokoll's writer takes
    the same value whether the Store read the agenda or ``storage.protocol_direct`` did.
    """

    summary_md: str = ""
    memo_date: dt.date | None = None
    #: ``(title, sekretess)`` of each bilaga, in list order.
    bilagor: tuple[tuple[str, bool], ...] = ()
