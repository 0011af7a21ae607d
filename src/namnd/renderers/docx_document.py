"""A Word document to export into: the default template or the municipality's own.

Sets what every namnd export needs: Swedish as the document language (sv-SE, so spell
checking and screen readers read Swedish), title and author in the core properties, and
a footer line. Without a municipal template the page is A4 with 25 mm margins and the
header numbers the pages the Swedish way, "2 (7)" (python-docx's own template is US
Letter). A broken template is a clear Swedish error, not a traceback.
"""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path
from typing import Any, cast

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Emu, Length, Mm, Pt
from docx.table import Table, _Cell
from lxml import etree

from namnd.errors import InvalidInput

LANGUAGE = "sv-SE"
APPLICATION = "namnd"
BODY_FONT = Pt(11)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A4 = (Mm(210), Mm(297))
MARGIN = Mm(25)


def new_document(template: Path | None = None, *, header: str = "") -> Document:
    """An empty document: from ``template`` (styles, headers, logo kept) or an A4 default.

    ``header`` names the document on every page, beside the page number: organ, kind and
    sammanträdesdatum (:func:`document_header`), so a page that comes loose still says
    what it belongs to. A template's own header is kept and the line added under it.
    """
    if template is None:
        document = docx.Document()
        _a4_with_page_numbers(document, header)
    else:
        document = _open_template(Path(template))
        _clear_body(document)
        _complete_styles(document)
        if header:
            _identify_template_pages(document, header)
    _set_language(document)
    _resolve_styles_once(document)
    return document


def document_header(organ: str, kind: str, day: dt.date | None = None) -> str:
    """``Vård- och omsorgsnämnden · Protokoll · 2019-09-19``: what every page says it is."""
    return " · ".join(part for part in (organ, kind, day.isoformat() if day else "") if part)


def _resolve_styles_once(document: Document) -> None:
    """Look each style name up once per document, not on every paragraph and table.

    python-docx resolves ``add_paragraph(style="List Bullet")``, ``add_heading`` and
    ``table.style = ...`` by name on every call: an XPath over all the styles, then
    another for the default style. An export's styles are complete once
    :func:`new_document` returns, so the id a name gives is the same for the whole
    document; that lookup was half the time of writing a protokoll. A name the document
    lacks still raises on each call (nothing is remembered for it).
    """
    part = document.part
    lookup = part.get_style_id
    ids: dict[tuple[str, Any], str | None] = {}

    def style_id(style_or_name: Any, style_type: Any) -> str | None:
        if not isinstance(style_or_name, str):
            return lookup(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in ids:
            ids[key] = lookup(style_or_name, style_type)
        return ids[key]

    # Headers and footers ask the document part too: its method is replaced on purpose.
    part.get_style_id = style_id  # type: ignore[method-assign]


@contextmanager
def word_export(what: str) -> Iterator[None]:
    """Turn Word's refusal of a control character into a Swedish error about ``what``.

    Imports refuse control characters and the editors drop them, but a database filled
    by an older namnd may still hold one; the export then stops with a message the TUI
    and the CLI show, never a traceback, and no file is written. A decorator or a
    ``with`` block.
    """
    try:
        yield
    except ValueError as err:
        if "XML compatible" not in str(err):
            raise
        raise InvalidInput(
            f"{what} kunde inte skrivas som Word: en text innehåller ett styrtecken "
            "(sparat av en äldre version av namnd). Öppna ärendet eller paragrafen, "
            "spara den igen så tas tecknet bort, och exportera på nytt."
        ) from err


def _open_template(path: Path) -> Document:
    if not path.is_file():
        raise InvalidInput(f"Mallen {path} finns inte.")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InvalidInput(
            f"Mallen {path} kunde inte läsas som Word-dokument (.docx): {err}"
        ) from err
    except etree.LxmlError as err:
        raise InvalidInput(
            f"Mallen {path} är skadad: en del av Word-filen (t.ex. formatmallarna i "
            f"word/styles.xml) är inte giltig XML ({err}). Spara om mallen i Word och "
            "försök igen."
        ) from err


# Every style a namnd export may ask for: the headings, Markdown's lists, quotes,
# code and tables. A template made from scratch often defines only the ones it uses.
STYLES_USED = (
    "Title",
    *(f"Heading {level}" for level in range(1, 10)),
    *(f"List {kind}{depth}" for kind in ("Bullet", "Number") for depth in ("", " 2", " 3")),
    "Quote",
    "No Spacing",
    "Table Grid",
)


def _complete_styles(document: Document) -> None:
    """Give a template the styles it lacks, as python-docx's default template has them.

    Without this an export with a template lacking "Title" or "Heading 2" ended in a
    KeyError. A list style comes with its numbering (or, in a template without any
    numbering, as plain indented paragraphs).
    """
    missing = [name for name in STYLES_USED if name not in document.styles]
    if not missing:
        return
    default = docx.Document()
    styles = document.styles.element
    taken = {style.styleId for style in styles.findall(qn("w:style"))}
    for name in missing:
        source = default.styles[name].element
        if source.styleId in taken:
            continue  # another style already holds the id; leave the template's own
        copy = deepcopy(source)
        num_id = copy.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            _copy_numbering(default, document, copy, int(num_id.get(qn("w:val"))))
        styles.append(copy)


def _copy_numbering(default: Document, document: Document, style, num_id: int) -> None:
    """Point ``style``'s list at a copy of the default's numbering, added to the template."""
    num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    try:
        numbering = cast(XmlPart, document.part.part_related_by(RT.NUMBERING)).element
    except KeyError:
        num_pr.getparent().remove(num_pr)
        return
    source = default.part.numbering_part.element
    abstract_id = source.num_having_numId(num_id).abstractNumId.val
    abstract = next(
        a
        for a in source.findall(qn("w:abstractNum"))
        if int(a.get(qn("w:abstractNumId"))) == abstract_id
    )
    used = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    copy = deepcopy(abstract)
    copy.set(qn("w:abstractNumId"), str(max(used, default=-1) + 1))
    for child in copy.findall(qn("w:nsid")):
        copy.remove(child)  # Word keeps lists apart by nsid; let it make a new one
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(copy)
    else:
        first_num.addprevious(copy)
    num = numbering.add_num(int(copy.get(qn("w:abstractNumId"))))
    num_pr.find(qn("w:numId")).set(qn("w:val"), str(num.numId))


def _clear_body(document: Document) -> None:
    """Drop the template's sample text; keep the section (headers, footers, margins)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _a4_with_page_numbers(document: Document, text: str) -> None:
    """A4, 25 mm margins; ``text`` at the left of every page's header, "2 (7)" at the right."""
    for section in document.sections:
        section.page_width, section.page_height = A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        header = section.header.paragraphs[0]
        if text:
            width = _between_margins(section)
            header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            header.add_run(f"{text}\t")
        else:
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _field(header, "PAGE")
        header.add_run(" (")
        _field(header, "NUMPAGES")
        header.add_run(")")


def fit_header(section: Section) -> None:
    """A new section's own copy of the header before it, set right-aligned.

    In a landscape section (a wide table) the tab stop of the portrait header would put
    the page number mid-page; the copy prints the name and the page number together at
    the right margin instead. A header with pictures or links (a template's logo) stays
    linked as it is.
    """
    header = section.header
    if not header.is_linked_to_previous:
        return
    source = deepcopy(header._element)  # while linked: the previous section's header
    if any(key.startswith(f"{{{_R}}}") for node in source.iter() for key in node.attrib):
        return
    header.is_linked_to_previous = False
    own = header._element
    for child in list(own):
        own.remove(child)
    for child in source:
        own.append(child)
    for paragraph in header.paragraphs:
        paragraph.paragraph_format.tab_stops.clear_all()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in paragraph.runs:
            if "\t" in run.text:
                run.text = run.text.replace("\t", "    ")


def _identify_template_pages(document: Document, text: str) -> None:
    """Under a template's own header (logo, address): ``text`` and the page number."""
    for header in headers_in_use(document):
        paragraph = header.add_paragraph(f"{text} · sida ")
        _field(paragraph, "PAGE")


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_language(document: Document) -> None:
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    r_pr_default = doc_defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    document.core_properties.language = LANGUAGE


def add_table(
    document: Document,
    rows: Sequence[Sequence[Any]],
    *,
    columns: int | None = None,
    fill: Callable[[_Cell, int, int, Any], None] | None = None,
    text: Callable[[Any], str] = str,
    font: Length = BODY_FONT,
) -> Table:
    """A table written in one pass, row by row: the only way exports write tables.

    Each row is a copy of one empty row and its cells are made once;
    ``table.cell(r, c)`` rebuilds every cell of the table on each call, which made a
    400-row delegation list take 89 s. ``fill(cell, row, column, value)`` writes a cell
    (default: ``value`` as its text). Rows never split across pages (``w:cantSplit``),
    and the columns are sized to their content, measured on the way with ``text``, for
    text of size ``font``.
    """
    width = columns or max((len(row) for row in rows), default=1)
    table = document.add_table(rows=0, cols=width)
    if not rows:
        return table
    empty = table.add_row()._tr
    cant_split = OxmlElement("w:cantSplit")
    empty.get_or_add_trPr().append(cant_split)
    template = copy.deepcopy(empty)
    sizes = _ColumnSizes(width)
    for index, row in enumerate(rows):
        tr = empty if index == 0 else copy.deepcopy(template)
        if index:
            table._tbl.append(tr)
        cells = [_Cell(tc, table) for tc in tr.tc_lst]
        for column, (cell, value) in enumerate(zip(cells, row, strict=False)):
            sizes.measure(column, text(value))
            if fill is None:
                cell.text = value
            else:
                fill(cell, index, column, value)
    set_widths(table, sizes.widths(text_width(document), font))
    return table


class _ColumnSizes:
    """The longest text and the longest word of each column, gathered row by row."""

    # A column never gets less than a short word, nor asks for more than a long line;
    # PAD is the cell's inner margins, in characters.
    MIN_CHARS, MAX_CHARS, PAD = 4, 60, 4

    def __init__(self, columns: int) -> None:
        self.longest = [0] * columns
        self.word = [0] * columns

    def measure(self, column: int, value: str) -> None:
        self.longest[column] = max(self.longest[column], len(value))
        if len(value) > self.word[column]:  # no word of a shorter text can be longer
            words = max((len(w) for w in value.split()), default=0)
            self.word[column] = max(self.word[column], words)

    def widths(self, total: int, font: Length) -> list[int]:
        """Widths in EMU summing to ``total``: names and dates narrow, text wide.

        Each column first gets room for its longest word (a date, "Kvinna", a name part
        never breaks); what is left goes to the columns with longer texts, in proportion.
        """
        char = int(font) * 11 // 20  # an average character: a little over half the size
        mins = [max(self.MIN_CHARS, word) + self.PAD for word in self.word]
        wants = [
            max(low, min(self.MAX_CHARS, longest) + self.PAD)
            for low, longest in zip(mins, self.longest, strict=True)
        ]
        needed = sum(mins) * char
        if needed >= total:
            return [total * low // sum(mins) for low in mins]
        extra = [want - low for want, low in zip(wants, mins, strict=True)]
        weights = extra if sum(extra) else mins
        spare = total - needed
        return [
            low * char + spare * weight // sum(weights)
            for low, weight in zip(mins, weights, strict=True)
        ]


def text_width(document: Document) -> int:
    """The width between the margins of the document's last section, in EMU."""
    return int(_between_margins(document.sections[-1]))


def _between_margins(section: Section) -> Length:
    width, left, right = section.page_width, section.left_margin, section.right_margin
    assert width is not None and left is not None and right is not None  # A4 or the template's
    return Emu(width - left - right)


def set_widths(table: Table, widths: Sequence[int]) -> None:
    """Fixed column widths (Word reads the cells', LibreOffice the grid's).

    Linear: one pass over the rows' cells (``table.columns[i].cells`` walks the grid).
    """
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=False):
        grid_col.w = Emu(width)
    for tr in table._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths, strict=False):
            tc.width = Emu(width)


def set_properties(document: Document, *, title: str, author: str, subject: str = "") -> None:
    """Title, author, subject and times as Word shows them under File → Properties.

    Created and modified are now (a registrator sorts by them), the revision is 1, and
    the application named in ``docProps/app.xml`` is namnd, not the program that made
    the template.
    """
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = subject
    props.comments = ""
    props.keywords = ""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1
    _name_application(document)


_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
# Counts a template carries from its own last save; Word fills them in again.
_STALE = ("TotalTime", "Pages", "Words", "Characters", "Lines", "Paragraphs",
          "CharactersWithSpaces", "Template", "AppVersion")  # fmt: skip


def _name_application(document: Document) -> None:
    """``docProps/app.xml`` says namnd made the file (and drops the template's counts)."""
    part = next(
        (p for p in document.part.package.iter_parts() if p.partname == "/docProps/app.xml"),
        None,
    )
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for name in _STALE:
        for child in root.findall(f"{{{_EXTENDED}}}{name}"):
            root.remove(child)
    application = root.find(f"{{{_EXTENDED}}}Application")
    if application is None:
        application = etree.SubElement(root, f"{{{_EXTENDED}}}Application")
    application.text = APPLICATION
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def headers_in_use(document: Document) -> list:
    """Every header a page can show, unlinked so each can be written (see footers)."""
    return _in_use(document, "header")


def footers_in_use(document: Document) -> list:
    """Every footer a page can show, unlinked so each can be written.

    A municipal template may have its own first-page and even-page footers; a text that
    belongs on every page must go into each of them.
    """
    return _in_use(document, "footer")


def _in_use(document: Document, kind: str) -> list:
    """Each section's ``kind`` ("header" or "footer"), first-page and even-page ones too."""
    found = []
    even_pages = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        found.append(getattr(section, kind))
        if section.different_first_page_header_footer:
            found.append(getattr(section, f"first_page_{kind}"))
        if even_pages:
            found.append(getattr(section, f"even_page_{kind}"))
    for part in found:
        part.is_linked_to_previous = False
    return found


def set_footer(document: Document, text: str) -> None:
    """One footer line on every page of every section (kept beside a template's own)."""
    for footer in footers_in_use(document):
        footer.add_paragraph(text)
