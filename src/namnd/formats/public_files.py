"""Read a rendered output back as text, part by part, for the publication gate.

The gate must see everything a reader of the file could see, not only the body: a
.docx's headers, footers, footnotes, comments, document properties and relationship
targets; a PDF's page text, document information, XMP metadata, bookmarks and links;
every string of a JSON file; an iCalendar file unfolded. Each part is returned with a
name (the zip member, 'sida 3', 'XMP-metadata') so a finding can say where it is.
"""

from __future__ import annotations

import functools
import io
import json
import re
import threading
import zipfile
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from xml.etree import ElementTree

from namnd.errors import InvalidInput
from namnd.formats.text_files import decode

if TYPE_CHECKING:
    from pypdf import PdfReader

KINDS = ("docx", "pdf", "md", "txt", "json", "ics", "html")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH = _W + "p"
_TEXTS = {_W + "t", _W + "delText"}
_SPACES = {_W + "tab", _W + "br", _W + "cr"}
_BINARY = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg")


class Part(NamedTuple):
    """One part of a file and its text."""

    name: str
    text: str


def kind_of(path: Path) -> str:
    """The file kind from the name's suffix; InvalidInput for one the gate cannot read."""
    suffix = path.suffix.lower().lstrip(".")
    kind = {"markdown": "md", "htm": "html", "ical": "ics", "text": "txt"}.get(suffix, suffix)
    if kind not in KINDS:
        raise InvalidInput(
            f"Kan inte granska {path.name}: filtypen ”.{suffix}” känns inte igen "
            f"(välj bland {', '.join('.' + k for k in KINDS)})."
        )
    return kind


def extract_parts(data: bytes, kind: str, name: str = "filen") -> list[Part]:
    """Every part of the file ``data`` of ``kind`` as text; ``name`` is used in errors."""
    if kind == "docx":
        return _docx(data, name)
    if kind == "pdf":
        return _pdf(data, name)
    text = decode(data, name=name)
    if kind == "json":
        return [Part(name, _json_strings(text, name))]
    if kind == "ics":
        return [Part(name, _unfold_ics(text))]
    if kind == "html":
        return [Part(name, _html_text(text))]
    return [Part(name, text)]


# --- Word --------------------------------------------------------------------------------


RECORD = "\x1e"
"""Separates texts that do not run on into each other (``public_check`` checks each alone)."""


def _docx(data: bytes, name: str) -> list[Part]:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InvalidInput(f"{name} är ingen Word-fil (.docx): kan inte läsa den.") from None
    parts = []
    with package:
        for member in package.namelist():
            if member.endswith("/") or member.lower().endswith(_BINARY):
                continue
            raw = package.read(member)
            if member.endswith((".xml", ".rels")) or raw.lstrip().startswith(b"<?xml"):
                parts.append(Part(member, _xml_text(raw)))
            else:  # an embedded object: look at whatever text it holds
                parts.append(Part(member, raw.decode("utf-8", errors="replace")))
    return parts


@functools.lru_cache(maxsize=32)
def _xml_text(raw: bytes) -> str:
    """A Word paragraph's w:t joined as one line; every other text and attribute alone.

    Kept for the last parts read: every .docx made from one template carries the same
    styles (python-docx's are 800 kB of XML), read again for each file a publication
    writes and checks.
    """
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        return raw.decode("utf-8", errors="replace")
    lines: list[str] = []
    _walk(root, lines, None)
    return "\n".join(line for line in lines if line.strip())


def _walk(elem: ElementTree.Element, lines: list[str], paragraph: list[str] | None) -> None:
    # Each attribute value is a record of its own: a style name ("Title") beside the
    # paragraph's text is no run of it.
    lines.extend(f"{RECORD}{value}{RECORD}" for value in elem.attrib.values())
    if elem.tag == _PARAGRAPH:
        own: list[str] = []
        for child in elem:
            _walk(child, lines, own)
        lines.append("".join(own))
        return
    if paragraph is not None and elem.tag in _TEXTS:
        paragraph.append(elem.text or "")
    elif paragraph is not None and elem.tag in _SPACES:
        paragraph.append(" ")
    elif elem.text and elem.text.strip():
        lines.append(elem.text)
    for child in elem:
        _walk(child, lines, paragraph)
    if elem.tail and elem.tail.strip():
        lines.append(elem.tail)


# --- PDF ---------------------------------------------------------------------------------


def _pdf(data: bytes, name: str) -> list[Part]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdfium2 import PdfiumError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = page_texts(data)
    except (PyPdfError, PdfiumError, ValueError, KeyError, TypeError) as err:
        raise InvalidInput(f"{name} är ingen läsbar PDF-fil: {err}") from None
    parts = [Part(f"sida {n}", text) for n, text in enumerate(pages, start=1)]
    info: Mapping[str, object] = reader.metadata or {}
    parts.append(Part("dokumentinformation", "\n".join(str(v) for v in info.values())))
    metadata = reader.root_object.get("/Metadata")
    if metadata is not None:
        parts.append(Part("XMP-metadata", _xml_text(metadata.get_object().get_data())))
    parts.append(Part("bokmärken", "\n".join(_outline_titles(reader.outline))))
    parts.append(Part("länkar", "\n".join(_links(reader))))
    return [part for part in parts if part.text.strip()]


_PDFIUM = threading.Lock()
"""PDFium is not thread-safe: one document is read at a time in the process."""


def page_texts(data: bytes) -> list[str]:
    """The text of each page of the PDF ``data``, in page order, lines split by newlines.

    Read by PDFium (Chrome's PDF engine), some twenty times faster than pypdf's
    ``extract_text`` (the gate reads every page of a 170-page package), and taken by
    character, not by area, so text placed outside the page or drawn invisible is read
    too: it is in the file for anyone who extracts it.
    """
    import pypdfium2

    texts = []
    with _PDFIUM:
        document = pypdfium2.PdfDocument(data)
        try:
            for page in document:
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range().replace("\r\n", "\n"))
                textpage.close()
                page.close()
        finally:
            document.close()
    return texts


def _links(reader: PdfReader) -> list[str]:
    """The target of every link annotation (a URI may carry a name or a number)."""
    links: list[str] = []
    for page in reader.pages:
        annots = page.get("/Annots")
        for annot in annots.get_object() if annots is not None else []:
            action = annot.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri:
                links.append(str(uri))
    return links


def _outline_titles(outline: Sequence[object]) -> list[str]:
    titles: list[str] = []
    for entry in outline:
        if isinstance(entry, list):
            titles += _outline_titles(entry)
        else:
            titles.append(str(getattr(entry, "title", "")))
    return titles


# --- text formats ------------------------------------------------------------------------


def _json_strings(text: str, name: str) -> str:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InvalidInput(f"{name} är ingen giltig JSON-fil (rad {err.lineno}).") from None
    strings: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                strings.append(str(key))
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif value is not None and not isinstance(value, bool):
            strings.append(str(value))

    collect(data)
    return "\n".join(strings)


_ICS_ESCAPES = re.compile(r"\\([nN,;\\])")


def _unfold_ics(text: str) -> str:
    """RFC 5545 lines unfolded and their escapes undone."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    return _ICS_ESCAPES.sub(lambda m: "\n" if m[1] in "nN" else m[1], unfolded)


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.lines.extend(value for _, value in attrs if value)

    def handle_data(self, data: str) -> None:
        self.lines.append(data)

    def handle_comment(self, data: str) -> None:
        self.lines.append(f"<!--{data}-->")


def _html_text(text: str) -> str:
    """The text a browser shows, every attribute value, and comments kept as comments."""
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    return "\n".join(parser.lines)
