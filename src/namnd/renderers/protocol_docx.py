"""The protokoll and the protokollsutdrag as Word documents.

First page as Swedish municipal protokoll have it (Plats och tid, Beslutande, Ersättare,
Övriga närvarande, Utses att justera, Justeringens plats och tid, Underskrifter beside
"Paragrafer N–M", then ANSLAG/BEVIS); then one Heading 1 per § with its parts as
Heading 2. Every page's footer carries "Justerandes sign" and "Utdragsbestyrkande".
Markdown text goes through the shared ``MarkdownRenderer``; sentences come from
``rules.protocol_text`` so the screen and the document say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.shared import Cm
from docx.table import Table

from namnd.atomic_files import save_document
from namnd.domain.protocol import Protocol, ProtocolParagraph
from namnd.domain.views import PrintedItem
from namnd.renderers.docx_document import (
    add_table,
    document_header,
    footers_in_use,
    new_document,
    set_footer,
    set_properties,
    set_widths,
    word_export,
)
from namnd.renderers.markdown_docx import MarkdownRenderer
from namnd.renderers.paragraph_markdown import paragraph_document
from namnd.rules import deadlines, protocol_text
from namnd.rules.publication import NOT_FOR_PUBLICATION
from namnd.rules.swedish_dates import clock, long_date

SIGN_LINE = "_" * 24
FOOTER_CELLS = ("Justerandes sign", "Utdragsbestyrkande")
NOT_YET = "fylls i vid justering"


@word_export("Protokollet")
def write_protocol_docx(
    protocol: Protocol,
    path: Path,
    *,
    items: Mapping[int, PrintedItem] | None = None,
    public: bool = False,
    template: Path | None = None,
    after: deadlines.AfterMeeting,
    under_item: dict[int, str] | None = None,
) -> Path:
    """Write the whole protokoll; ``public`` leaves out sekretess §§ and secret bilagor.

    ``after`` holds the meeting's anslag dates as ``storage.schedule.meeting_deadlines``
    computes them (the organ's rules, the recorded days), so the document and the
    screens never disagree. ``items`` holds what each agenda item's § prints of its
    ärende (by list position); ``under_item`` adds publishable Markdown (e.g. the
    delegationsbeslut counts) to the § of that agenda item.
    """
    document = _document(protocol, "Protokoll", template)
    _first_page(document, protocol, after)
    for paragraph in protocol.paragraphs:
        _paragraph(
            document,
            protocol,
            paragraph,
            _item(items, paragraph),
            public=public,
            immediate=after.for_paragraph(paragraph.number),
        )
        extra = (under_item or {}).get(paragraph.item or 0)
        if extra and not (public and paragraph.confidential):
            MarkdownRenderer(document, heading_offset=-1).render(extra)
    if protocol.corrections:
        document.add_heading("Rättelser efter justering", level=1)
        for c in protocol.corrections:
            document.add_paragraph(protocol_text.correction_line(c))
    if not public and any(p.confidential for p in protocol.paragraphs):
        set_footer(document, NOT_FOR_PUBLICATION)
    return _save(document, path)


@word_export("Protokollsutdraget")
def write_extract_docx(
    protocol: Protocol,
    number: int,
    path: Path,
    *,
    items: Mapping[int, PrintedItem] | None = None,
    template: Path | None = None,
    after: deadlines.AfterMeeting | None = None,
    public: bool = False,
) -> Path:
    """A protokollsutdrag: one § under PROTOKOLLSUTDRAG, certified by the secretary.

    ``after`` (``storage.schedule.meeting_deadlines``) gives an omedelbart justerad § its
    anslag and överklagandetid. ``public``: ``protocol`` and ``items`` are the public
    projection, for the anslagstavla.
    """
    paragraph = protocol.paragraph(number)
    document = _document(protocol, f"Protokollsutdrag § {number}", template)
    document.add_heading("PROTOKOLLSUTDRAG", level=0)
    document.add_paragraph(protocol.organ_name)
    document.add_paragraph(f"Sammanträdesdatum: {long_date(protocol.date)}")
    _paragraph(
        document,
        protocol,
        paragraph,
        _item(items, paragraph),
        public=public,
        immediate=after.for_paragraph(number) if after else None,
    )
    document.add_paragraph()
    document.add_paragraph("Utdragsbestyrkande").runs[0].bold = True
    document.add_paragraph(SIGN_LINE)
    document.add_paragraph(protocol.secretary)
    if paragraph.confidential and not public:
        set_footer(document, NOT_FOR_PUBLICATION)
    return _save(document, path)


@word_export("Expedieringslistan")
def write_dispatch_docx(
    protocol: Protocol, markdown: str, path: Path, *, template: Path | None = None
) -> Path:
    """The expedieringslista (``rules.dispatch``) as a Word document."""
    document = _document(
        protocol, "Expedieringslista", template, subject="Expediering", signed_pages=False
    )
    MarkdownRenderer(document).render(markdown)
    return _save(document, path)


def _document(
    protocol: Protocol,
    kind: str,
    template: Path | None,
    *,
    subject: str = "Sammanträdesprotokoll",
    signed_pages: bool = True,
) -> Document:
    """A document titled for the meeting; protokoll pages carry the signature footers."""
    header = document_header(protocol.organ_name, kind, protocol.date)
    document = new_document(template, header=header)
    set_properties(
        document,
        title=f"{kind} {protocol.organ_name} {long_date(protocol.date)}",
        author=protocol.secretary or protocol.organ_name,
        subject=subject,
    )
    if signed_pages:
        _footer_cells(document)
    return document


def _save(document: Document, path: Path) -> Path:
    return save_document(document, path)


def _item(
    items: Mapping[int, PrintedItem] | None, paragraph: ProtocolParagraph
) -> PrintedItem | None:
    """What the § prints of its ärende on the list (none for a § of no list item)."""
    if items is None or paragraph.item is None:
        return None
    return items.get(paragraph.item)


def _footer_cells(document: Document) -> None:
    """'Justerandes sign' and 'Utdragsbestyrkande' side by side on every page."""
    for footer in footers_in_use(document):
        table = footer.add_table(rows=1, cols=2, width=Cm(16))
        for cell, text in zip(table.rows[0].cells, FOOTER_CELLS, strict=True):
            cell.text = text


# --- first page -------------------------------------------------------------------


def _first_page(document: Document, protocol: Protocol, after: deadlines.AfterMeeting) -> None:
    document.add_heading(protocol.organ_name, level=0)
    document.add_paragraph(f"Sammanträdesprotokoll {long_date(protocol.date)}")
    justering = protocol.justering
    rows: list[tuple[str, Sequence[str]]] = [("Plats och tid", [_place_and_time(protocol)])]
    rows += protocol_text.attendance_groups(protocol)
    rows.append(("Utses att justera", [protocol_text.names(protocol, justering.justerare)]))
    when = long_date(justering.date) if justering.date else ""
    if justering.time:
        when += f" kl. {clock(justering.time, '.')}"
    rows.append(
        ("Justeringens plats och tid", [", ".join(p for p in (justering.place, when) if p)])
    )
    _label_table(document, rows)

    document.add_paragraph()
    span = (
        protocol.numbers.text.replace("§§", "Paragrafer").replace("§", "Paragraf")
        if protocol.numbers
        else ""
    )
    chair = protocol.chair
    signers = [
        ("Sekreterare", protocol.secretary, span),
        ("Ordförande", chair.display if chair else "", ""),
    ]
    signers += [("Justerande", protocol.display(name), "") for name in justering.justerare]
    table = add_table(
        document, [(role, f"{SIGN_LINE}\n{name}", right) for role, name, right in signers]
    )
    _widths(table, Cm(3.5), Cm(7.5), Cm(5))

    document.add_paragraph()
    document.add_heading("ANSLAG/BEVIS", level=2)
    intro = "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
    document.add_paragraph(intro).paragraph_format.keep_with_next = True
    up, down = _notice_dates(protocol, after)
    rows = [
        ("Organ", [protocol.organ_name]),
        ("Sammanträdesdatum", [long_date(protocol.date)]),
        ("Datum då anslaget sätts upp", [up]),
        ("Datum då anslaget tas ned", [down]),
    ]
    if after.immediate:
        lines = [_immediate_line(p) for p in after.immediate]
        rows.append(("Omedelbart justerade paragrafer", lines))
    rows += [
        ("Förvaringsplats för protokollet", [justering.archive]),
        ("Underskrift", [f"{SIGN_LINE}\n{protocol.secretary}"]),
    ]
    notice = _label_table(document, rows)
    _keep_on_one_page(notice)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _place_and_time(protocol: Protocol) -> str:
    if protocol.start_time is None:
        return protocol.place
    hours = f"kl. {clock(protocol.start_time, '.')}"
    if protocol.end_time is not None:
        hours += f"–{clock(protocol.end_time, '.')}"
    return ", ".join(p for p in (protocol.place, hours) if p)


def _notice_dates(protocol: Protocol, after: deadlines.AfterMeeting) -> tuple[str, str]:
    """The anslag up and down: the real day once posted, else the latest allowed day."""
    if protocol.justering.justerat_on is None:
        return NOT_YET, NOT_YET
    return long_date(after.posted_on or after.posting_deadline), long_date(after.notice_down)


def _immediate_line(paragraph: deadlines.ImmediateParagraph) -> str:
    """One omedelbart justerad §'s own anslag and överklagandetid (KL 8:12, 13:5)."""
    return (
        f"§ {paragraph.number}: justerad {long_date(paragraph.justerat_on)}, anslås senast "
        f"{long_date(paragraph.posting_deadline)}, överklagandetid t.o.m. "
        f"{long_date(paragraph.appeal_ends)}"
    )


def _label_table(document: Document, rows: Sequence[tuple[str, Sequence[str]]]) -> Table:
    table = add_table(
        document, [(label, "\n".join(lines)) for label, lines in rows], fill=_bold_label
    )
    _widths(table, Cm(5.5), Cm(10.5))
    return table


def _bold_label(cell, _row: int, column: int, text: str) -> None:
    cell.text = text
    if column == 0:
        cell.paragraphs[0].runs[0].bold = True


def _keep_on_one_page(table: Table) -> None:
    """The ANSLAG/BEVIS box moves to the next page whole rather than split across two."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _widths(table: Table, *widths: int) -> None:
    """The first page's fixed layout: label and value columns as the seed has them."""
    set_widths(table, widths)


# --- one § ------------------------------------------------------------------------


def _paragraph(
    document: Document,
    protocol: Protocol,
    paragraph: ProtocolParagraph,
    item: PrintedItem | None,
    *,
    public: bool,
    immediate: deadlines.ImmediateParagraph | None = None,
) -> None:
    """The § as ``paragraph_markdown.paragraph_document`` writes it: § Heading 1, parts 2."""
    markdown = paragraph_document(protocol, paragraph, item, public=public, immediate=immediate)
    MarkdownRenderer(document, heading_offset=-1).render(markdown)
