"""An agenda file's content as unsaved domain models, shared by parser, writer and storage."""

from __future__ import annotations

from dataclasses import dataclass, field

from namnd.domain.models import (
    AnnouncedDocument,
    Arende,
    Attachment,
    GroupMeeting,
    Meeting,
    Organ,
)


@dataclass
class AgendaEntry:
    """One ärende on the list with its bilagor, in order."""

    arende: Arende
    attachments: list[Attachment] = field(default_factory=list)
    announcements: list[AnnouncedDocument] = field(default_factory=list)
    #: The file line of each bilaga (parallel to ``attachments``), for messages about
    #: its ``[fil: …]``; empty when the entry did not come from a file.
    attachment_lines: list[int] = field(default_factory=list)


@dataclass
class AgendaDocument:
    """A whole kallelse: organ, meeting details, gruppmöten and the föredragningslista."""

    organ: Organ
    meeting: Meeting
    group_meetings: list[GroupMeeting] = field(default_factory=list)
    entries: list[AgendaEntry] = field(default_factory=list)
