"""The ``namnd:`` extension of OParl's AgendaItem: how a § was decided.

OParl 1.1 has no place for yrkanden, omröstningar and reservationer, which are what a
reader of a Swedish protokoll looks for; its users have asked for votes since 2013
(OParl/spec #48, #171). These properties carry them, documented in ``docs/oparl.md``.
OParl allows additional properties, so every object stays valid against its schema.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from namnd.domain.kinds import VoteChoice
from namnd.domain.protocol import Protocol, ProtocolParagraph, Vote


def decision_properties(
    paragraph: ProtocolParagraph, protocol: Protocol, person_of: Callable[[str], str | None]
) -> dict[str, object]:
    """The AgendaItem's properties from its published §; ``person_of`` maps a name to an id.

    A sekretess § (as the public projection gives it) says only its number, its
    placeholder and that it is not public.
    """
    out: dict[str, object] = {"namnd:paragraph": paragraph.number}
    if paragraph.decision_md:
        out["resolutionText"] = paragraph.decision_md
    if paragraph.confidential:
        out["public"] = False
        return out

    def who(name: str) -> dict[str, object]:
        member: dict[str, object] = {"name": name}
        attendee = protocol.attendee(name)
        if attendee is not None and attendee.party:
            member["party"] = attendee.party
        person = person_of(name)
        if person is not None:
            member["person"] = person
        return member

    if paragraph.yrkanden:
        out["namnd:motions"] = [
            {
                "by": [who(name) for name in yrkande.by],
                "kind": yrkande.kind.label,
                **({"text": yrkande.text} if yrkande.text else {}),
            }
            for yrkande in paragraph.yrkanden
        ]
    if paragraph.vote is not None:
        out["namnd:vote"] = _vote(paragraph.vote, who)
        out["result"] = vote_result(paragraph.vote)
    if paragraph.reservations:
        out["namnd:reservations"] = [
            {
                "by": [who(name) for name in r.by],
                **({"reason": r.reason} if r.reason else {}),
                **({"text": r.written} if r.written else {}),
            }
            for r in paragraph.reservations
        ]
    return out


def _vote(vote: Vote, who: Callable[[str], dict[str, object]]) -> dict[str, object]:
    totals = Counter(b.choice for b in vote.ballots)
    return {
        "proposition": vote.proposition,
        "yesFor": vote.yes_for,
        "noFor": vote.no_for,
        "ballots": [{**who(b.name), "choice": b.choice.label} for b in vote.ballots],
        "totals": {choice.label: totals[choice] for choice in VoteChoice},
    }


def vote_result(vote: Vote) -> str:
    """The count as the protokoll states it: 'Omröstning: 12 Ja, 1 Nej, 0 Avstår.'.

    No winner is named: a tie is decided by the ordförande's utslagsröst (KL 6:40),
    which the protokoll's text states.
    """
    totals = Counter(b.choice for b in vote.ballots)
    counted = ", ".join(f"{totals[choice]} {choice.label}" for choice in VoteChoice)
    return f"Omröstning: {counted}."
