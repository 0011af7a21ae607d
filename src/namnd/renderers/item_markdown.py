"""One agenda item as Markdown: the TUI's detail pane and the kallelse's ärende page.

The sections both show (the proposals, the bilagor) are written here once; plain texts
(titles) go through ``markdown_text.literal`` so an asterisk stays an asterisk. Levels
follow the agenda file: ``##`` for the ärende, ``###`` for its parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from namnd.domain.agenda import AgendaEntry
from namnd.formats.markdown_sections import proposal_markdown
from namnd.formats.markdown_table import markdown_table
from namnd.renderers.markdown_text import literal, shift_headings
from namnd.rules.reply_deadlines import reply_warning
from namnd.rules.swedish_dates import long_date

if TYPE_CHECKING:  # the protokoll's § (``paragraph_markdown``) is written without the ORM
    from namnd.domain.models import Attachment


def item_markdown(number: int, entry: AgendaEntry, meeting_date: dt.date | None = None) -> str:
    """Ärende ``number``: heading, facts, both proposals, sammanfattning and bilagor.

    With ``meeting_date``, a svar senast before the meeting is pointed out.
    """
    item = entry.arende
    facts = [f"**{item.kind.label.capitalize()}**"]
    if item.dnr:
        facts.append(f"Dnr {literal(item.dnr)}")
    if item.sent_later:
        facts.append(f"*skickas ut {literal(item.sent_later)}*")
    if item.confidential:
        facts.append("**Sekretess**")
    if item.reply_by:
        facts.append(f"svar senast {long_date(item.reply_by)}")
    parts = [item_heading(number, item.title), " · ".join(facts)]
    warning = reply_warning(item.title, item.reply_by, meeting_date) if meeting_date else None
    if warning:
        parts.append(f"> **Obs: remisstiden går ut före sammanträdet.** {literal(warning)}")
    parts += proposal_sections(item.proposal, item.administration_proposal)
    if item.summary_md.strip():
        parts += ["### Sammanfattning", item.summary_md.strip()]
    parts += attachment_section(entry.attachments, show_secret=True)
    return "\n\n".join(parts) + "\n"


def arende_markdown(
    number: int, entry: AgendaEntry, *, public: bool, with_memo: bool = False
) -> str:
    """The ärende as the kallelse prints it before its tjänsteskrivelse.

    Heading with the dnr, the proposal that goes to the nämnd, the sammanfattning and the
    anmälda handlingar. Without a tjänsteskrivelse page (``with_memo`` False) the
    förvaltning's proposal, the Ärendet text, the bilagor and Expedieras till come here.
    A sekretess ärende in the public version keeps only what the projection left.
    """
    arende = entry.arende
    heading = item_heading(number, arende.title, arende.dnr)
    if public and arende.confidential:  # the projection left only its placeholder
        return "\n\n".join([heading, arende.summary_md]) + "\n"
    parts = [heading]
    if arende.sent_later:
        parts.append(f"*Handlingarna skickas ut {literal(arende.sent_later)}.*")
    if arende.preamble_md.strip():
        parts.append(shift_headings(arende.preamble_md.strip(), 3))
    parts += proposal_sections(
        arende.proposal, None if with_memo else arende.administration_proposal
    )
    if arende.summary_md.strip():
        parts += ["### Sammanfattning", shift_headings(arende.summary_md.strip(), 3)]
    if entry.announcements:
        rows = [
            (
                d.title + (" (sekretess)" if d.confidential and not public else ""),
                d.dnr or "",
                d.source,
            )
            for d in entry.announcements
        ]
        parts += ["### Anmälda handlingar", markdown_table(("Handling", "Dnr", "Från"), rows)]
    if not with_memo:
        parts += memo_sections(entry, public=public)
    return "\n\n".join(parts) + "\n"


def memo_sections(entry: AgendaEntry, *, public: bool) -> list[str]:
    """Ärendet, Bilagor and Expedieras till: the end of a tjänsteskrivelse."""
    arende = entry.arende
    parts: list[str] = []
    if arende.body_md.strip():
        parts += ["### Ärendet", arende.body_md.strip()]
    parts += attachment_section(entry.attachments, show_secret=not public)
    if arende.dispatch_to:
        parts += ["### Expedieras till", bullets(arende.dispatch_to)]
    return parts


def item_heading(number: int, title: str, dnr: str | None = None) -> str:
    """``## 3. Titel (von/2018:225)``, the title read literally."""
    suffix = f" ({literal(dnr)})" if dnr else ""
    return f"## {number}. {literal(title)}{suffix}"


def proposal_sections(proposal: Sequence[str], administration: Sequence[str] | None) -> list[str]:
    """Förslag till beslut, and the förvaltning's own where it is given."""
    parts: list[str] = []
    if proposal:
        parts += ["### Förslag till beslut", proposal_markdown(list(proposal))]
    if administration:
        parts += ["### Förvaltningens förslag till beslut", proposal_markdown(list(administration))]
    return parts


def attachment_section(attachments: Sequence[Attachment], *, show_secret: bool) -> list[str]:
    """The bilagor as a list, flagged sekretess (internal only) or skickas ut senare."""
    if not attachments:
        return []
    lines = []
    for attachment in attachments:
        flags = [
            flag
            for flag, on in (
                ("sekretess", attachment.confidential and show_secret),
                ("skickas ut senare", attachment.sent_later),
            )
            if on
        ]
        suffix = f" *({', '.join(flags)})*" if flags else ""
        lines.append(f"- {literal(attachment.title)}{suffix}")
    return ["### Bilagor", "\n".join(lines)]


def bullets(texts: Sequence[str]) -> str:
    """Plain texts as a bullet list."""
    return "\n".join(f"- {literal(text)}" for text in texts)
