"""Import an agenda file into the database and export a meeting back to one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from namnd.errors import InvalidInput
from namnd.formats.agenda_markdown import AgendaFormatError, dump_agenda, parse_agenda
from namnd.formats.text_files import read_text
from namnd.storage import agendas, queries
from namnd.storage.store import Store


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    meeting_id: int
    items: int


def import_agenda_file(store: Store, path: Path) -> ImportResult:
    """Parse ``path`` and store its meeting in one transaction (all or nothing)."""
    text = read_text(path)
    try:
        doc = parse_agenda(text)
    except AgendaFormatError as err:
        raise InvalidInput(f"{path.name}, {err}") from None
    with store.session() as session:
        meeting = agendas.insert_agenda(session=session, doc=doc)
        return ImportResult(meeting_id=meeting.id, items=len(doc.entries))


def export_agenda_markdown(store: Store, ref: str) -> str:
    """The agenda file of the meeting named by ``ref`` (date or id)."""
    with Session(store.engine) as session:
        meeting = queries.find_meeting(session=session, ref=ref)
        return dump_agenda(agendas.load_agenda(session=session, meeting_id=meeting.id))
