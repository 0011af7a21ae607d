"""Keeping a bilaga's file in the workspace: copied once, named stably, its SHA-256 kept.

A bilaga file is copied to ``agendas/handlingar/DATUM-KOD/`` under a name made of its
title and the start of its SHA-256 (``genomlysning-boendestod-3f2a9c01b7d4.pdf``): the
same content always gets the same name, and a new version never overwrites the copy an
earlier kallelse was made from. ``source`` remembers where the original was read, so a
later change to it is noticed (on re-import, or in the TUI's editor) and offered as a
new version.

Copies are made through :class:`Copies`: if anything fails before the database commits,
every file it created is removed again, so an import is all or nothing on disk too.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from namnd.atomic_files import write_bytes
from namnd.domain.agenda import AgendaDocument
from namnd.domain.models import Attachment
from namnd.errors import InvalidInput, NamndError
from namnd.formats.bilaga_files import read_bilaga, resolve_reference, sha256
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace

HANDLINGAR = "handlingar"


def _slug(title: str) -> str:
    """``Genomlysning boendestöd`` → ``genomlysning-boendestod``: a name any system copes with."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.casefold()).strip("-")[:50].strip("-") or "bilaga"


def meeting_folder(workspace: Workspace, date_iso: str, organ_code: str) -> Path:
    """``agendas/handlingar/2019-09-19-von/`` (checked to stay in the workspace)."""
    parent = workspace.agendas / HANDLINGAR
    return workspace.file_in(parent, f"{date_iso}-{organ_code}")


def stored_path(workspace: Workspace, attachment: Attachment) -> Path:
    """The workspace copy of a bilaga file (a Swedish error if it was never copied)."""
    if not attachment.stored:
        raise NamndError(f"Bilagan ”{attachment.title}” har ingen fil i arbetsmappen.")
    path = (workspace.root / attachment.stored).resolve()
    if workspace.root.resolve() not in path.parents:
        raise NamndError(f"Bilagan ”{attachment.title}” pekar ut ur arbetsmappen.")
    return path


@dataclass(frozen=True)
class ChangedOriginal:
    """A bilaga whose original file differs from the copy kept in the workspace."""

    arende_number: int
    attachment: Attachment
    path: Path


class Copies:
    """Copies made for one import or edit; ``undo`` removes those it created."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.created: list[Path] = []

    def keep(self, attachment: Attachment, original: Path, data: bytes, folder: Path) -> None:
        """Copy ``data`` (read from ``original``) into ``folder``; fill the bilaga's fields."""
        digest = sha256(data)
        stem = _slug(attachment.title)
        target = folder / f"{stem}-{digest[:12]}{original.suffix.casefold()}"
        if not target.is_file():
            created_folder = not folder.exists()
            write_bytes(target, data)
            if created_folder:
                self.created.append(folder)
            self.created.append(target)
        attachment.sha256 = digest
        attachment.stored = target.relative_to(self.workspace.root).as_posix()
        attachment.source = str(original)

    def undo(self) -> None:
        for path in reversed(self.created):
            with contextlib.suppress(OSError):
                path.rmdir() if path.is_dir() else path.unlink()
        self.created.clear()


@contextlib.contextmanager
def copying(workspace: Workspace) -> Iterator[Copies]:
    """Copies kept if the block succeeds, removed again if it raises."""
    copies = Copies(workspace)
    try:
        yield copies
    except BaseException:
        copies.undo()
        raise


def copy_agenda_files(doc: AgendaDocument, agenda_file: Path, copies: Copies) -> None:
    """Copy every ``[fil: …]`` of an agenda file; the first bad one stops it, named by line.

    Every file is checked before the first is copied, so a bad file leaves nothing.
    """
    workspace = copies.workspace
    base = agenda_file.resolve().parent
    folder = meeting_folder(workspace, doc.meeting.date.isoformat(), doc.organ.code)
    read: list[tuple[Attachment, Path, bytes]] = []
    for number, entry in enumerate(doc.entries, start=1):
        lines = entry.attachment_lines or [0] * len(entry.attachments)
        for attachment, line in zip(entry.attachments, lines, strict=True):
            if not attachment.file:
                continue
            try:
                path = resolve_reference(attachment.file, base=base, workspace_root=workspace.root)
                read.append((attachment, path, read_bilaga(path)))
            except InvalidInput as err:
                where = f"rad {line}: " if line else ""
                raise InvalidInput(
                    f"{agenda_file.name}, {where}bilagan ”{attachment.title}” i ärende "
                    f"{number}: {err}"
                ) from None
    for attachment, path, data in read:
        copies.keep(attachment, path, data, folder)


def changed_files(attachments: list[Attachment]) -> list[tuple[Attachment, Path]]:
    """The bilagor whose original file now holds something else (missing ones skipped)."""
    changed = []
    for attachment in attachments:
        if not (attachment.source and attachment.sha256):
            continue
        original = Path(attachment.source)
        try:
            digest = sha256(original.read_bytes())
        except OSError:
            continue
        if digest != attachment.sha256:
            changed.append((attachment, original))
    return changed


def changed_originals(doc: AgendaDocument) -> list[ChangedOriginal]:
    """Every bilaga of a stored agenda whose original has changed, with its ärende."""
    return [
        ChangedOriginal(number, attachment, original)
        for number, entry in enumerate(doc.entries, start=1)
        for attachment, original in changed_files(entry.attachments)
    ]


def take_new_version(attachment: Attachment, original: Path, folder: Path, copies: Copies) -> None:
    """Copy the changed original as the bilaga's next version (the old copy is kept)."""
    try:
        data = read_bilaga(original)
    except InvalidInput as err:
        raise InvalidInput(f"Bilagan ”{attachment.title}”: {err}") from None
    copies.keep(attachment, original, data, folder)
    attachment.version += 1


def pick_file(
    workspace: Workspace, attachment: Attachment, original: Path, date_iso: str, code: str
) -> Copies:
    """Copy a file the user picked (from anywhere) for ``attachment``; returns the copies."""
    try:
        data = read_bilaga(original.expanduser())
    except InvalidInput as err:
        raise InvalidInput(f"Bilagan ”{attachment.title}”: {err}") from None
    copies = Copies(workspace)
    folder = meeting_folder(workspace, date_iso, code)
    copies.keep(attachment, original.expanduser().resolve(), data, folder)
    attachment.file = os.path.relpath(workspace.root / str(attachment.stored), workspace.agendas)
    return copies


def arende_changes(store: Store, arende_id: int) -> list[str]:
    """Titles of the ärende's bilagor whose original has changed since it was copied."""
    _, attachments = store.agendas.arende(arende_id)
    return [attachment.title for attachment, _ in changed_files(attachments)]


def take_arende_new_versions(store: Store, arende_id: int) -> list[str]:
    """Copy every changed original of the ärende's bilagor as its next version."""
    from sqlmodel import col, select

    workspace = store.workspace
    assert workspace is not None
    taken = []
    with copying(workspace) as copies, store.session() as session:
        rows = session.exec(
            select(Attachment)
            .where(Attachment.arende_id == arende_id)
            .order_by(col(Attachment.position))
        ).all()
        for row, original in changed_files(list(rows)):
            folder = workspace.root / Path(str(row.stored)).parent
            take_new_version(row, original, folder, copies)
            session.add(row)
            taken.append(row.title)
    return taken
