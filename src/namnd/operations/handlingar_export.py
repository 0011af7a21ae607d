"""Kallelse med handlingar: the whole package the ledamöter read, as one PDF/A.

The cover with the föredragningslista (each ärende's first page), then per ärende its
tjänsteskrivelse (the kallelse's text for it, through the Word renderer and LibreOffice)
followed by its bilagor in order: PDFs as they are, DOCX/ODT converted by LibreOffice,
an image on a page of its own, a table file (a delegation list's TSV, an XLSX's first
sheet) as a table.
The public version is made from the public projection and every sekretess bilaga is one
page naming it withheld under the organ's OSL reference; it is written through the
publication gate.

LibreOffice runs at most twice per build (the Word pages, then the cover, whose page
numbers depend on the rest) and its results are kept in the workspace's
``.cache/pdf/`` by content, so a rebuild converts only what changed. Anything that fails
names the file and stops before the target is touched.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from namnd.atomic_files import write_with
from namnd.domain.agenda import AgendaDocument
from namnd.domain.models import Attachment
from namnd.errors import InvalidInput, NamndError
from namnd.formats.bilaga_files import kind_of, resolve_reference, sha256
from namnd.operations.agenda_files import store_workspace
from namnd.operations.bilaga_files import stored_path
from namnd.renderers.handlingar_pdf import Chapter, Piece, assemble, page_count
from namnd.rules.publication import DEFAULT_OSL_REFERENCE, public_version
from namnd.rules.swedish_dates import long_date
from namnd.storage import agendas, queries
from namnd.storage.database import read_snapshot
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace

Progress = Callable[[int, int, str], None]
CACHE = Path(".cache") / "pdf"


@dataclass(frozen=True)
class HandlingarResult:
    """The written package: where, how many pages, and warnings (e.g. not PDF/A)."""

    path: Path
    pages: int
    warnings: tuple[str, ...] = ()


def default_path(workspace: Workspace, store: Store, ref: str, public: bool) -> Path:
    """``agendas/2019-09-19-von-handlingar.pdf`` (``-offentlig`` for the public version)."""
    meeting = store.schedule.find_meeting(ref)
    suffix = "-offentlig" if public else ""
    name = f"{meeting.date.isoformat()}-{meeting.organ_code}-handlingar{suffix}.pdf"
    return workspace.file_in(workspace.agendas, name)


def stamp_text(doc: AgendaDocument, number: int | None) -> str:
    """``Vård- och omsorgsnämnden · 19 september 2019 · Ärende 3`` (the cover: Kallelse)."""
    where = f"Ärende {number}" if number else "Kallelse med föredragningslista"
    return f"{doc.organ.name} · sammanträde {long_date(doc.meeting.date)} · {where}"


def export_handlingar(
    store: Store,
    ref: str,
    path: Path,
    *,
    public: bool = False,
    progress: Progress | None = None,
) -> HandlingarResult:
    """Build the package of the meeting ``ref`` and write it to ``path``.

    The public version goes through ``operations.publishing.publish``: the gate reads the
    finished PDF back before it is placed.
    """
    from namnd.operations.delegation_section import delegation_extras
    from namnd.operations.publishing import publish

    with read_snapshot(store.engine) as session:  # the whole package as of one moment
        meeting = queries.find_meeting(session=session, ref=ref)
        assert meeting.id is not None  # a stored meeting
        internal = agendas.load_agenda(session=session, meeting_id=meeting.id)
        extras = delegation_extras(session, meeting.id, internal)
    build = _Build(store_workspace(store), internal, public, progress)
    if public:
        build.doc = public_version(internal, internal.organ.osl_reference)
        build.under = extras.public_under_item
    else:
        build.under = extras.under_item
    if not public:
        return build.write(path)
    outcome: list[HandlingarResult] = []

    def render(target: Path | None) -> Path:
        assert target is not None
        outcome.append(build.write(target))
        return target

    publish(store, path, "pdf", render)
    result = outcome[0]
    return HandlingarResult(path=path, pages=result.pages, warnings=result.warnings)


@dataclass
class _Source:
    """One piece before conversion: a file to convert (or a PDF as it is) and its names."""

    title: str
    name: str
    file: Path
    #: False for a PDF taken as it is; True for a file LibreOffice (Writer) converts.
    convert: bool = True
    #: A PDF from outside (a bilaga as it came), whose fonts are checked.
    foreign: bool = False
    #: The cache key when it is known before the file is made (see ``_input_key``).
    key: str = ""


class _Build:
    def __init__(
        self,
        workspace: Workspace,
        internal: AgendaDocument,
        public: bool,
        progress: Progress | None,
    ) -> None:
        self.workspace = workspace
        self.internal = internal
        self.doc = internal
        self.public = public
        self.under: dict[int, str] = {}
        self.progress = progress
        self.cache = workspace.root / CACHE
        self.step = 0
        self.steps = 1

    def _tell(self, message: str) -> None:
        if self.progress:
            self.progress(min(self.step, self.steps), self.steps, message)
        self.step += 1

    def write(self, target: Path) -> HandlingarResult:
        doc = self.doc
        bilagor = sum(len(e.attachments) for e in doc.entries)
        self.steps = 2 * len(doc.entries) + bilagor + 4
        self.step = 0
        with tempfile.TemporaryDirectory(prefix="namnd-handlingar-") as tmp:
            folder = Path(tmp)
            chapters = [self._sources(folder, number) for number in range(1, len(doc.entries) + 1)]
            texts = [stamp_text(doc, None)] + [
                stamp_text(doc, n) for n in range(1, len(doc.entries) + 1)
            ]
            stamps = self._page(
                "stämplarna",
                _input_key("stamps", "\n".join(texts), b""),
                lambda: _stamps(texts, folder / "stamps.docx"),
            )
            self._tell("Gör PDF av tjänsteskrivelser och bilagor (LibreOffice)")
            every = [source for chapter in chapters for source in chapter] + [stamps]
            pdfs = self._convert(every, folder)
            pages, labels = 1, []
            for chapter in chapters:
                labels.append(str(pages))
                pages += sum(page_count(pdfs[id(s)], s.name) for s in chapter)
            cover = self._page(
                "kallelsen",
                _models_key(
                    "cover",
                    labels,
                    [doc.organ, doc.meeting, *doc.group_meetings, *(e.arende for e in doc.entries)],
                ),
                lambda: _cover(doc, folder / "kallelse.docx", labels),
            )
            self._tell("Gör PDF av kallelsen med föredragningslistan")
            cover_pdf = self._convert([cover], folder)[id(cover)]
            self._tell("Sätter ihop paketet")
            assembly = assemble(
                cover_pdf,
                [
                    Chapter(
                        title=f"{n}. {entry.arende.title}",
                        pieces=[
                            Piece(s.title, pdfs[id(s)], name=s.name, foreign=s.foreign)
                            for s in chapter
                        ],
                    )
                    for n, (entry, chapter) in enumerate(
                        zip(doc.entries, chapters, strict=True), start=1
                    )
                ],
                pdfs[id(every[-1])],
                target,
                title=f"Kallelse med handlingar – {doc.organ.name} {long_date(doc.meeting.date)}",
                progress=lambda title: self._tell(f"Sätter ihop {title}"),
            )
        self._tell("Klart")
        return HandlingarResult(target, assembly.pages, tuple(assembly.warnings))

    # --- the pieces of one ärende ---------------------------------------------------

    def _sources(self, folder: Path, number: int) -> list[_Source]:
        entry = self.doc.entries[number - 1]
        self._tell(f"Skriver tjänsteskrivelsen till ärende {number}")
        extra = self.under.get(number, "")
        memo = self._page(
            f"Tjänsteskrivelsen till ärende {number}",
            _models_key(
                f"memo\0{number}\0{self.public}\0{extra}",
                [],
                [entry.arende, *entry.attachments, *entry.announcements],
            ),
            lambda: _memo(
                self.doc,
                number,
                folder / f"arende-{number:02d}.docx",
                public=self.public,
                extra=extra,
            ),
            title="Tjänsteskrivelse",
        )
        sources = [memo]
        stored = self.internal.entries[number - 1].attachments
        for index, attachment in enumerate(entry.attachments):
            self._tell(f"Förbereder bilaga {index + 1} till ärende {number}")
            original = stored[index] if index < len(stored) else attachment
            if not (original.stored or self._written_here(original)):
                continue  # a bilaga without a file: listed in the tjänsteskrivelse only
            stem = f"bilaga-{number:02d}-{index + 1:02d}"
            if attachment.confidential and self.public:
                sources.append(self._withheld(folder, stem, number, index + 1))
            else:
                sources.append(self._bilaga(folder, stem, number, original))
        return sources

    def _page(self, name: str, key: str, make: Callable[[], Path], *, title: str = "") -> _Source:
        """Pages namnd makes itself: the cached PDF if there is one, else ``make()``'s file.

        ``key`` says what the pages are made of, so nothing is laid out to find them.
        """
        cached = self.cache / f"{key}.pdf"
        if cached.is_file():
            return _Source(title, name, cached, convert=False)
        return _Source(title, name, make(), key=key)

    def _withheld(self, folder: Path, stem: str, number: int, position: int) -> _Source:
        from namnd.renderers.handlingar_pages import write_withheld_docx

        ground = (self.doc.organ.osl_reference or DEFAULT_OSL_REFERENCE).strip()
        heading = f"Bilaga {position} till ärende {number}"
        text = (
            "Sekretessbelagd handling. Bilagan lämnas inte ut i den offentliga versionen "
            f"med hänvisning till sekretess ({ground})."
        )
        return self._page(
            heading,
            _input_key("withheld", f"{heading}\0{text}", b""),
            lambda: write_withheld_docx(heading, text, folder / f"{stem}.docx"),
            title="Sekretessbelagd handling",
        )

    def _written_here(self, attachment: Attachment) -> Path | None:
        """A bilaga namnd wrote into ``agendas/`` itself (the ej verkställda redovisning)."""
        if attachment.stored or not attachment.file:
            return None
        try:
            path = resolve_reference(
                attachment.file, base=self.workspace.agendas, workspace_root=self.workspace.root
            )
        except InvalidInput:
            return None
        return path if path.is_file() else None

    def _bilaga(self, folder: Path, stem: str, number: int, attachment: Attachment) -> _Source:
        name = f"Bilagan ”{attachment.title}” (ärende {number})"
        path = self._written_here(attachment) or stored_path(self.workspace, attachment)
        try:
            data = path.read_bytes()
        except OSError:
            raise NamndError(
                f"{name}: filen {attachment.stored} finns inte längre i arbetsmappen."
            ) from None
        if attachment.sha256 and sha256(data) != attachment.sha256:
            raise NamndError(
                f"{name}: filen {attachment.stored} har ändrats i arbetsmappen sedan den "
                "lästes in; läs in den igen som ny version."
            )
        route = kind_of(path).route
        named = f"{name}, fil {path.name}"
        if route == "pdf":
            return _Source(attachment.title, named, path, convert=False, foreign=True)
        key = _input_key(route, attachment.title, data)

        def make() -> Path:
            if route == "office":
                copy = folder / f"{stem}{path.suffix.casefold()}"
                shutil.copyfile(path, copy)
                return copy
            if route == "image":
                from namnd.renderers.handlingar_pages import write_image_docx

                return write_image_docx(attachment.title, path, folder / f"{stem}.docx")
            from namnd.formats.tables import cell_text, read_records
            from namnd.renderers.handlingar_pages import write_table_docx

            records = read_records(data, name=path.name)
            rows = [[cell_text(cell) for cell in cells] for _, cells in records.rows]
            return write_table_docx(attachment.title, rows, folder / f"{stem}.docx")

        return self._page(named, key, make, title=attachment.title)

    # --- LibreOffice, through the cache --------------------------------------------

    def _convert(self, sources: list[_Source], folder: Path) -> dict[int, Path]:
        """The PDF of each of ``sources`` (by ``id``), from the cache or made now."""
        from namnd.renderers.pdf_archive import convert_many

        found: dict[int, Path] = {}
        todo: list[tuple[_Source, Path]] = []
        for source in sources:
            if not source.convert:
                found[id(source)] = source.file
                continue
            cached = self.cache / f"{source.key}.pdf"
            found[id(source)] = cached
            if not cached.is_file():
                todo.append((source, cached))
        if not todo:
            return found
        outdir = folder / "pdf"
        outdir.mkdir(exist_ok=True)
        try:
            convert_many([s.file for s, _ in todo], outdir)
        except NamndError as err:
            failed = next(
                (s for s, _ in todo if not (outdir / f"{s.file.stem}.pdf").is_file()), None
            )
            what = failed.name if failed else "En del av paketet"
            raise NamndError(f"{what} kunde inte göras om till PDF; inget skrevs. {err}") from None
        for source, cached in todo:
            produced = outdir / f"{source.file.stem}.pdf"
            write_with(cached, functools.partial(shutil.copyfile, produced))
        return found


#: Part of every key made before rendering: raise it when a bilaga renders differently.
RENDERING = "1"


def _input_key(route: str, title: str, data: bytes) -> str:
    """The cache key of a bilaga's pages from what they are made of.

    A cached table or image is then found without laying it out again.
    """
    digest = hashlib.sha256(f"{RENDERING}\0{route}\0{title}\0".encode())
    digest.update(_renderers_code())
    digest.update(data)
    return digest.hexdigest()


def _models_key(what: str, labels: list[str], models: list) -> str:
    """The cache key of pages made from stored rows: the rows, and the renderers' code.

    Known without rendering anything, so an unchanged ärende costs nothing on a rebuild;
    any change to the Word renderers (their source) makes every page anew.
    """
    digest = hashlib.sha256(f"{RENDERING}\0{what}\0{labels}\0".encode())
    digest.update(_renderers_code())
    for model in models:
        fields = model.model_dump(mode="json", exclude={"version"})
        digest.update(json.dumps(fields, sort_keys=True).encode())  # loaded in any order
    return digest.hexdigest()


@functools.cache
def _renderers_code() -> bytes:
    from namnd import renderers

    folder = Path(renderers.__file__).parent
    return b"".join(path.read_bytes() for path in sorted(folder.glob("*.py")))


# --- the Word renderers, imported only when a page is not in the cache ------------------


def _memo(doc: AgendaDocument, number: int, path: Path, *, public: bool, extra: str) -> Path:
    from namnd.renderers.kallelse_docx import write_item_docx

    return write_item_docx(doc, number, path, public=public, extra=extra)


def _cover(doc: AgendaDocument, path: Path, labels: list[str]) -> Path:
    from namnd.renderers.kallelse_docx import write_cover_docx

    return write_cover_docx(doc, path, labels)


def _stamps(texts: list[str], path: Path) -> Path:
    from namnd.renderers.handlingar_pages import write_stamps_docx

    return write_stamps_docx(texts, path)
