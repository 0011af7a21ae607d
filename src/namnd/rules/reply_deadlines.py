"""Remisstid: a yttrande must reach the remitting body by its "svar senast".

The seed shows why this matters: the remiss on Riktlinjer för idéburet offentligt
partnerskap asked for the yttrande by 15 September 2019, and the nämnd met on the 19th.
The secretary should see that when the ärende is placed, not after: then there is time
to ask for anstånd or to send a förvaltningssvar ahead of the nämnd's decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from namnd.rules.swedish_dates import long_date
from namnd.rules.swedish_numbers import number_word


def reply_warning(title: str, reply_by: dt.date | None, meeting: dt.date) -> str | None:
    """A Swedish warning when the meeting is after the remiss's last day, else None."""
    if reply_by is None or reply_by >= meeting:
        return None
    days = (meeting - reply_by).days
    # Skrivregler: numbers up to twelve in words in running text.
    count = number_word(days, neuter=False) if days <= 12 else str(days)
    late = f"{count} dag{'ar' if days != 1 else ''}"
    return (
        f"{title}: svar senast {long_date(reply_by)}, {late} före sammanträdet. "
        "Begär anstånd hos remissinstansen eller skicka ett förvaltningssvar i tid."
    )


@dataclass(frozen=True)
class OpenRemiss:
    """An undecided yttrande with a svar senast, and where it stands as one line."""

    title: str
    dnr: str | None
    reply_by: dt.date
    text: str


def remiss_line(
    title: str,
    reply_by: dt.date,
    placed_on: dt.date | None,
    meetings: list[tuple[dt.date, dt.date]],
) -> str:
    """Where an open remiss stands: placed in time or late, or which meeting it must reach.

    ``meetings`` are (meeting day, its ärendestopp) in date order.
    """
    due = f"{title}: svar senast {long_date(reply_by)}"
    if placed_on is not None:
        when = "i tid" if placed_on <= reply_by else "efter svar senast: begär anstånd"
        return f"{due}; står på sammanträdet {long_date(placed_on)}, {when}."
    before = [(day, stop) for day, stop in meetings if day <= reply_by]
    if not before:
        return f"{due}; inget sammanträde före dess: begär anstånd eller svara på delegation."
    day, stop = before[-1]
    return f"{due}; sista sammanträdet före är {long_date(day)} (ärendestopp {long_date(stop)})."
