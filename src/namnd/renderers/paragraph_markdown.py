"""One § of the protokoll as Markdown: the screen's preview and the printed §, written once.

:func:`paragraph_document` is the § as the protokoll and the utdrag print it (turned into
Word by the one Markdown→Word renderer); :func:`paragraph_markdown` is what the
meeting-room screen shows beside the beslut. Both take their sentences from
``rules.protocol_text`` and their parts (jäv, yrkanden, beslutsgång, omröstning,
reservationer, anteckningar, expedieras till) from the helpers here, so the screen and
the document say the same thing in the same words. Levels: ``##`` the §, ``###`` a part.
"""

from __future__ import annotations

from namnd.domain.protocol import Protocol, ProtocolParagraph
from namnd.domain.views import PrintedItem
from namnd.renderers.item_markdown import bullets
from namnd.renderers.markdown_text import literal, shift_headings
from namnd.rules import protocol_text
from namnd.rules.deadlines import ImmediateParagraph
from namnd.rules.protocol_rules import problems, serving, totals
from namnd.rules.swedish_dates import long_date


def paragraph_markdown(
    protocol: Protocol, paragraph: ProtocolParagraph, immediate: ImmediateParagraph | None = None
) -> str:
    """Yrkanden, beslutsgång, omröstning, reservationer … and what breaks a rule.

    ``immediate``: an omedelbart justerad §'s own anslag and överklagande dates.
    """
    parts: list[str] = []
    if paragraph.dnr:
        parts.append(f"Dnr {literal(paragraph.dnr)}")
    flags = [
        text
        for flag, text in (
            (paragraph.immediate, protocol_text.immediate_sentence(immediate)),
            (paragraph.confidential, "Sekretess: redovisas inte i den offentliga versionen."),
        )
        if flag
    ]
    parts += flags
    parts += _recusal(protocol, paragraph)
    parts += _proceedings(protocol, paragraph)
    parts += _dispatch(paragraph)
    broken = [p.message for p in problems(protocol) if p.number == paragraph.number]
    if broken:
        parts.append("### Att rätta före justering\n\n" + "\n".join(f"- {m}" for m in broken))
    serving_now = len(serving(protocol, paragraph.number))
    parts.append(f"*{serving_now} tjänstgörande i paragrafen.*")
    return "\n\n".join(parts)


def paragraph_document(
    protocol: Protocol,
    paragraph: ProtocolParagraph,
    item: PrintedItem | None = None,
    *,
    public: bool = False,
    immediate: ImmediateParagraph | None = None,
) -> str:
    """The § as printed: heading, dnr, jäv, Beslut, the proceedings, the underlag.

    ``item`` is what the ärende on the föredragningslista adds (its sammanfattning and
    the beslutsunderlag); with ``public`` a sekretess § keeps only what the
    public projection left, and sekretess bilagor are not listed.
    """
    parts = [f"## § {paragraph.number} {literal(paragraph.title)}"]
    if paragraph.dnr:
        parts.append(f"Dnr {literal(paragraph.dnr)}")
    if public and paragraph.confidential:  # the public projection left only its placeholder
        return "\n\n".join([*parts, paragraph.decision_md]) + "\n"
    parts += _recusal(protocol, paragraph)
    parts += _part("Beslut", paragraph.decision_md)
    if paragraph.immediate:
        parts.append(protocol_text.immediate_sentence(immediate))
    parts += _proceedings(protocol, paragraph)
    if item is not None:
        parts += _part("Sammanfattning", item.summary_md)
        parts += _part("Beslutsunderlag", _basis(item, public=public))
    parts += _dispatch(paragraph)
    return "\n\n".join(parts) + "\n"


def _part(heading: str, markdown: str) -> list[str]:
    """A part under its heading; its own headings go below the part's."""
    if not markdown.strip():
        return []
    return [f"### {heading}", shift_headings(markdown.strip(), 3)]


def _recusal(protocol: Protocol, paragraph: ProtocolParagraph) -> list[str]:
    if not paragraph.recused:
        return []
    who = protocol_text.names(protocol, paragraph.recused)
    return [f"{who} anmäler jäv och deltar inte i handläggningen."]


def _proceedings(protocol: Protocol, paragraph: ProtocolParagraph) -> list[str]:
    """Yrkanden, Beslutsgång, Omröstning, Reservation and Protokollsanteckning."""
    parts: list[str] = []
    if paragraph.yrkanden:
        lines = [protocol_text.yrkande_sentence(protocol, m) for m in paragraph.yrkanden]
        parts += ["### Yrkanden", "\n\n".join(lines)]
    process = paragraph.process_md or protocol_text.decision_process(protocol, paragraph)
    parts += _part("Beslutsgång", process)
    if paragraph.vote is not None:
        parts += ["### Omröstning", _vote(protocol, paragraph, process)]
    for reservation in paragraph.reservations:
        text = protocol_text.reservation_sentence(protocol, reservation.by, reservation.reason)
        if reservation.written:
            text += f"\n\n{shift_headings(reservation.written, 3)}"
        parts += ["### Reservation", text]
    for note in paragraph.notes:
        who = protocol_text.names(protocol, note.by)
        parts += ["### Protokollsanteckning", f"{who}: {note.text}"]
    return parts


def _dispatch(paragraph: ProtocolParagraph) -> list[str]:
    return ["### Expedieras till", bullets(paragraph.dispatch_to)] if paragraph.dispatch_to else []


def _vote(protocol: Protocol, paragraph: ProtocolParagraph, process: str) -> str:
    """The ballots with their totals, and the proposition and result if not said already.

    The generated beslutsgång holds the voteringsproposition and the result sentence;
    they are added here only when a beslutsgång written by hand leaves them out, so
    neither is printed twice.
    """
    vote = paragraph.vote
    assert vote is not None
    rows = ["| Ledamot | Ja | Nej | Avstår |", "| --- | :-: | :-: | :-: |"]
    for ballot in vote.ballots:
        marks = ["X" if ballot.choice.label == head else "" for head in ("Ja", "Nej", "Avstår")]
        rows.append(f"| {literal(protocol.display(ballot.name))} | {' | '.join(marks)} |")
    count = totals(vote)
    rows.append(f"| **Summa** | **{count.yes}** | **{count.no}** | **{count.abstain}** |")
    parts = [] if vote.proposition in process else [f"Voteringsproposition: {vote.proposition}"]
    parts.append("\n".join(rows))
    result = protocol_text.vote_result(protocol, paragraph)
    if result not in process:
        parts.append(result)
    return "\n\n".join(parts)


def _basis(item: PrintedItem, *, public: bool) -> str:
    """The tjänsteskrivelse and the bilagor; secret bilagor only in the internal version."""
    lines = []
    if item.memo_date:
        lines.append(f"Tjänsteskrivelse {long_date(item.memo_date)}")
    lines += [
        title + (" (sekretess)" if confidential else "")
        for title, confidential in item.bilagor
        if not (public and confidential)
    ]
    return bullets(lines)
