"""A tillkännagivande as Word, the source of its PDF/A (``renderers.pdf_archive``).

The same rows and appeal text as the HTML page (``rules.notices.Notice``), so the
two never differ; LibreOffice turns it into the archive's PDF/A.
"""

from __future__ import annotations

from pathlib import Path

from namnd.atomic_files import save_document
from namnd.renderers.docx_document import (
    add_table,
    document_header,
    new_document,
    set_properties,
    word_export,
)
from namnd.rules.notices import Notice


@word_export("Tillkännagivandet")
def write_notice_docx(notice: Notice, path: Path, *, template: Path | None = None) -> Path:
    """Write ``notice`` as a one-page Word document."""
    document = new_document(
        template, header=document_header(notice.organ_name, "Anslag", notice.meeting_date)
    )
    set_properties(
        document, title=notice.title, author=notice.organ_name, subject="Tillkännagivande"
    )
    document.add_heading(notice.title, level=1)
    document.add_paragraph(notice.intro())
    table = add_table(document, notice.rows())
    for row in table.rows:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True
    document.add_heading("Så överklagar du beslutet", level=2)
    for text in notice.appeal():
        document.add_paragraph(text)
    return save_document(document, path)
