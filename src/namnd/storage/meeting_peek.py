"""The meetings list read with the standard library's sqlite3, for the TUI's first paint.

Importing SQLModel and SQLAlchemy costs about a third of a second, while the first screen
needs one query, of what it shows (:data:`FIRST_SCREEN`), not of every year kept. This
reads that query straight from an up-to-date SQLite workspace and answers None for
anything else (PostgreSQL, no database yet, an older schema, any error), so the caller
opens the :class:`~namnd.storage.store.Store` as usual. It only reads, never migrates.
``tests/storage/test_meeting_peek.py`` keeps it equal to ``store.schedule.first_meetings()``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from namnd.domain.kinds import MeetingStatus
from namnd.domain.views import MeetingSummary
from namnd.storage.sqlite_direct import connect_current
from namnd.storage.workspace import Workspace

#: Past meetings the first screen shows per organ; older ones are read when asked for.
LATEST_PER_ORGAN = 12

#: The first screen's meetings: every coming one, and each organ's latest past ones.
#: Plain SQL for both backends, so this module and ``store.schedule.first_meetings`` share it.
FIRST_SCREEN = """
SELECT meeting.id, organ.code, organ.name, meeting.date, meeting.start_time,
       meeting.place, meeting.status,
       (SELECT count(*) FROM agendaitem WHERE agendaitem.meeting_id = meeting.id),
       meeting.version
FROM meeting JOIN organ ON organ.id = meeting.organ_id
WHERE meeting.date >= :today OR meeting.id IN (
    SELECT id FROM (
        SELECT id, row_number() OVER (
            PARTITION BY organ_id ORDER BY date DESC, start_time DESC, id DESC
        ) AS latest
        FROM meeting WHERE date < :today
    ) AS past WHERE latest <= :latest
)
ORDER BY meeting.date, meeting.start_time, meeting.id
"""


def peek_meetings(workspace: Workspace, today: dt.date) -> list[MeetingSummary] | None:
    """The first screen's meetings in date order, or None when only the Store can answer.

    Reads as much as the screen shows, however many years the database keeps.
    """
    connection = connect_current(workspace)
    if connection is None:
        return None
    try:
        window = {"today": today.isoformat(), "latest": LATEST_PER_ORGAN}
        return [summary(row) for row in connection.execute(FIRST_SCREEN, window)]
    except (sqlite3.Error, ValueError):
        return None
    finally:
        connection.close()


def summary(row: tuple) -> MeetingSummary:
    """One row of :data:`FIRST_SCREEN`, from sqlite3 (ISO strings) or SQLAlchemy (dates)."""
    meeting_id, code, name, date, start, place, status, items, version = row
    return MeetingSummary(
        id=meeting_id,
        organ_code=code,
        organ_name=name,
        date=date if isinstance(date, dt.date) else dt.date.fromisoformat(date),
        start_time=_time(start),
        place=place,
        status=MeetingStatus(status),
        item_count=items,
        version=version,
    )


def _time(value: object) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(str(value)) if value else None
