"""Putting the handlingar package together from its PDFs, with pikepdf.

The cover (made by LibreOffice as PDF/A-2) is the base, so the package keeps its
OutputIntent and XMP; each ärende's tjänsteskrivelse and bilagor are appended in order,
a stamp strip naming organ, date and ärende is laid over the top of every page, and the
bookmarks (ärende → tjänsteskrivelse, each bilaga) and page labels (the cover i, ii …,
then 1, 2 … as the föredragningslista gives them) are set through pikepdf's outline and
number-tree types. pikepdf (qpdf) rather than pypdf: it copies pages without parsing
their content streams and lays a stamp on as a form XObject, which keeps a package of a
few hundred pages within a small factor of a plain merge.

A merged bilaga whose fonts are not embedded cannot be PDF/A; the package is then
written without the PDF/A claim and a warning names the bilaga.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from namnd.atomic_files import write_with
from namnd.errors import NamndError


@dataclass(frozen=True)
class Piece:
    """The pages of one PDF in the package: a tjänsteskrivelse or one bilaga."""

    title: str
    pdf: Path
    #: What to call it in an error (the bilaga and its file).
    name: str = ""
    #: True for a PDF from outside (a bilaga as it came): its fonts are checked.
    foreign: bool = False


@dataclass(frozen=True)
class Chapter:
    """One ärende: its bookmark title and its pieces, the tjänsteskrivelse first."""

    title: str
    pieces: list[Piece]


@dataclass
class Assembly:
    """What was written: page count, where each chapter starts, and any warnings."""

    pages: int
    chapter_starts: list[int]
    warnings: list[str] = field(default_factory=list)


def page_count(pdf: Path, name: str) -> int:
    """The number of pages of ``pdf`` (a Swedish error naming it if it cannot be read)."""
    with _open_pdf(pdf, name) as source:
        return len(source.pages)


def assemble(
    cover: Path,
    chapters: list[Chapter],
    stamps: Path,
    target: Path,
    *,
    title: str,
    progress: Callable[[str], None] | None = None,
) -> Assembly:
    """Write the package to ``target`` (whole or not at all).

    ``stamps`` holds one strip per chapter after one for the cover, in that order.
    """
    import pikepdf

    opened: list[pikepdf.Pdf] = []
    try:
        package = pikepdf.open(cover)
        opened.append(package)
        strips = pikepdf.open(stamps)
        opened.append(strips)
        cover_pages = len(package.pages)
        for page in package.pages:
            _stamp(page, strips.pages[0])
        warnings: list[str] = []
        starts: list[int] = []
        outline: list[pikepdf.OutlineItem] = []
        for number, chapter in enumerate(chapters, start=1):
            if progress:
                progress(chapter.title)
            starts.append(len(package.pages))
            item = pikepdf.OutlineItem(chapter.title, len(package.pages))
            for piece in chapter.pieces:
                source = _open_pdf(piece.pdf, piece.name or piece.title)
                opened.append(source)
                if piece.foreign and _unembedded_fonts(source):
                    warnings.append(
                        f"{piece.name or piece.title} har teckensnitt som inte är inbäddade; "
                        "paketet skrivs därför inte som PDF/A."
                    )
                first = len(package.pages)
                package.pages.extend(source.pages)
                for page in package.pages[first:]:
                    _stamp(page, strips.pages[number])
                item.children.append(pikepdf.OutlineItem(piece.title, first))
            outline.append(item)
        with package.open_outline() as tree:
            tree.root[:] = outline
        labels = pikepdf.NumberTree.new(package)
        labels[0] = pikepdf.Dictionary(S=pikepdf.Name.r)
        labels[cover_pages] = pikepdf.Dictionary(S=pikepdf.Name.D, St=1)
        package.Root.PageLabels = labels.obj
        with package.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            if warnings:
                for key in ("pdfaid:part", "pdfaid:conformance"):
                    if key in meta:
                        del meta[key]
            else:
                meta["pdfaid:part"] = "2"
                meta["pdfaid:conformance"] = "B"
        total = len(package.pages)
        write_with(target, lambda temporary: package.save(temporary))
        return Assembly(pages=total, chapter_starts=starts, warnings=warnings)
    finally:
        for pdf in reversed(opened):
            pdf.close()


def _open_pdf(pdf: Path, name: str):
    import pikepdf

    try:
        return pikepdf.open(pdf)
    except (pikepdf.PdfError, OSError) as err:
        raise NamndError(f"{name} går inte att läsa som PDF ({err}).") from None


def _stamp(page, strip) -> None:
    """Lay the stamp strip over the top of ``page``, right-aligned, at its own size."""
    import pikepdf

    box = page.mediabox
    x0, _, x1, y1 = (float(v) for v in box)
    width = float(strip.mediabox[2]) - float(strip.mediabox[0])
    height = float(strip.mediabox[3]) - float(strip.mediabox[1])
    scale = min(1.0, (x1 - x0) / width)
    page.add_overlay(
        strip,
        pikepdf.Rectangle(x1 - width * scale, y1 - height * scale, x1, y1),
    )


def _unembedded_fonts(pdf) -> set[str]:
    """Names of the fonts ``pdf`` uses without embedding them (Type 3 fonts need none)."""
    missing: set[str] = set()
    seen: set[tuple[int, int]] = set()

    def visit(resources) -> None:
        if resources is None:
            return
        for font in (resources.get("/Font") or {}).values():
            _check_font(font, missing)
        for xobject in (resources.get("/XObject") or {}).values():
            key = xobject.objgen
            if key in seen or xobject.get("/Subtype") != "/Form":
                continue
            seen.add(key)
            visit(xobject.get("/Resources"))

    for page in pdf.pages:
        visit(page.obj.get("/Resources"))
    return missing


def _check_font(font, missing: set[str]) -> None:
    if font.get("/Subtype") == "/Type3":
        return
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    embedded = descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )
    if not embedded:
        missing.add(str(font.get("/BaseFont", "?")))
