"""Import an agenda file into the database and export a meeting back to one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from namnd.domain.diarienummer import DnrFormat
from namnd.domain.models import Organ
from namnd.errors import InvalidInput
from namnd.formats.agenda_markdown import AgendaFormatError, dump_agenda, parse_agenda
from namnd.formats.text_files import read_text
from namnd.storage import agendas, queries
from namnd.storage.organs import dnr_format
from namnd.storage.store import Store


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    meeting_id: int
    items: int


def import_agenda_file(store: Store, path: Path) -> ImportResult:
    """Parse ``path`` and store its meeting in one transaction (all or nothing)."""
    text = read_text(path)
    with store.session() as session:

        def stored_format(organ: Organ) -> DnrFormat:
            """The stored organ's format (it wins over the file's front matter)."""
            stored = session.exec(select(Organ).where(Organ.code == organ.code)).first()
            return dnr_format(stored or organ)

        try:
            doc = parse_agenda(text, stored_format)
        except AgendaFormatError as err:
            raise InvalidInput(f"{path.name}, {err}") from None
        meeting = agendas.insert_agenda(session=session, doc=doc)
        return ImportResult(meeting_id=meeting.id, items=len(doc.entries))


def export_agenda_markdown(store: Store, ref: str) -> str:
    """The agenda file of the meeting named by ``ref`` (date or id)."""
    with Session(store.engine) as session:
        meeting = queries.find_meeting(session=session, ref=ref)
        return dump_agenda(agendas.load_agenda(session=session, meeting_id=meeting.id))
