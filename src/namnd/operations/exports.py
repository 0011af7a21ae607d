"""The documents a meeting exports, by name: the one place the CLI and the TUI read them from.

Each :class:`Document` names a reader, ``read(store, ref, options) -> view``, and one
writer per file format, ``write(view, path, options)``. :func:`export` is the one format
dispatch: Markdown and Word come from the document's writers, PDF/A always from its Word
version, and a public version is written through the publication gate
(``operations.publishing``). The CLI's ``namnd export kallelse|protokoll`` parsers and
their ``--format`` choices, and the export entries of the TUI's command palettes, are
built from :data:`EXPORTS`.

Readers and writers are named as ``module:function`` and imported when an export runs,
so that building the CLI's parser or a screen's palette loads neither the database nor
python-docx.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from namnd.errors import InvalidInput

if TYPE_CHECKING:
    from namnd.storage.store import Store
    from namnd.storage.workspace import Workspace

#: Made from the Word version by LibreOffice (``renderers.pdf_archive``), never written
#: directly.
PDF = "pdf"


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose: the format, the public version, the organ's Word template."""

    fmt: str
    public: bool = False
    template: Path | None = None


@dataclass(frozen=True)
class MenuEntry:
    """One export in a screen's command palette: its action, title and notice."""

    action: str
    title: str
    fmt: str
    public: bool = False
    #: Shown while the worker writes (None: nothing until it is written).
    notice: str | None = None


@dataclass(frozen=True)
class Document:
    """A document exported from a meeting, in the formats of its writers and PDF/A."""

    name: str
    label: str
    help: str
    folder: str
    read: str
    writers: dict[str, str]
    default_format: str
    output_help: str
    #: Markdown without ``-o`` goes to standard output (else to the default file).
    markdown_to_stdout: bool = False
    menu: tuple[MenuEntry, ...] = ()

    @property
    def formats(self) -> tuple[str, ...]:
        """Every format the document is written in; PDF/A wherever Word is."""
        return (*self.writers, PDF) if "docx" in self.writers else tuple(self.writers)

    def palette(self) -> tuple[tuple[str, str], ...]:
        """``(title, action)`` pairs for a screen's ``PALETTE``."""
        return tuple((f"{self.label}: {entry.title}", entry.action) for entry in self.menu)

    def entry(self, action: str) -> MenuEntry:
        """The menu entry behind a screen's action."""
        return next(entry for entry in self.menu if entry.action == action)


def _resolve(name: str) -> Callable[..., Any]:
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


KALLELSE_MODULE = "namnd.operations.kallelse_export"
PROTOCOL_MODULE = "namnd.operations.protocol_export"

EXPORTS: dict[str, Document] = {
    document.name: document
    for document in (
        Document(
            name="kallelse",
            label="Kallelse",
            help="kallelse med föredragningslista",
            folder="agendas",
            read=f"{KALLELSE_MODULE}:read_kallelse",
            writers={
                "md": f"{KALLELSE_MODULE}:write_markdown",
                "docx": f"{KALLELSE_MODULE}:write_word",
            },
            default_format="md",
            output_help="fil att skriva (md: annars stdout; docx: annars agendas/DATUM-KOD.docx)",
            markdown_to_stdout=True,
            menu=(
                MenuEntry(
                    "export_word",
                    "exportera till Word",
                    "docx",
                    notice="Skriver kallelsen som Word …",
                ),
                MenuEntry(
                    "export_public",
                    "offentlig version för webben (Word)",
                    "docx",
                    public=True,
                    notice="Skriver den offentliga kallelsen som Word …",
                ),
            ),
        ),
        Document(
            name="protokoll",
            label="Protokoll",
            help="sammanträdesprotokoll (Word eller Markdown)",
            folder="protocols",
            read=f"{PROTOCOL_MODULE}:read_protocol",
            writers={
                "docx": "namnd.operations.printed_protocol:write_word",
                "md": f"{PROTOCOL_MODULE}:write_markdown",
            },
            default_format="docx",
            output_help="fil att skriva (annars protocols/DATUM-KOD.FORMAT)",
            menu=(
                MenuEntry(
                    "export_word",
                    "exportera till Word",
                    "docx",
                    notice="Skriver protokollet som Word …",
                ),
                MenuEntry(
                    "export_public", "exportera offentlig version till Word", "docx", public=True
                ),
                MenuEntry(
                    "export_pdf",
                    "exportera offentlig version som PDF/A (anslag, arkiv)",
                    PDF,
                    public=True,
                    notice="Gör PDF/A av den offentliga versionen …",
                ),
            ),
        ),
    )
}


def export(
    store: Store,
    name: str,
    ref: str,
    *,
    fmt: str,
    path: Path | None,
    public: bool = False,
    template: Path | None = None,
) -> str | Path:
    """Write document ``name`` of meeting ``ref`` as ``fmt``; Markdown without a path is returned.

    The view is read once per file written; the public version is read from the public
    projection and passes the publication gate before it reaches ``path``.
    """
    from namnd.operations.publishing import export_document

    document = EXPORTS[name]
    if fmt not in document.formats:
        raise InvalidInput(
            f"{document.label} kan inte skrivas som {fmt}: välj {', '.join(document.formats)}."
        )

    def write(fmt: str, target: Path | None, public: bool) -> str | Path:
        options = ExportOptions(fmt, public, template)
        view = _resolve(document.read)(store, ref, options)
        return _resolve(document.writers[fmt])(view, target, options)

    return export_document(store, path, fmt, public=public, write=write)


def default_path(
    workspace: Workspace,
    store: Store,
    ref: str,
    name: str,
    fmt: str,
    *,
    public: bool = False,
    number: int | None = None,
) -> Path:
    """Where document ``name`` goes: ``agendas/2019-09-19-von.docx`` and the like.

    ``-offentlig`` for the public version (``protocols/2019-09-19-von-offentlig.pdf``);
    ``number`` names a protokollsutdrag: ``protocols/2019-09-19-von-utdrag-90.docx``.
    """
    meeting = store.schedule.find_meeting(ref)
    return meeting_file(
        workspace, name, meeting.date, meeting.organ_code, fmt, public=public, number=number
    )


def meeting_file(
    workspace: Workspace,
    name: str,
    day: dt.date,
    organ_code: str,
    fmt: str,
    *,
    public: bool = False,
    number: int | None = None,
) -> Path:
    """:func:`default_path` of the meeting held on ``day`` by the organ ``organ_code``."""
    suffix = "-offentlig" if public else ""
    if number is not None:
        suffix = f"-utdrag-{number}"
    folder = getattr(workspace, EXPORTS[name].folder)
    return workspace.file_in(folder, f"{day.isoformat()}-{organ_code}{suffix}.{fmt}")
