"""A Word document to export into: the default template or the municipality's own.

Sets what every namnd export needs: Swedish as the document language (sv-SE, so spell
checking and screen readers read Swedish), title and author in the core properties, and
a footer line. Without a municipal template the page is A4 with 25 mm margins and the
header numbers the pages the Swedish way, "2 (7)" (python-docx's own template is US
Letter). A broken template is a clear Swedish error, not a traceback.
"""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell
from lxml import etree

from namnd.errors import InvalidInput

LANGUAGE = "sv-SE"
A4 = (Mm(210), Mm(297))
MARGIN = Mm(25)


def new_document(template: Path | None = None) -> Document:
    """An empty document: from ``template`` (styles, headers, logo kept) or an A4 default."""
    if template is None:
        document = docx.Document()
        _a4_with_page_numbers(document)
    else:
        document = _open_template(Path(template))
        _clear_body(document)
        _complete_styles(document)
    _set_language(document)
    _resolve_styles_once(document)
    return document


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

    part.get_style_id = style_id  # headers and footers ask the document part too


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
        numbering = document.part.part_related_by(RT.NUMBERING).element
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


def _a4_with_page_numbers(document: Document) -> None:
    """A4, 25 mm margins, and "sida (antal sidor)" at the right of every page's header."""
    for section in document.sections:
        section.page_width, section.page_height = A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _field(header, "PAGE")
        header.add_run(" (")
        _field(header, "NUMPAGES")
        header.add_run(")")


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
) -> Table:
    """A table written in one pass, row by row: the only way exports write tables.

    Each row is a copy of one empty row and its cells are made once;
    ``table.cell(r, c)`` rebuilds every cell of the table on each call, which made a
    400-row delegation list take 89 s. ``fill(cell, row, column, value)`` writes a cell
    (default: ``value`` as its text).
    """
    width = columns or max((len(row) for row in rows), default=1)
    table = document.add_table(rows=0, cols=width)
    if not rows:
        return table
    empty = table.add_row()._tr
    template = copy.deepcopy(empty)
    for index, row in enumerate(rows):
        tr = empty if index == 0 else copy.deepcopy(template)
        if index:
            table._tbl.append(tr)
        cells = [_Cell(tc, table) for tc in tr.tc_lst]
        for column, (cell, value) in enumerate(zip(cells, row, strict=False)):
            if fill is None:
                cell.text = value
            else:
                fill(cell, index, column, value)
    return table


def set_properties(document: Document, *, title: str, author: str, subject: str = "") -> None:
    """Title, author and subject as Word shows them under File → Properties."""
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = subject
    props.comments = ""
    props.keywords = ""


def footers_in_use(document: Document) -> list:
    """Every footer a page can show, unlinked so each can be written.

    A municipal template may have its own first-page and even-page footers; a text that
    belongs on every page must go into each of them.
    """
    found = []
    even_pages = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        found.append(section.footer)
        if section.different_first_page_header_footer:
            found.append(section.first_page_footer)
        if even_pages:
            found.append(section.even_page_footer)
    for footer in found:
        footer.is_linked_to_previous = False
    return found


def set_footer(document: Document, text: str) -> None:
    """One footer line on every page of every section (kept beside a template's own)."""
    for footer in footers_in_use(document):
        footer.add_paragraph(text)
