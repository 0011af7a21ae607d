"""An utskott's beslut as the förslag that goes to its nämnd.

An arbetsutskott bereder the nämnd's ärenden: its § ends "Arbetsutskottet föreslår
socialnämnden besluta att …", and that text, not the förvaltning's, is the förslag till
beslut printed in the nämnd's kallelse. These pure rules turn the utskott's minuted
beslut into the nämnd's förslag and say whose förslag it is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from namnd.rules.swedish_dates import long_date

if TYPE_CHECKING:
    from namnd.domain.views import UtskottProposal

_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")


def proposer(organ_name: str) -> str:
    """Whose förslag, in the genitive: "Arbetsutskottets" for "Socialnämndens arbetsutskott".

    An utskott (arbetsutskott, individutskott) is named by that word; any other organ by
    its full name.
    """
    last = organ_name.split()[-1] if organ_name.split() else organ_name
    if last.lower().endswith("utskott"):
        return f"{last[:1].upper()}{last[1:]}ets"
    return organ_name if organ_name.endswith("s") else f"{organ_name}s"


def proposal_from_decision(decision_md: str) -> list[str]:
    """The utskott's beslut as att-satser: a numbered list's items, else one paragraph.

    "Arbetsutskottet föreslår socialnämnden besluta" followed by "att …" on its own line
    is one sentence, so unnumbered text is joined into a single att-sats.
    """
    lines = [line.strip() for line in decision_md.strip().splitlines()]
    numbered = [_NUMBERED.match(line) for line in lines if line]
    if numbered and all(numbered):
        return [m[2].strip() for m in numbered if m]
    text = " ".join(line for line in lines if line)
    return [text] if text else []


def proposal_preamble(organ_name: str, day: dt.date, number: int) -> str:
    """The line printed before the förslag: whose it is and where it was decided."""
    return f"{proposer(organ_name)} förslag, {long_date(day)} § {number}."


def offer_label(offer: UtskottProposal) -> str:
    """How an utskott's § is offered for the nämnd's list: rubrik, dnr, where decided."""
    dnr = f" ({offer.dnr})" if offer.dnr else ""
    return f"{offer.title}{dnr} – " + proposal_preamble(offer.organ_name, offer.date, offer.number)
