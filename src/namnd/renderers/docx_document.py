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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell

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
    _set_language(document)
    return document


def _open_template(path: Path) -> Document:
    if not path.is_file():
        raise InvalidInput(f"Mallen {path} finns inte.")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InvalidInput(
            f"Mallen {path} kunde inte läsas som Word-dokument (.docx): {err}"
        ) from err


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
