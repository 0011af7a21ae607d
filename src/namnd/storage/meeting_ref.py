"""A meeting named on the command line: a date (``2019-09-19``) or an id.

The one place for how a reference reads and for its Swedish errors, shared by the
Store's ``queries.find_meeting`` and the ORM-free ``storage.sqlite_direct.find_meeting``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from namnd.errors import InvalidInput, NotFound


def parse_meeting_ref(ref: str) -> int | dt.date:
    """The id or the date ``ref`` names, or :class:`InvalidInput`."""
    ref = ref.strip()
    if ref.isdigit():
        return int(ref)
    try:
        return dt.date.fromisoformat(ref)
    except ValueError:
        raise InvalidInput(
            f"”{ref}” är varken ett datum (ÅÅÅÅ-MM-DD, t.ex. 2019-09-19) eller ett id."
        ) from None


def no_meeting_with_id(meeting_id: int) -> NotFound:
    """The error for an id no meeting has (the caller raises it)."""
    return NotFound(f"Det finns inget sammanträde med id {meeting_id}.")


def no_protocol_yet(day: dt.date) -> NotFound:
    """The error for a meeting whose protokoll is not opened (the caller raises it)."""
    return NotFound(
        f"Sammanträdet {day.isoformat()} har inget protokoll ännu: öppna det i "
        "protokollsläge (p på kallelsen) eller läs in en protokollsfil."
    )


def only_meeting_on(day: dt.date, ids: Sequence[int]) -> int:
    """The one meeting held on ``day`` among ``ids``, or the error that names them."""
    if not ids:
        raise NotFound(f"Det finns inget sammanträde den {day.isoformat()}.")
    if len(ids) > 1:
        listed = ", ".join(map(str, ids))
        raise InvalidInput(
            f"Flera sammanträden den {day.isoformat()} (id {listed}): ange id i stället."
        )
    return ids[0]
