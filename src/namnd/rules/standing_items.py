"""Templates for the standing items a kallelse carries at most meetings.

Texts follow the seed (Botkyrka vård- och omsorgsnämnd 2019): the nämnd's name opens
each att-sats, so the organ name is filled in rather than hard-coded. Three of them
open every protokoll; when the föredragningslista already carries one, the protokoll
takes that ärende as it is instead of adding a second (:func:`protocol_order`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import ArendeKind


@dataclass(frozen=True)
class StandingItem:
    """A template: key for the UI, Swedish title, kind and proposal pattern."""

    key: str
    title: str
    kind: ArendeKind
    proposal: str
    summary: str = ""
    opener_decision: str | None = None
    """The beslut this item gets when it opens a protokoll; None if it is no opener."""

    def fill(self, organ_name: str) -> ArendeChanges:
        """Field values for a new ärende of ``organ_name`` from this template."""
        return ArendeChanges(
            title=self.title,
            kind=self.kind,
            proposal=[self.proposal.format(organ=organ_name)],
            summary_md=self.summary,
        )


STANDING_ITEMS: tuple[StandingItem, ...] = (
    StandingItem(
        "information",
        "Information från förvaltningen",
        ArendeKind.INFORMATION,
        "{organ} noterar till protokollet att de tagit del av informationen.",
    ),
    StandingItem(
        "notifications",
        "Anmälningsärenden",
        ArendeKind.NOTIFICATIONS,
        "{organ} noterar till protokollet att det tagit del av ärendena.",
    ),
    StandingItem(
        "delegation",
        "Delegationsbeslut",
        ArendeKind.DELEGATION_DECISIONS,
        "{organ} noterar till protokollet att nämnden tagit del av besluten.",
        "Beslut som fattas med stöd av delegering ska anmälas till nämnden.",
    ),
    StandingItem(
        "justerare",
        "Val av justerare",
        ArendeKind.ELECTION,
        "{organ} utser ledamot att jämte ordföranden justera protokollet.",
        opener_decision="",
    ),
    StandingItem(
        "agenda",
        "Fastställande av föredragningslista",
        ArendeKind.DECISION,
        "{organ} fastställer föredragningslistan.",
        opener_decision="Föredragningslistan fastställs.",
    ),
    StandingItem(
        "conflicts",
        "Jävsfrågan",
        ArendeKind.INFORMATION,
        "{organ} noterar till protokollet att ingen ledamot anmält jäv.",
        opener_decision="Ingen jäv anmäls.",
    ),
)


def standing_item(key: str) -> StandingItem:
    """The template with ``key`` (KeyError for an unknown key is a programming error)."""
    return next(item for item in STANDING_ITEMS if item.key == key)


OPENERS: tuple[StandingItem, ...] = tuple(
    item for item in STANDING_ITEMS if item.opener_decision is not None
)
"""The §§ every protokoll opens with, in this order."""


def _normal(title: str) -> str:
    return " ".join(title.casefold().replace("-", " ").split()).rstrip(".:")


def opener_for(title: str) -> StandingItem | None:
    """The opener an agenda title is ("Val av justerare och tid för justering" too)."""
    text = _normal(title)
    return next((item for item in OPENERS if text.startswith(_normal(item.title))), None)


def protocol_order(titles: Sequence[str]) -> list[StandingItem | int]:
    """The protokoll's §§ from the föredragningslista's titles, openers first.

    Each opener is the agenda's own item (its index in ``titles``) when the list has
    it, else the template; the other items follow in their order on the list. So a
    list that already has "Val av justerare" gets it once, not twice.
    """
    found: dict[str, int] = {}
    for index, title in enumerate(titles):
        opener = opener_for(title)
        if opener is not None and opener.key not in found:
            found[opener.key] = index
    order: list[StandingItem | int] = [found.get(item.key, item) for item in OPENERS]
    order += [index for index in range(len(titles)) if index not in found.values()]
    return order
