"""What format a file in an e-arkiv package is, as PRONOM (the UK National Archives) names it.

The e-arkiv plans preservation by format, so every file's PREMIS and METS entry names
it: a PDF by the PDF/A part and level its XMP metadata claims (LibreOffice's PDF/A-2),
other files by their extension where PRONOM has one id for it. A format namnd does not
know is named without an id rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileFormat:
    """A file's format as PRONOM names it; ``key`` empty where namnd does not know it."""

    name: str
    version: str = ""
    key: str = ""
    mimetype: str = "application/octet-stream"


#: PRONOM ids of the PDF/A parts and levels (read from the PDF's XMP).
PDFA_PRONOM = {
    ("1", "A"): "fmt/95",
    ("1", "B"): "fmt/354",
    ("2", "A"): "fmt/476",
    ("2", "B"): "fmt/477",
    ("2", "U"): "fmt/478",
    ("3", "A"): "fmt/479",
    ("3", "B"): "fmt/480",
    ("3", "U"): "fmt/481",
}
#: Formats by file extension, where PRONOM has one id for them.
FORMATS = {
    ".md": FileFormat("Markdown", "", "fmt/1149", "text/markdown"),
    ".docx": FileFormat("Microsoft Word for Windows", "2007 onwards", "fmt/412",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": FileFormat("Microsoft Excel for Windows", "2007 onwards", "fmt/214",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".odt": FileFormat("OpenDocument Text", "1.2", "fmt/291",
                       "application/vnd.oasis.opendocument.text"),
    ".tsv": FileFormat("Tab-separated values", "", "x-fmt/13", "text/tab-separated-values"),
    ".csv": FileFormat("Comma Separated Values", "", "x-fmt/18", "text/csv"),
    ".png": FileFormat("Portable Network Graphics", "", "", "image/png"),
    ".jpg": FileFormat("JPEG File Interchange Format", "", "", "image/jpeg"),
    ".jpeg": FileFormat("JPEG File Interchange Format", "", "", "image/jpeg"),
    ".xml": FileFormat("Extensible Markup Language", "1.0", "fmt/101", "text/xml"),
    ".xsd": FileFormat("XML Schema Definition", "1.0", "x-fmt/280", "text/xml"),
    ".txt": FileFormat("Plain Text File", "", "x-fmt/111", "text/plain"),
}  # fmt: skip


def file_format(path: Path) -> FileFormat:
    """The file's format; a PDF's PDF/A part and level from its XMP, as PRONOM names it."""
    suffix = path.suffix.casefold()
    if suffix != ".pdf":
        return FORMATS.get(suffix, FileFormat("Okänt format"))
    import pikepdf

    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        part, level = meta.get("pdfaid:part", ""), str(meta.get("pdfaid:conformance", ""))
        version = pdf.pdf_version
    key = PDFA_PRONOM.get((str(part), level.upper()), "")
    if key:
        return FileFormat("Acrobat PDF/A - Portable Document Format", f"{part}{level.lower()}",
                          key, "application/pdf")  # fmt: skip
    return FileFormat("Acrobat PDF - Portable Document Format", version, "", "application/pdf")
