"""One § of the protokoll as Markdown: what the meeting-room screen shows beside the beslut."""

from __future__ import annotations

from namnd.domain.protocol import Protocol, ProtocolParagraph
from namnd.services import protocol_text
from namnd.services.deadlines import ImmediateParagraph
from namnd.services.protocol_rules import problems, serving, totals


def paragraph_markdown(
    protocol: Protocol, paragraph: ProtocolParagraph, immediate: ImmediateParagraph | None = None
) -> str:
    """Yrkanden, beslutsgång, omröstning, reservationer … and what breaks a rule.

    ``immediate``: an omedelbart justerad §'s own anslag and överklagande dates.
    """
    parts: list[str] = []
    if paragraph.dnr:
        parts.append(f"Dnr {paragraph.dnr}")
    flags = [
        text
        for flag, text in (
            (paragraph.immediate, protocol_text.immediate_sentence(immediate)),
            (paragraph.confidential, "Sekretess: redovisas inte i den offentliga versionen."),
        )
        if flag
    ]
    parts += flags
    if paragraph.recused:
        who = protocol_text.names(protocol, paragraph.recused)
        parts.append(f"{who} anmäler jäv och deltar inte i handläggningen.")
    if paragraph.motions:
        lines = [protocol_text.motion_sentence(protocol, m) for m in paragraph.motions]
        parts.append("### Yrkanden\n\n" + "\n\n".join(lines))
    process = paragraph.process_md or protocol_text.decision_process(protocol, paragraph)
    if process:
        parts.append("### Beslutsgång\n\n" + process)
    if paragraph.vote is not None:
        parts.append("### Omröstning\n\n" + _vote_table(protocol, paragraph))
    for reservation in paragraph.reservations:
        text = protocol_text.reservation_sentence(protocol, reservation.by, reservation.reason)
        parts.append(
            "### Reservation\n\n"
            + text
            + (f"\n\n{reservation.written}" if reservation.written else "")
        )
    for note in paragraph.notes:
        who = protocol_text.names(protocol, note.by)
        parts.append(f"### Protokollsanteckning\n\n{who}: {note.text}")
    if paragraph.dispatch_to:
        parts.append("### Expedieras till\n\n" + "\n".join(f"- {d}" for d in paragraph.dispatch_to))
    broken = [p.message for p in problems(protocol) if p.number == paragraph.number]
    if broken:
        parts.append("### Att rätta före justering\n\n" + "\n".join(f"- {m}" for m in broken))
    serving_now = len(serving(protocol, paragraph.number))
    parts.append(f"*{serving_now} tjänstgörande i paragrafen.*")
    return "\n\n".join(parts)


def _vote_table(protocol: Protocol, paragraph: ProtocolParagraph) -> str:
    vote = paragraph.vote
    assert vote is not None
    rows = ["| Ledamot | Ja | Nej | Avstår |", "| --- | :-: | :-: | :-: |"]
    for ballot in vote.ballots:
        marks = ["x" if ballot.choice.label == head else "" for head in ("Ja", "Nej", "Avstår")]
        rows.append(f"| {protocol.display(ballot.name)} | {' | '.join(marks)} |")
    count = totals(vote)
    rows.append(f"| **Summa** | **{count.yes}** | **{count.no}** | **{count.abstain}** |")
    return f"{vote.proposition}\n\n" + "\n".join(rows)
