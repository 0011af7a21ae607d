"""Import an agenda file into the database and export a meeting back to one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from namnd.domain.diarienummer import DnrFormat
from namnd.domain.models import Organ
from namnd.errors import InvalidInput, NamndError
from namnd.formats.agenda_markdown import AgendaFormatError, dump_agenda, parse_agenda
from namnd.formats.text_files import read_text
from namnd.operations.bilaga_files import (
    changed_originals,
    copy_agenda_files,
    copying,
    meeting_folder,
    take_new_version,
)
from namnd.storage import agendas, queries
from namnd.storage.organs import dnr_format
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    meeting_id: int
    items: int
    #: Bilagor whose changed original was taken in as a new version (a re-import).
    new_versions: tuple[str, ...] = ()


def store_workspace(store: Store) -> Workspace:
    """The workspace bilaga files are copied into."""
    if store.workspace is None:
        raise NamndError("Bilagefiler kan bara läsas in i en arbetsmapp.")
    return store.workspace


def import_agenda_file(store: Store, path: Path, *, new_versions: bool = False) -> ImportResult:
    """Parse ``path`` and store its meeting in one transaction (all or nothing).

    Every ``[fil: …]`` is checked and copied into the workspace with it; if anything
    fails, neither rows nor copied files remain. Importing a file whose meeting is
    already stored changes nothing, except that a bilaga whose original has changed since
    is named, and with ``new_versions`` taken in as its next version.
    """
    text = read_text(path)
    workspace = store_workspace(store)
    with copying(workspace) as copies, store.session() as session:

        def stored_format(organ: Organ) -> DnrFormat:
            """The stored organ's format (it wins over the file's front matter)."""
            stored = session.exec(select(Organ).where(Organ.code == organ.code)).first()
            return dnr_format(stored or organ)

        try:
            doc = parse_agenda(text, stored_format)
        except AgendaFormatError as err:
            raise InvalidInput(f"{path.name}, {err}") from None
        organ = agendas.get_or_create_organ(session=session, organ=doc.organ)
        assert organ.id is not None  # a stored organ
        existing = agendas.find_meeting_for(session=session, organ_id=organ.id, doc=doc)
        if existing is not None:
            assert existing.id is not None  # a stored meeting
            stored = agendas.load_agenda(session=session, meeting_id=existing.id)
            changed = changed_originals(stored)
            if not changed:
                agendas.insert_agenda(session=session, doc=doc)  # raises MeetingExists
            names = tuple(f"”{c.attachment.title}” (ärende {c.arende_number})" for c in changed)
            if not new_versions:
                raise InvalidInput(
                    f"{organ.name} har redan sammanträdet {doc.meeting.date.isoformat()}. "
                    f"Bilagefilen har ändrats sedan den lästes in: {', '.join(names)}. "
                    "Läs in filen igen med --new-versions för att ta in de nya versionerna "
                    "(inget annat ändras)."
                )
            folder = meeting_folder(workspace, doc.meeting.date.isoformat(), organ.code)
            for change in changed:
                take_new_version(change.attachment, change.path, folder, copies)
                session.add(change.attachment)
            return ImportResult(existing.id, len(stored.entries), names)
        copy_agenda_files(doc, path, copies)
        meeting = agendas.insert_agenda(session=session, doc=doc)
        assert meeting.id is not None  # a stored meeting
        return ImportResult(meeting_id=meeting.id, items=len(doc.entries))


def export_agenda_markdown(store: Store, ref: str) -> str:
    """The agenda file of the meeting named by ``ref`` (date or id)."""
    with Session(store.engine) as session:
        meeting = queries.find_meeting(session=session, ref=ref)
        assert meeting.id is not None  # a stored meeting
        return dump_agenda(agendas.load_agenda(session=session, meeting_id=meeting.id))
