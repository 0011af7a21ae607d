"""The Word pages of the handlingar package that are not the kallelse's own text.

A table bilaga (a delegation list's TSV), an image bilaga on a page of its own, the page
that stands in for a sekretess bilaga in the public version, and the stamp strips laid
over every page. Each becomes PDF through LibreOffice like the rest of the package, so
every page's fonts are embedded (PDF/A) and nothing here writes PDF itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

from namnd.atomic_files import save_document
from namnd.renderers.docx_document import add_table, new_document, set_properties, word_export

#: The stamp strip: as wide as A4, a centimetre high; laid over the top of each page.
STAMP_SIZE = (Mm(210), Mm(9))
_TEXT_WIDTH = Mm(160)
_TEXT_HEIGHT = Mm(230)


@word_export("Bilagan")
def write_table_docx(title: str, rows: Sequence[Sequence[str]], path: Path) -> Path:
    """A table bilaga: its title, then the rows (the first is the header), small type.

    More than five columns go on landscape pages, as the seed's delegation lists do.
    """
    document = new_document()
    set_properties(document, title=title, author="", subject="Bilaga")
    width = max((len(row) for row in rows), default=1)
    if width > 5:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(title, level=1)
    padded = [list(row) + [""] * (width - len(row)) for row in rows]

    def fill(cell, row: int, column: int, value: str) -> None:
        run = cell.paragraphs[0].add_run(value)
        run.font.size = Pt(8)
        run.bold = row == 0

    table = add_table(document, padded, columns=width, fill=fill)
    table.style = "Table Grid"
    return save_document(document, path)


@word_export("Bilagan")
def write_image_docx(title: str, image: Path, path: Path) -> Path:
    """An image bilaga on a page of its own, as large as the page allows."""
    from docx.image.image import Image

    document = new_document()
    set_properties(document, title=title, author="", subject="Bilaga")
    document.add_heading(title, level=1)
    picture = Image.from_file(str(image))
    scale = min(_TEXT_WIDTH / picture.width, _TEXT_HEIGHT / picture.height)
    document.add_picture(str(image), width=int(picture.width * scale))
    return save_document(document, path)


@word_export("Sidan")
def write_withheld_docx(heading: str, text: str, path: Path) -> Path:
    """The one page that replaces a sekretess bilaga in the public package."""
    document = new_document()
    set_properties(document, title=heading, author="", subject="Sekretessbelagd bilaga")
    document.add_heading(heading, level=1)
    document.add_paragraph(text)
    return save_document(document, path)


def write_stamps_docx(texts: Sequence[str], path: Path) -> Path:
    """One stamp strip per text, in order; a page each (no header, no footer)."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = STAMP_SIZE
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(12))
    section.top_margin, section.bottom_margin = Mm(3), Mm(0)
    section.header_distance = section.footer_distance = Mm(0)
    body = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    for index, text in enumerate(texts):
        paragraph = body if index == 0 else document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.font.size = Pt(7.5)
        if index < len(texts) - 1:
            run.add_break(WD_BREAK.PAGE)
    return save_document(document, path)
