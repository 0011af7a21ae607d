"""Read-only views handed to the TUI and the CLI: plain data, no session attached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from namnd.domain.kinds import ArendeKind, MeetingStatus


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


@dataclass(frozen=True)
class AttachmentView:
    """A bilaga as listed under an ärende."""

    title: str
    file: str | None
    confidential: bool
    sent_later: bool


@dataclass(frozen=True)
class AgendaItemView:
    """An ärende as it stands on the föredragningslista."""

    position: int
    arende_id: int
    title: str
    dnr: str | None
    kind: ArendeKind
    proposal: list[str]
    administration_proposal: list[str] | None
    summary_md: str
    sent_later: str | None
    confidential: bool
    attachments: list[AttachmentView] = field(default_factory=list)


@dataclass(frozen=True)
class AgendaView:
    """A meeting with its föredragningslista, ready to show or print."""

    meeting: MeetingSummary
    chair_name: str
    secretary_name: str
    items: list[AgendaItemView]
