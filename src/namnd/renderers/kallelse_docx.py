"""The kallelse as a Word document, laid out like the seed's first page.

First page: organ, kallelse date, Tid, Plats, the Ärenden as a numbered list, Justering,
ordförande and sekreterare, gruppmöten. Then per ärende, each on a new page, the ärende
page (``item_markdown.arende_markdown``) and its tjänsteskrivelse
(``renderers.tjansteskrivelse``) under real Heading styles. Every text is Markdown made
once and written by the shared ``MarkdownRenderer``.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_BREAK

from namnd.atomic_files import save_document
from namnd.domain.agenda import AgendaDocument, AgendaEntry
from namnd.domain.models import Organ
from namnd.renderers.docx_document import (
    document_header,
    new_document,
    set_footer,
    set_properties,
    word_export,
)
from namnd.renderers.item_markdown import arende_markdown
from namnd.renderers.kallelse_lines import group_meeting_line, when_text
from namnd.renderers.markdown_docx import MarkdownRenderer
from namnd.renderers.markdown_text import literal
from namnd.renderers.tjansteskrivelse import add_tjansteskrivelse, has_tjansteskrivelse
from namnd.rules.publication import NOT_FOR_PUBLICATION, has_secrets
from namnd.rules.swedish_dates import long_date


@word_export("Kallelsen")
def write_kallelse_docx(
    doc: AgendaDocument,
    path: Path,
    *,
    public: bool = False,
    template: Path | None = None,
    under_item: dict[int, str] | None = None,
    secret_bilagor: list[tuple[str, str]] | None = None,
    late_changes: list[tuple[str, str, str]] | None = None,
) -> Path:
    """Write the kallelse of ``doc`` to ``path``.

    With ``public`` the document is the published one: ``doc`` and ``under_item`` must
    come from ``rules.publication`` (the renderer only drops the internal labels and
    the sekretess bilagor; it decides nothing about what is public).

    ``under_item`` adds (publishable) Markdown under the ärende at that list position;
    ``secret_bilagor`` are (title, Markdown) printed as sekretess bilagor at the end of
    the internal version only. ``late_changes`` (label, ärende, what) are the tillägg and
    ändringar made after utskick, listed on the first page so members see what changed.
    """
    under_item, secret_bilagor = under_item or {}, secret_bilagor or []
    secrets = has_secrets(doc) or bool(secret_bilagor)
    meeting, organ = doc.meeting, doc.organ
    document = new_document(template, header=document_header(organ.name, "Kallelse", meeting.date))
    set_properties(
        document,
        title=f"Kallelse {organ.name} {long_date(meeting.date)}",
        author=meeting.secretary_name or organ.name,
        subject="Kallelse med föredragningslista",
    )
    _first_page(document, doc, late_changes or [])
    for number, entry in enumerate(doc.entries, start=1):
        if number > 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        extra = "" if public and entry.arende.confidential else under_item.get(number, "")
        _item(document, number, entry, organ, extra, public=public)
    if secret_bilagor and not public:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading("Sekretessbelagda bilagor", level=1)
        document.add_paragraph(NOT_FOR_PUBLICATION)
        for title, markdown in secret_bilagor:
            document.add_heading(f"{title} (sekretess)", level=2)
            MarkdownRenderer(document).render(markdown)
    if secrets and not public:
        set_footer(document, NOT_FOR_PUBLICATION)
    return save_document(document, path)


@word_export("Kallelsen")
def write_cover_docx(doc: AgendaDocument, path: Path, pages: list[str]) -> Path:
    """The kallelse's first page alone, each ärende with the page it starts on.

    The cover of the handlingar package; ``pages`` holds each ärende's page label.
    """
    document = new_document()
    set_properties(
        document,
        title=f"Kallelse med handlingar {doc.organ.name} {long_date(doc.meeting.date)}",
        author=doc.meeting.secretary_name or doc.organ.name,
        subject="Kallelse med föredragningslista och handlingar",
    )
    _first_page(document, doc, [], pages=pages)
    return save_document(document, path)


@word_export("Kallelsen")
def write_item_docx(
    doc: AgendaDocument, number: int, path: Path, *, public: bool = False, extra: str = ""
) -> Path:
    """One ärende as the kallelse prints it, alone: its page in the handlingar package.

    ``extra`` is the Markdown the kallelse adds under it (``under_item``).
    """
    document = new_document()
    entry = doc.entries[number - 1]
    set_properties(
        document,
        title=f"{number}. {entry.arende.title}",
        author=doc.meeting.secretary_name or doc.organ.name,
        subject="Tjänsteskrivelse",
    )
    extra = "" if public and entry.arende.confidential else extra
    _item(document, number, entry, doc.organ, extra, public=public)
    return save_document(document, path)


def _first_page(
    document: Document,
    doc: AgendaDocument,
    late_changes: list[tuple[str, str, str]],
    *,
    pages: list[str] | None = None,
) -> None:
    """The first page; with ``pages`` (the package's cover) each line gives its page."""
    meeting = doc.meeting
    document.add_heading(doc.organ.name, level=0)
    document.add_paragraph("Kallelse")
    if meeting.kallelse_date:
        document.add_paragraph(meeting.kallelse_date.isoformat())
    _labelled(document, "Tid", when_text(meeting))
    _labelled(document, "Plats", meeting.place)
    document.add_heading("Ärenden", level=1)
    lines: list[str] = []
    for entry in doc.entries:
        line = literal(entry.arende.title)
        if entry.arende.sent_later:
            line += f" – *skickas ut {literal(entry.arende.sent_later)}*"
        if pages is not None:
            line += f" – sida {pages[len(lines)]}"
        lines.append(line)
    markdown = MarkdownRenderer(document)
    markdown.render("\n".join(f"{n}. {t}" for n, t in enumerate(lines, 1)))
    if late_changes:
        document.add_heading("Tillägg och ändringar efter utskick", level=2)
        for label, title, what in late_changes:
            document.add_paragraph(f"{label}: {title} – {what}", style="List Bullet")
    _labelled(document, "Justering", meeting.justering_text)
    for name, role in (
        (meeting.chair_name, "Ordförande"),
        (meeting.secretary_name, meeting.secretary_title),
    ):
        if name:
            paragraph = document.add_paragraph(name)
            paragraph.add_run().add_break(WD_BREAK.LINE)
            paragraph.add_run(role)
    if doc.group_meetings:
        document.add_paragraph().add_run("Gruppmöten:").bold = True
        for group in doc.group_meetings:
            document.add_paragraph(group_meeting_line(group))
    if pages is None:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _item(
    document: Document, number: int, entry: AgendaEntry, organ: Organ, extra: str, *, public: bool
) -> None:
    """The ärende page (with ``extra`` Markdown under it), then its tjänsteskrivelse.

    The tjänsteskrivelse starts a page of its own, as in the seed.
    """
    memo = has_tjansteskrivelse(entry.arende) and not (public and entry.arende.confidential)
    markdown = arende_markdown(number, entry, public=public, with_memo=memo)
    MarkdownRenderer(document, heading_offset=-1).render(markdown)
    if extra:
        MarkdownRenderer(document, heading_offset=-1).render(extra)
    if memo:
        add_tjansteskrivelse(document, organ, entry, public=public)


def _labelled(document: Document, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}\t").bold = True
    paragraph.add_run(value)
