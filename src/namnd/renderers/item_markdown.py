"""One agenda item as Markdown, for the TUI's detail pane and review mode."""

from __future__ import annotations

import datetime as dt

from namnd.domain.views import AgendaItemView
from namnd.formats.agenda_markdown import proposal_markdown
from namnd.services.reply_deadlines import reply_warning
from namnd.services.swedish_dates import long_date


def item_markdown(item: AgendaItemView, meeting_date: dt.date | None = None) -> str:
    """Heading, facts, both proposals where they differ, sammanfattning and bilagor.

    With ``meeting_date``, a svar senast before the meeting is pointed out.
    """
    heading = f"## {item.position}. {item.title}"
    facts = [f"**{item.kind.label.capitalize()}**"]
    if item.dnr:
        facts.append(f"Dnr {item.dnr}")
    if item.sent_later:
        facts.append(f"*skickas ut {item.sent_later}*")
    if item.confidential:
        facts.append("**Sekretess**")
    if item.reply_by:
        facts.append(f"svar senast {long_date(item.reply_by)}")
    parts = [heading, " · ".join(facts)]
    warning = reply_warning(item.title, item.reply_by, meeting_date) if meeting_date else None
    if warning:
        parts.append(f"> **Obs: remisstiden går ut före sammanträdet.** {warning}")
    if item.proposal:
        parts += ["### Förslag till beslut", proposal_markdown(item.proposal)]
    if item.administration_proposal:
        parts += [
            "### Förvaltningens förslag till beslut",
            proposal_markdown(item.administration_proposal),
        ]
    if item.summary_md.strip():
        parts += ["### Sammanfattning", item.summary_md.strip()]
    if item.attachments:
        lines = []
        for attachment in item.attachments:
            flags = [
                flag
                for flag, on in (
                    ("sekretess", attachment.confidential),
                    ("skickas ut senare", attachment.sent_later),
                )
                if on
            ]
            suffix = f" *({', '.join(flags)})*" if flags else ""
            lines.append(f"- {attachment.title}{suffix}")
        parts += ["### Bilagor", "\n".join(lines)]
    return "\n\n".join(parts) + "\n"
