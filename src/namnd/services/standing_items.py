"""Templates for the standing items a kallelse carries at most meetings.

Texts follow the seed (Botkyrka vård- och omsorgsnämnd 2019): the nämnd's name opens
each att-sats, so the organ name is filled in rather than hard-coded.
"""

from __future__ import annotations

from dataclasses import dataclass

from namnd.domain.kinds import ArendeKind


@dataclass(frozen=True)
class StandingItem:
    """A template: key for the UI, Swedish title, kind and proposal pattern."""

    key: str
    title: str
    kind: ArendeKind
    proposal: str
    summary: str = ""

    def fill(self, organ_name: str) -> dict:
        """Field values for a new ärende of ``organ_name`` from this template."""
        return {
            "title": self.title,
            "kind": self.kind,
            "proposal": [self.proposal.format(organ=organ_name)],
            "summary_md": self.summary,
        }


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
        "adjusters",
        "Val av justerare",
        ArendeKind.ELECTION,
        "{organ} utser ledamot att jämte ordföranden justera protokollet.",
    ),
    StandingItem(
        "agenda",
        "Fastställande av föredragningslista",
        ArendeKind.DECISION,
        "{organ} fastställer föredragningslistan.",
    ),
    StandingItem(
        "conflicts",
        "Jävsfrågan",
        ArendeKind.INFORMATION,
        "{organ} noterar till protokollet att ingen ledamot anmält jäv.",
    ),
)


def standing_item(key: str) -> StandingItem:
    """The template with ``key`` (KeyError for an unknown key is a programming error)."""
    return next(item for item in STANDING_ITEMS if item.key == key)
