"""Putting the handlingar package together from its PDFs, with pikepdf.

The cover (made by LibreOffice as PDF/A-2) is the base, so the package keeps its
OutputIntent and XMP; each ärende's tjänsteskrivelse and bilagor are appended in order,
a stamp strip naming organ, date and ärende is laid over the top of every page, and the
bookmarks (ärende → tjänsteskrivelse, each bilaga) and page labels (the cover i, ii …,
then 1, 2 … as the föredragningslista gives them) are set through pikepdf's outline and
number-tree types. pikepdf (qpdf) rather than pypdf: it copies pages without parsing
their content streams and lays a stamp on as a form XObject, which keeps a package of a
few hundred pages within a small factor of a plain merge.

The package is PDF/A-2B only if every part is: namnd's own pages come from LibreOffice
as tagged PDF/A-2 in Swedish, but a bilaga PDF is merged as the förvaltning sent it
(the archive wants the document as it came, and converting it would change it and lose
its tags). So a bilaga PDF is read with ``formats.pdfa_conformance``; if it is not
PDF/A itself (no PDF/A identification, fonts not embedded, JavaScript, no OutputIntent,
no tags or no language) the package is written without the PDF/A claim and a Swedish
warning names the bilaga and what it lacks, so the user can ask for a PDF/A version.
The finished package is checked the same way before the claim is written, so pages namnd
made itself that are not PDF/A (a LibreOffice that did not make PDF/A) lose it too.
Either way the package keeps the cover's OutputIntent, language (sv-SE) and tags: each
part's structure tree is grafted under the package's (its ParentTree keys moved past
the ones before it), and the stamp strip is laid on as an artifact, outside the tags.
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

    from namnd.formats.pdfa_conformance import problems_in

    opened: list[pikepdf.Pdf] = []
    try:
        package = pikepdf.open(cover)
        opened.append(package)
        strips = pikepdf.open(stamps)
        opened.append(strips)
        cover_pages = len(package.pages)
        for strip in strips.pages:
            _as_artifact(strip)
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
                lacks = problems_in(source) if piece.foreign else []
                if lacks:
                    warnings.append(
                        f"{piece.name or piece.title} är inte PDF/A: {' '.join(lacks)} "
                        "Paketet skrivs därför utan PDF/A-märkning; be förvaltningen om "
                        "bilagan som PDF/A."
                    )
                first = len(package.pages)
                package.pages.extend(source.pages)
                _graft_structure(package, source, package.pages[first:])
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
        lacks = [] if warnings else problems_in(package)
        if lacks:  # namnd's own pages: checked too, not just claimed
            warnings.append(
                f"Paketet är inte PDF/A: {' '.join(lacks)} Det skrivs därför utan PDF/A-märkning."
            )
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
        # Object streams (PDF/A-2 allows them) pack the tagged structure's dictionaries,
        # most of the file: the demo's package shrinks from 4.5 MB to 1.8 MB to mail.
        packed = pikepdf.ObjectStreamMode.generate
        write_with(target, lambda temporary: package.save(temporary, object_stream_mode=packed))
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


def _as_artifact(page) -> None:
    """Make ``page``'s content one artifact: a stamp is decoration, not part of the tags.

    The strip comes from LibreOffice tagged; its marked content is dropped, since its
    MCIDs would point into the structure of whichever page it is laid on.
    """
    import pikepdf

    kept = [
        (instruction.operands, instruction.operator)
        for instruction in pikepdf.parse_content_stream(page)
        if str(instruction.operator) not in ("BDC", "BMC", "EMC")
    ]
    body = pikepdf.unparse_content_stream(
        [([pikepdf.Name.Artifact], pikepdf.Operator("BMC")), *kept, ([], pikepdf.Operator("EMC"))]
    )
    page.contents_coalesce()
    page.obj.Contents.write(body)


def _graft_structure(package, source, pages) -> None:
    """Put ``source``'s structure tree under ``package``'s, for its copied ``pages``.

    The source's ParentTree keys (which ``StructParents``/``StructParent`` of its pages
    and annotations name) are moved past the package's own, so every MCID still reaches
    its element. A source without tags leaves its pages untagged.
    """
    import pikepdf

    root = package.Root.get("/StructTreeRoot")
    theirs = source.Root.get("/StructTreeRoot")
    if root is None or theirs is None or "/ParentTree" not in theirs:
        for page in pages:
            _shift_struct_parents(page, None)
        return
    mine = pikepdf.NumberTree(root.ParentTree)
    offset = _next_key(root, mine)
    their_tree = pikepdf.NumberTree(theirs.ParentTree)
    entries = list(their_tree.items())
    kids = theirs.get("/K")
    kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    # One copy of everything: qpdf remembers what it copied from each PDF, so an
    # element's /Pg is the page already copied, not a second copy.
    holder = source.make_indirect(pikepdf.Array([value for _, value in entries] + kids))
    copied = list(package.copy_foreign(holder))
    for (key, _), value in zip(entries, copied, strict=False):
        mine[key + offset] = value
    root.ParentTreeNextKey = offset + _next_key(theirs, their_tree)
    for page in pages:
        _shift_struct_parents(page, offset)
    ours = root.get("/K")
    ours = [] if ours is None else list(ours) if isinstance(ours, pikepdf.Array) else [ours]
    language = source.Root.get("/Lang")
    for kid in copied[len(entries) :]:
        if isinstance(kid, pikepdf.Dictionary):
            kid.P = root
            if language is not None and "/Lang" not in kid:
                kid.Lang = language  # an English bilaga is read as English
        ours.append(kid)
    root.K = pikepdf.Array(ours)
    role_map = theirs.get("/RoleMap")
    if role_map is not None:
        if "/RoleMap" not in root:
            root.RoleMap = pikepdf.Dictionary()
        for role, standard in role_map.items():
            if role not in root.RoleMap:
                root.RoleMap[role] = standard


def _next_key(root, tree) -> int:
    """The first ParentTree key free: past every key, whatever ParentTreeNextKey says."""
    used = max((int(key) for key in tree.keys()), default=-1) + 1
    return max(used, int(root.get("/ParentTreeNextKey", 0)))


def _shift_struct_parents(page, offset: int | None) -> None:
    """Move the page's and its annotations' ParentTree keys by ``offset`` (None: drop them)."""
    owners = [page.obj, *(page.obj.get("/Annots") or [])]
    for owner, key in [(o, k) for o in owners for k in ("/StructParents", "/StructParent")]:
        if key in owner:
            if offset is None:
                del owner[key]
            else:
                owner[key] = int(owner[key]) + offset
