"""``store.agendas``: the föredragningslista, its ärenden and the kallelse's details.

Every write names who made it: after utskick the late-change log says who changed what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import select

from namnd.domain.models import AgendaItem
from namnd.storage import agenda_editing, agendas, kallelse
from namnd.storage.database import read_snapshot
from namnd.storage.stores._part import Part
from namnd.storage.stores.schedule import meeting_summary

if TYPE_CHECKING:
    from namnd.domain.agenda import AgendaDocument
    from namnd.domain.changes import ArendeChanges, MeetingDetailsChanges
    from namnd.domain.kinds import MeetingStatus
    from namnd.domain.models import (
        AnnouncedDocument,
        Arende,
        Attachment,
        GroupMeeting,
        LateChange,
        Meeting,
        MeetingStatusChange,
    )
    from namnd.domain.views import MeetingSummary, UtskottProposal


class AgendaStore(Part):
    """Read and edit a meeting's föredragningslista and kallelse."""

    def agenda(self, meeting_id: int) -> AgendaDocument:
        """A meeting's kallelse and föredragningslista, read from one snapshot.

        The aggregate the renderers read too (``domain.agenda``): ärenden with their
        bilagor and anmälda handlingar, detached. NotFound if the meeting is gone.
        """
        with read_snapshot(self.engine) as session:
            return agendas.load_agenda(session=session, meeting_id=meeting_id)

    def add_arende(self, meeting_id: int, fields: ArendeChanges, *, by: str) -> int:
        """Register a new ärende (``fields.title`` at least) last on the list; its id."""
        arende = self._write(
            agenda_editing.add_new_arende, meeting_id=meeting_id, fields=fields.as_dict(), by=by
        )
        assert arende.id is not None  # flushed
        return arende.id

    def undecided_arenden(self, meeting_id: int) -> list[Arende]:
        """Registered, undecided ärenden not yet on this meeting's list."""
        with self._read() as session:
            return agenda_editing.undecided_arenden(session=session, meeting_id=meeting_id)

    def place_arende(self, meeting_id: int, arende_id: int, *, by: str) -> None:
        """Put a registered ärende last on the list."""
        self._write(agenda_editing.place_arende, meeting_id=meeting_id, arende_id=arende_id, by=by)

    def utskott_proposals(self, meeting_id: int) -> list[UtskottProposal]:
        """Ärenden an utskott (any other organ) has decided on, to bring to this list."""
        from namnd.storage import utskott

        with self._read() as session:
            return utskott.utskott_proposals(session=session, meeting_id=meeting_id)

    def place_from_utskott(self, meeting_id: int, paragraph_id: int, *, by: str) -> int:
        """Register the utskott §'s ärende here with its förslag, last on the list; its id."""
        from namnd.storage import utskott

        return self._write(
            utskott.place_from_utskott, meeting_id=meeting_id, paragraph_id=paragraph_id, by=by
        ).arende_id

    def remove_arende(self, meeting_id: int, arende_id: int, *, by: str) -> None:
        """Take an ärende off the list; it stays registered."""
        self._write(agenda_editing.remove_arende, meeting_id=meeting_id, arende_id=arende_id, by=by)

    def move_arende(self, meeting_id: int, arende_id: int, delta: int, *, by: str) -> int:
        """Move an ärende up (negative) or down; returns its new number."""
        return self._write(
            agenda_editing.move_arende,
            meeting_id=meeting_id,
            arende_id=arende_id,
            delta=delta,
            by=by,
        )

    def arende(self, arende_id: int) -> tuple[Arende, list[Attachment]]:
        """An ärende with its bilagor, detached, for the editor."""
        with self._read(detached=True) as session:
            return agenda_editing.load_arende(session=session, arende_id=arende_id)

    def arende_meeting(self, arende_id: int) -> MeetingSummary | None:
        """The meeting whose föredragningslista holds the ärende (its bilagor's folder)."""
        with self._read() as session:
            item = session.exec(select(AgendaItem).where(AgendaItem.arende_id == arende_id)).first()
            return None if item is None else meeting_summary(session, str(item.meeting_id))

    def save_arende(
        self,
        arende_id: int,
        version: int,
        changes: ArendeChanges,
        *,
        by: str,
        attachments: list[Attachment] | None = None,
        announcements: list[AnnouncedDocument] | None = None,
    ) -> int:
        """Save the editor's changes (StaleEdit if someone saved first); the new version."""
        with self._session() as session:
            # The lists first: a StaleEdit below rolls them back with the rest.
            also = []
            if attachments is not None and agenda_editing.replace_attachments(
                session=session, arende_id=arende_id, attachments=attachments
            ):
                also.append("bilagor")
            if announcements is not None and agendas.replace_announcements(
                session=session, arende_id=arende_id, documents=announcements
            ):
                also.append("anmälda handlingar")
            saved = agenda_editing.save_arende(
                session=session,
                arende_id=arende_id,
                version=version,
                changes=changes.as_dict(),
                by=by,
                also_changed=also,
            )
            return saved.version

    def announcements(self, arende_id: int) -> list[AnnouncedDocument]:
        """The handlingar anmälda under an ärende (anmälningsärenden), in order."""
        with self._read(detached=True) as session:
            documents = agendas.load_announcements(session=session, arende_id=arende_id)
            session.expunge_all()
            return documents

    def set_status(self, meeting_id: int, target: MeetingStatus, *, by: str) -> None:
        """Move the kallelse along utkast → granskad → utskickad, logged."""
        self._write(kallelse.set_status, meeting_id=meeting_id, target=target, by=by)

    def status_history(self, meeting_id: int) -> list[MeetingStatusChange]:
        """Who changed the kallelse's status, and when."""
        with self._read() as session:
            return kallelse.status_history(session=session, meeting_id=meeting_id)

    def late_changes(self, meeting_id: int) -> list[LateChange]:
        """Tillägg and ändringar made after utskick."""
        with self._read() as session:
            return kallelse.late_changes(session=session, meeting_id=meeting_id)

    def meeting_details(self, meeting_id: int) -> tuple[Meeting, list[GroupMeeting]]:
        """The kallelse details and gruppmöten, detached, for the details form."""
        with self._read(detached=True) as session:
            doc = agendas.load_agenda(session=session, meeting_id=meeting_id)
            return doc.meeting, doc.group_meetings

    def save_meeting_details(
        self,
        meeting_id: int,
        version: int,
        changes: MeetingDetailsChanges,
        groups: list[GroupMeeting],
    ) -> None:
        """Save the details form (StaleEdit if someone saved first)."""
        self._write(
            kallelse.save_details,
            meeting_id=meeting_id,
            version=version,
            changes=changes.as_dict(),
            groups=groups,
        )
