"""The kallelse as a Word document, laid out like the seed's first page.

First page: organ, kallelse date, Tid, Plats, the Ärenden as a numbered list, Justering,
ordförande and sekreterare, gruppmöten. Then one section per ärende under real Heading
styles. Every Markdown text goes through the shared ``MarkdownRenderer``.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_BREAK

from namnd.atomic_files import save_document
from namnd.formats.agenda_document import AgendaDocument, AgendaEntry
from namnd.formats.agenda_markdown import proposal_markdown
from namnd.formats.markdown_table import markdown_table
from namnd.renderers.docx_document import (
    new_document,
    set_footer,
    set_properties,
    word_export,
)
from namnd.renderers.markdown_docx import MarkdownRenderer
from namnd.services.publication import NOT_FOR_PUBLICATION, has_secrets
from namnd.services.swedish_dates import clock, day_month, long_date


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
    come from ``services.publication`` (the renderer only drops the internal labels and
    the sekretess bilagor; it decides nothing about what is public).

    ``under_item`` adds (publishable) Markdown under the ärende at that list position;
    ``secret_bilagor`` are (title, Markdown) printed as sekretess bilagor at the end of
    the internal version only. ``late_changes`` (label, ärende, what) are the tillägg and
    ändringar made after utskick, listed on the first page so members see what changed.
    """
    under_item, secret_bilagor = under_item or {}, secret_bilagor or []
    secrets = has_secrets(doc) or bool(secret_bilagor)
    document = new_document(template)
    meeting, organ = doc.meeting, doc.organ
    set_properties(
        document,
        title=f"Kallelse {organ.name} {long_date(meeting.date)}",
        author=meeting.secretary_name or organ.name,
        subject="Kallelse med föredragningslista",
    )
    _first_page(document, doc, late_changes or [])
    for number, entry in enumerate(doc.entries, start=1):
        _item(document, number, entry, public=public)
        if number in under_item and not (public and entry.arende.confidential):
            MarkdownRenderer(document, heading_offset=-1).render(under_item[number])
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
    _item(document, number, entry, public=public)
    if extra and not (public and entry.arende.confidential):
        MarkdownRenderer(document, heading_offset=-1).render(extra)
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
    when = long_date(meeting.date)
    if meeting.start_time:
        when += f", kl {clock(meeting.start_time)}"
    _labelled(document, "Tid", when)
    _labelled(document, "Plats", meeting.place)
    document.add_heading("Ärenden", level=1)
    lines = []
    for entry in doc.entries:
        line = entry.arende.title
        if entry.arende.sent_later:
            line += f" – *skickas ut {entry.arende.sent_later}*"
        if pages is not None:
            line += f" – sida {pages[len(lines)]}"
        lines.append(line)
    markdown = MarkdownRenderer(document)
    markdown.render("\n".join(f"{n}. {_escape(t)}" for n, t in enumerate(lines, 1)))
    if late_changes:
        document.add_heading("Tillägg och ändringar efter utskick", level=2)
        for label, title, what in late_changes:
            document.add_paragraph(f"{label}: {title} – {what}", style="List Bullet")
    _labelled(document, "Justering", meeting.adjustment_text)
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
            parts = [f"Träffas i {group.place}"]
            if group.start_time:
                parts.append(f"kl {clock(group.start_time, sep='.')}")
            if group.date:
                parts.append(day_month(group.date))
            document.add_paragraph(f"{group.parties}: {parts[0]}, {' '.join(parts[1:])}")
    if pages is None:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _item(document: Document, number: int, entry: AgendaEntry, *, public: bool) -> None:
    arende = entry.arende
    heading = f"{number}. {arende.title}" + (f" ({arende.dnr})" if arende.dnr else "")
    document.add_heading(heading, level=1)
    if public and arende.confidential:  # the projection left only its placeholder
        document.add_paragraph(arende.summary_md)
        return
    if arende.sent_later:
        document.add_paragraph().add_run(
            f"Handlingarna skickas ut {arende.sent_later}."
        ).italic = True
    if arende.preamble_md.strip():
        MarkdownRenderer(document, heading_offset=2).render(arende.preamble_md)
    _proposal(document, "Förslag till beslut", arende.proposal)
    if arende.administration_proposal:
        _proposal(document, "Förvaltningens förslag till beslut", arende.administration_proposal)
    _section(document, "Sammanfattning", arende.summary_md)
    if entry.announcements:
        rows = [
            (
                d.title + (" (sekretess)" if d.confidential and not public else ""),
                d.dnr or "",
                d.source,
            )
            for d in entry.announcements
        ]
        _section(document, "Anmälda handlingar", markdown_table(("Handling", "Dnr", "Från"), rows))
    # The Ärendet text uses #### for its own headings; they sit under Heading 2.
    _section(document, "Ärendet", arende.body_md, heading_offset=-1)
    if entry.attachments:
        document.add_heading("Bilagor", level=2)
        for attachment in entry.attachments:
            text = attachment.title
            if attachment.sent_later:
                text += " (skickas ut senare)"
            if attachment.confidential and not public:
                text += " (sekretess)"
            document.add_paragraph(text, style="List Bullet")
    if arende.dispatch_to:
        document.add_heading("Expedieras till", level=2)
        for recipient in arende.dispatch_to:
            document.add_paragraph(recipient, style="List Bullet")


def _proposal(document: Document, heading: str, att_satser: list[str]) -> None:
    if not att_satser:
        return
    document.add_heading(heading, level=2)
    MarkdownRenderer(document).render(proposal_markdown(att_satser))


def _section(document: Document, heading: str, markdown: str, heading_offset: int = 2) -> None:
    if markdown.strip():
        document.add_heading(heading, level=2)
        MarkdownRenderer(document, heading_offset=heading_offset).render(markdown)


def _labelled(document: Document, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}\t").bold = True
    paragraph.add_run(value)


def _escape(text: str) -> str:
    """Keep a list line from being read as a nested list or a heading."""
    return text.replace("\n", " ")
