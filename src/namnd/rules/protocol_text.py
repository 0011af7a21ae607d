"""The protokoll's sentences in municipal Swedish, shared by the screen and the Word export.

"Per Ek (M) yrkar avslag på förslaget till beslut.", the propositionsordning, the result
of an omröstning and the närvaro lines of the first page ("Anna Berg (M) för Per Ek (M),
§§ 14–20") are written here once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from namnd.domain.kinds import AttendeeKind, VoteChoice, YrkandeKind
from namnd.domain.protocol import (
    Attendee,
    Correction,
    Protocol,
    ProtocolParagraph,
    Vote,
    Yrkande,
)
from namnd.rules.deadlines import ImmediateParagraph
from namnd.rules.protocol_rules import outcome, totals
from namnd.rules.swedish_dates import day_month, long_date

IMMEDIATE = "Paragrafen är omedelbart justerad."

PROPOSAL = "förslaget till beslut"


def decision_from_proposal(att_satser: Sequence[str]) -> str:
    """The beslut pre-filled from the proposal: one att-sats as is, several numbered."""
    if len(att_satser) == 1:
        return att_satser[0]
    return "\n".join(f"{n}. {text}" for n, text in enumerate(att_satser, start=1))


def join(words: Sequence[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} och {words[-1]}"


def names(protocol: Protocol, people: Sequence[str]) -> str:
    """Names with their party from the närvaro, joined: 'Per Ek (M) och Anna Berg (M)'."""
    return join([protocol.display(name) for name in people])


def genitive(display: str) -> str:
    """'Per Ek (M)' → 'Per Eks (M)'; names ending in s, x or z take no s."""
    name, bracket, rest = display.partition(" (")
    suffix = "" if name[-1:].lower() in "sxz" else "s"
    return f"{name}{suffix}{bracket}{rest}"


def yrkande_sentence(protocol: Protocol, yrkande: Yrkande) -> str:
    """The yrkande as minuted: 'Per Ek (M) yrkar avslag på förslaget till beslut.'."""
    who = names(protocol, yrkande.by)
    what = {
        YrkandeKind.APPROVAL: f"bifall till {yrkande.text or PROPOSAL}",
        YrkandeKind.REJECTION: f"avslag på {yrkande.text or PROPOSAL}",
        YrkandeKind.REFERRAL: "att ärendet återremitteras"
        + (f" med motiveringen {yrkande.text}" if yrkande.text else ""),
        YrkandeKind.AMENDMENT: f"följande ändring: {yrkande.text}",
        YrkandeKind.ADDITION: f"följande tillägg: {yrkande.text}",
    }[yrkande.kind]
    return f"{who} yrkar {what.rstrip('.')}."


def options(protocol: Protocol, paragraph: ProtocolParagraph) -> list[str]:
    """What the ordförande puts against each other, the proposal first."""
    found = [f"bifall till {PROPOSAL}"]
    for yrkande in paragraph.yrkanden:
        who = genitive(names(protocol, yrkande.by))
        option = {
            YrkandeKind.APPROVAL: f"bifall till {yrkande.text}" if yrkande.text else "",
            YrkandeKind.REJECTION: "avslag",
            YrkandeKind.REFERRAL: "",
            YrkandeKind.AMENDMENT: f"bifall till {who} ändringsyrkande",
            YrkandeKind.ADDITION: f"bifall till {who} tilläggsyrkande",
        }[yrkande.kind]
        if option and option not in found:
            found.append(option)
    return found


def default_vote(protocol: Protocol, paragraph: ProtocolParagraph) -> Vote:
    """The usual voteringsproposition: the proposal (Ja) against the first counter-motion."""
    counter = next(
        (
            m
            for m in paragraph.yrkanden
            if m.kind is not YrkandeKind.REFERRAL
            and not (m.kind is YrkandeKind.APPROVAL and not m.text)
        ),
        None,
    )
    if counter is None or counter.kind is YrkandeKind.REJECTION:
        no_for = "avslag"
    else:
        no_for = f"bifall till {genitive(names(protocol, counter.by))} yrkande"
    return Vote(f"bifall till {PROPOSAL}", no_for)


def decision_process(protocol: Protocol, paragraph: ProtocolParagraph) -> str:
    """The generated beslutsgång (propositionsordning and omröstning), '' without yrkanden."""
    if not paragraph.yrkanden:
        return ""
    parts = []
    if any(m.kind is YrkandeKind.REFERRAL for m in paragraph.yrkanden):
        parts.append(
            "Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller "
            "återremitteras och finner att ärendet ska avgöras i dag."
        )
    choices = options(protocol, paragraph)
    if len(choices) > 1:
        parts.append(
            f"Ordföranden ställer proposition på {join(choices)} och finner att nämnden "
            f"beslutar enligt {choices[0].removeprefix('bifall till ')}."
        )
    if paragraph.vote is not None:
        parts.append("Votering begärs.")
        parts.append(
            f"Nämnden godkänner följande voteringsproposition: {paragraph.vote.proposition}"
        )
        parts.append(vote_result(protocol, paragraph))
    return "\n\n".join(parts)


def vote_result(protocol: Protocol, paragraph: ProtocolParagraph) -> str:
    """The result as minuted: 'Omröstningen utfaller med 7 ja-röster mot 6 nej-röster …'."""
    vote = paragraph.vote
    assert vote is not None
    count = totals(vote)
    chair = protocol.chair
    won = outcome(vote, chair.name if chair else None)
    text = (
        f"Omröstningen utfaller med {_votes(count.yes, 'ja')} mot {_votes(count.no, 'nej')}; "
        f"{count.abstain} avstår."
    )
    if won is None:
        return text + " Utfallet är oavgjort."
    if count.yes == count.no:
        text += " Ordföranden har utslagsröst."
    decided = vote.yes_for if won is VoteChoice.YES else vote.no_for
    return f"{text} Nämnden har därmed beslutat enligt {decided.removeprefix('bifall till ')}."


def _votes(count: int, word: str) -> str:
    return f"{count} {word}-röst{'' if count == 1 else 'er'}"


def immediate_sentence(dates: ImmediateParagraph | None) -> str:
    """An omedelbart justerad § with its own anslag and överklagandetid (KL 8:12, 13:5)."""
    if dates is None:
        return IMMEDIATE
    return (
        f"{IMMEDIATE} Justeringen anslås senast {long_date(dates.posting_deadline)}; "
        f"överklagandetiden löper till och med {long_date(dates.appeal_ends)} "
        f"(tre veckor från anslaget)."
    )


def reservation_sentence(protocol: Protocol, by: Sequence[str], reason: str) -> str:
    """The reservation as minuted: 'Per Ek (M) reserverar sig mot beslutet …'."""
    tail = f" {reason.rstrip('.')}" if reason else ""
    return f"{names(protocol, by)} reserverar sig mot beslutet{tail}."


def attendance_line(protocol: Protocol, attendee: Attendee) -> str:
    """One närvaro line: 'Tuva Lund (S), ordförande', 'Anna Berg (M) för Per Ek (M), §§ 14–20'."""
    text = attendee.display
    if attendee.replaces:
        # The replaced ledamot is usually absent, hence not in the närvaro: same party.
        absent = protocol.attendee(attendee.replaces) or Attendee(attendee.replaces, attendee.party)
        text += f" för {absent.display}"
    if attendee.function:
        text += f", {attendee.function}"
    if attendee.paragraphs is not None:
        text += f", {attendee.paragraphs.text}"
    return text


def attendance_groups(protocol: Protocol) -> list[tuple[str, list[str]]]:
    """Beslutande, Ersättare (present, not serving) and Övriga närvarande, as printed."""
    deciding = [
        a
        for a in protocol.attendees
        if a.kind is AttendeeKind.MEMBER or (a.kind is AttendeeKind.SUBSTITUTE and a.replaces)
    ]
    substitutes = [
        a for a in protocol.attendees if a.kind is AttendeeKind.SUBSTITUTE and not a.replaces
    ]
    others = [a for a in protocol.attendees if a.kind is AttendeeKind.OTHER]
    return [
        (label, [attendance_line(protocol, a) for a in group])
        for label, group in (
            ("Beslutande", deciding),
            ("Ersättare", substitutes),
            ("Övriga närvarande", others),
        )
    ]


def correction_line(correction: Correction) -> str:
    """A rättelse as printed; the published one of a sekretess § names only § and day."""
    day = long_date(correction.at.date())
    if correction.confidential:
        when = f"{day_month(correction.at.date())} {correction.at.year}"
        return f"Rättelse i § {correction.number} den {when}."
    return (
        f"§ {correction.number}, {day}, {correction.by}: {correction.what}. "
        f"Skäl: {correction.reason}"
    )


# "Vård- och omsorgsnämnden beslutar enligt förslaget." and its usual variants: a
# shorthand that points at the kallelse instead of holding the beslut.
_AS_PROPOSED = re.compile(
    r"^[^\n.]*\bbeslutar\s+(?:i\s+enlighet\s+med|enligt)\s+(?:förvaltningens\s+)?"
    r"förslag(?:et)?(?:\s+till\s+beslut)?\s*[.:]?\s*$",
    re.IGNORECASE,
)


def as_proposed(decision_md: str) -> bool:
    """True if the beslut only says "beslutar enligt förslaget" (no beslut of its own)."""
    return bool(_AS_PROPOSED.match(decision_md.strip()))


def full_decisions(protocol: Protocol, proposals: Mapping[int, Sequence[str]]) -> Protocol:
    """``protocol`` with each "beslutar enligt förslaget" replaced by the förslag itself.

    ``proposals`` maps a list position to the att-satser of the förslag till beslut that
    went to the nämnd (the kallelse's). A protokoll and its utdrag must hold the beslut,
    not point at another document: the att-satser are written as the kallelse numbers
    them. A § with its own written beslut, or whose ärende has no förslag, is kept.
    """
    paragraphs = tuple(
        replace(p, decision_md=decision_from_proposal(proposals[p.item]))
        if p.item is not None
        and p.item in proposals
        and proposals[p.item]
        and as_proposed(p.decision_md)
        else p
        for p in protocol.paragraphs
    )
    return replace(protocol, paragraphs=paragraphs)
