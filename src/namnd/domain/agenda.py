"""The agenda aggregate: a meeting with its föredragningslista, as every reader gets it.

One shape for the agenda file's parser and writer, for storage (which loads it in one
session with a fixed number of queries, ``storage.agendas.load_agenda``), for the TUI's
föredragningslista and for every renderer (kallelse, handlingar, protokoll). The models
are detached: read, never saved back through this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from namnd.domain.views import MeetingSummary

if TYPE_CHECKING:  # the rules that take an agenda are also used where the ORM is not loaded
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

    @property
    def arende_id(self) -> int:
        """The stored ärende's id (an entry loaded from the database)."""
        assert self.arende.id is not None, "an entry read from a file has no id"
        return self.arende.id


@dataclass
class AgendaDocument:
    """A whole kallelse: organ, meeting details, gruppmöten and the föredragningslista.

    The entries are in list order: entry ``n - 1`` is ärende number ``n``.
    """

    organ: Organ
    meeting: Meeting
    group_meetings: list[GroupMeeting] = field(default_factory=list)
    entries: list[AgendaEntry] = field(default_factory=list)

    @property
    def summary(self) -> MeetingSummary:
        """The meeting as the meetings list shows it (a stored agenda)."""
        return MeetingSummary.of(self.meeting, self.organ, len(self.entries))
