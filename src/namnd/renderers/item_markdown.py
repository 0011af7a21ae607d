"""One agenda item as Markdown, for the TUI's detail pane and review mode."""

from __future__ import annotations

from namnd.domain.views import AgendaItemView
from namnd.formats.agenda_markdown import proposal_markdown


def item_markdown(item: AgendaItemView) -> str:
    """Heading, dnr, both proposals where they differ, sammanfattning and bilagor."""
    heading = f"## {item.position}. {item.title}"
    facts = [f"**{item.kind.label.capitalize()}**"]
    if item.dnr:
        facts.append(f"Dnr {item.dnr}")
    if item.sent_later:
        facts.append(f"*skickas ut {item.sent_later}*")
    if item.confidential:
        facts.append("**Sekretess**")
    parts = [heading, " · ".join(facts)]
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
