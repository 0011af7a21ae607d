"""The rules of a protokoll: who serves at a §, beslutsförhet, omröstning and its checks.

Pure functions over :class:`~namnd.domain.protocol.Protocol`; the screen, the importer
and the exporters all ask here, so a vote by someone not serving is caught the same way
whether it was typed live or written in a file.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from namnd.domain.kinds import AttendeeKind, VoteChoice
from namnd.domain.protocol import Attendee, Protocol, ProtocolParagraph, Vote
from namnd.errors import InvalidInput
from namnd.rules.swedish_dates import long_date


@dataclass(frozen=True)
class Problem:
    """Something in the protokoll that breaks a rule; ``number`` is the § (None: the head)."""

    number: int | None
    message: str


@dataclass(frozen=True)
class VoteTotals:
    """Ja, Nej and Avstår of one omröstning."""

    yes: int
    no: int
    abstain: int

    @property
    def total(self) -> int:
        return self.yes + self.no + self.abstain


def serving(protocol: Protocol, number: int) -> list[Attendee]:
    """The beslutande at § ``number``, in närvaro order.

    Ledamöter present and neither jäviga nor replaced, and the ersättare serving for
    someone there.
    """
    paragraph = _find(protocol, number)
    recused = set(paragraph.recused) if paragraph else set()
    stand_ins = [
        a
        for a in protocol.attendees
        if a.kind is AttendeeKind.SUBSTITUTE and a.replaces and a.present_at(number)
    ]
    replaced = {a.replaces for a in stand_ins}
    return [
        a
        for a in protocol.attendees
        if a.name not in recused
        and (
            a in stand_ins
            or (a.kind is AttendeeKind.MEMBER and a.present_at(number) and a.name not in replaced)
        )
    ]


def quorum_warning(protocol: Protocol, number: int, seats: int) -> str | None:
    """Beslutsförhet needs more than half of the ledamöter (kommunallagen 6 kap 28 §)."""
    if seats <= 0:
        return None
    count = len(serving(protocol, number))
    if count * 2 > seats:
        return None
    return (
        f"§ {number}: bara {count} av {seats} ledamöter tjänstgör – nämnden är inte "
        "beslutsför (mer än hälften krävs)."
    )


def totals(vote: Vote) -> VoteTotals:
    """Ja, Nej and Avstår counted from the ballots."""
    choices = [b.choice for b in vote.ballots]
    return VoteTotals(
        choices.count(VoteChoice.YES),
        choices.count(VoteChoice.NO),
        choices.count(VoteChoice.ABSTAIN),
    )


def outcome(vote: Vote, chair: str | None) -> VoteChoice | None:
    """Ja or Nej; on a tie the ordförande's vote decides (None if the chair did not vote)."""
    count = totals(vote)
    if count.yes != count.no:
        return VoteChoice.YES if count.yes > count.no else VoteChoice.NO
    chair_vote = next((b.choice for b in vote.ballots if b.name == chair), None)
    return chair_vote if chair_vote in (VoteChoice.YES, VoteChoice.NO) else None


def problems(protocol: Protocol) -> list[Problem]:
    """Every rule the protokoll breaks, § by §, in order."""
    found = _numbering_problems(protocol)
    for paragraph in protocol.paragraphs:
        found += _paragraph_problems(protocol, paragraph)
    return found


def _numbering_problems(protocol: Protocol) -> list[Problem]:
    numbers = [p.number for p in protocol.paragraphs]
    for before, after in itertools.pairwise(numbers):
        if after != before + 1:
            return [
                Problem(after, f"§ {after} följer på § {before}: paragraferna ska löpa i följd.")
            ]
    return []


def _paragraph_problems(protocol: Protocol, paragraph: ProtocolParagraph) -> list[Problem]:
    number = paragraph.number
    names = {a.name for a in serving(protocol, number)}
    found: list[Problem] = []

    def flag(message: str) -> None:
        found.append(Problem(number, f"§ {number}: {message}"))

    for name in paragraph.recused:
        if protocol.attendee(name) is None:
            flag(f"{name} anmäler jäv men finns inte i närvaron.")
    for yrkande in paragraph.yrkanden:
        for name in yrkande.by:
            if name not in names:
                flag(f"{name} yrkar men tjänstgör inte i paragrafen.")
    for reservation in paragraph.reservations:
        for name in reservation.by:
            if name not in names:
                flag(f"{name} reserverar sig men deltog inte i beslutet.")
    if paragraph.vote is not None:
        found += [Problem(number, f"§ {number}: {m}") for m in _vote_messages(protocol, paragraph)]
    return found


def _vote_messages(protocol: Protocol, paragraph: ProtocolParagraph) -> list[str]:
    vote = paragraph.vote
    assert vote is not None
    serving_names = [a.name for a in serving(protocol, paragraph.number)]
    voters = [b.name for b in vote.ballots]
    messages = [
        f"{n} röstar men tjänstgör inte i paragrafen." for n in voters if n not in serving_names
    ]
    messages += [
        f"{n} har röstat mer än en gång." for n in sorted(set(voters)) if voters.count(n) > 1
    ]
    missing = [n for n in serving_names if n not in voters]
    if missing:
        messages.append(f"Röst saknas för {', '.join(missing)} (alla tjänstgörande ska räknas).")
    count = totals(vote)
    if not messages and count.total != len(serving_names):
        messages.append(
            f"Summan {count.total} stämmer inte med {len(serving_names)} tjänstgörande."
        )
    chair = protocol.chair
    if not messages and outcome(vote, chair.name if chair else None) is None:
        messages.append("Lika röstetal och ordföranden har inte röstat Ja eller Nej.")
    return messages


def _find(protocol: Protocol, number: int) -> ProtocolParagraph | None:
    return next((p for p in protocol.paragraphs if p.number == number), None)


# Each date records something already done, so none can lie after today.
_DONE_ALREADY = {
    "justeringsdatum": "ett protokoll justeras när det skrivs under, inte i förväg",
    "anslagsdatum": "en justering anslås när den sätts upp, inte i förväg",
    "rättelsedatum": "en rättelse dateras när den görs, inte i förväg",
}


def check_not_future(field: str, day: dt.date | None, *, today: dt.date) -> None:
    """Refuse a justering, anslag or rättelse dated after ``today`` (``field`` names it)."""
    if day is not None and day > today:
        raise InvalidInput(
            f"{field.capitalize()} {long_date(day)} ligger efter dagens datum, "
            f"{long_date(today)}: {_DONE_ALREADY[field]}."
        )


def check_dates_not_future(protocol: Protocol, *, today: dt.date) -> None:
    """The same for a whole protokoll read from a file."""
    check_not_future("justeringsdatum", protocol.justering.justerat_on, today=today)
    check_not_future("anslagsdatum", protocol.justering.posted_on, today=today)
    for correction in protocol.corrections:
        check_not_future("rättelsedatum", correction.at.date(), today=today)
