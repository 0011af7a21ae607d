"""A Word document to export into: the default template or the municipality's own.

Sets what every namnd export needs: Swedish as the document language (sv-SE, so spell
checking and screen readers read Swedish), title and author in the core properties, and
a footer line. A broken template is a clear Swedish error, not a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from namnd.errors import InvalidInput

LANGUAGE = "sv-SE"


def new_document(template: Path | None = None) -> Document:
    """An empty document: from ``template`` (styles, headers, logo kept) or python-docx's."""
    if template is None:
        document = docx.Document()
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


def set_properties(document: Document, *, title: str, author: str, subject: str = "") -> None:
    """Title, author and subject as Word shows them under File → Properties."""
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = subject
    props.comments = ""
    props.keywords = ""


def set_footer(document: Document, text: str) -> None:
    """One footer line on every page of every section (kept beside a template's own)."""
    for section in document.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        footer.add_paragraph(text)
