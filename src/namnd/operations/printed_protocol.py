"""The protokoll as one file prints it, and its Word writer: no database session, no ORM.

Two readers fill a :class:`PrintedProtocol`: ``protocol_export.read_protocol`` through
the Store (either backend, the public version, the TUI) and :func:`read_direct` from
``storage.protocol_direct`` for the internal Word protokoll of an up-to-date SQLite
workspace, the CLI's ``namnd export protokoll``, whose process then loads neither
SQLAlchemy nor SQLModel. Both write out the beslut of a "beslutar enligt förslaget"
(``protocol_text.full_decisions``) and print the delegationsbeslut counts with
``renderers.delegation_markdown``, so the two give equal values
(``tests/storage/test_protocol_direct.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.domain.protocol import Protocol
from namnd.domain.views import PrintedItem
from namnd.rules.protocol_text import full_decisions

if TYPE_CHECKING:
    from namnd.operations.exports import ExportOptions
    from namnd.rules.deadlines import AfterMeeting
    from namnd.storage.workspace import Workspace


@dataclass(frozen=True)
class PrintedProtocol:
    """The protokoll as read for one file: printed (public or not), with what Word adds."""

    meeting_id: int
    #: Beslut written out; the public projection for the public version.
    protocol: Protocol
    #: What each list position's § prints of its ärende (Word only).
    items: dict[int, PrintedItem] = field(default_factory=dict)
    #: The organ's own Word template, if it has one.
    template: Path | None = None
    #: Read for Word only: the meeting's dates after it, Markdown under ärenden.
    after: AfterMeeting | None = None
    under_item: dict[int, str] = field(default_factory=dict)


def write_word(view: PrintedProtocol, path: Path | None, options: ExportOptions) -> Path:
    """The Word protokoll in the organ's template (``--template`` wins over it)."""
    from namnd.renderers.protocol_docx import write_protocol_docx

    assert path is not None and view.after is not None  # read for Word
    return write_protocol_docx(
        view.protocol,
        path,
        items=view.items,
        public=options.public,
        template=options.template or view.template,
        after=view.after,
        under_item=view.under_item,
    )


@dataclass(frozen=True)
class DirectExport:
    """The internal protokoll read without the Store, and where its file goes by default."""

    view: PrintedProtocol
    day: dt.date
    organ_code: str


def read_direct(workspace: Workspace, ref: str) -> DirectExport | None:
    """The internal Word protokoll of meeting ``ref`` read with sqlite3; None: use the Store."""
    from namnd.renderers.delegation_markdown import delegation_extras_of, imported_lists
    from namnd.storage.protocol_direct import read_printed

    reading = read_printed(workspace, ref)
    if reading is None:
        return None
    under_item: dict[int, str] = {}
    if reading.delegation is not None:
        found = reading.delegation
        lists = imported_lists(found.imports, found.rows)
        under_item = delegation_extras_of(found.position, found.decisions, lists).under_item
    view = PrintedProtocol(
        reading.meeting_id,
        full_decisions(reading.protocol, reading.proposals),
        reading.items,
        reading.template,
        reading.after,
        under_item,
    )
    return DirectExport(view, reading.day, reading.organ_code)


def export_direct(
    workspace: Workspace, ref: str, *, path: Path | None, template: Path | None
) -> Path | None:
    """Write the internal Word protokoll read with sqlite3; None where the Store must read it.

    Without ``path`` the file goes where ``operations.exports.default_path`` puts it.
    """
    from namnd.operations.exports import ExportOptions, meeting_file

    found = read_direct(workspace, ref)
    if found is None:
        return None
    target = path or meeting_file(workspace, "protokoll", found.day, found.organ_code, "docx")
    return write_word(found.view, target, ExportOptions("docx", template=template))
