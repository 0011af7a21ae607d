"""Remisstid: a yttrande must reach the remitting body by its "svar senast".

The seed shows why this matters: the remiss on Riktlinjer för idéburet offentligt
partnerskap asked for the yttrande by 15 September 2019, and the nämnd met on the 19th.
The secretary should see that when the ärende is placed, not after: then there is time
to ask for anstånd or to send a förvaltningssvar ahead of the nämnd's decision.
"""

from __future__ import annotations

import datetime as dt

from namnd.services.swedish_dates import long_date
from namnd.services.swedish_numbers import number_word


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
