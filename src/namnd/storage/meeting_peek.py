"""The meetings list read with the standard library's sqlite3, for the TUI's first paint.

Importing SQLModel and SQLAlchemy costs about a third of a second, while the first screen
needs one query. This reads that query straight from an up-to-date SQLite workspace and
answers None for anything else (PostgreSQL, no database yet, an older schema, any error),
so the caller opens the :class:`~namnd.storage.store.Store` as usual. It only reads, never
migrates. ``tests/storage/test_meeting_peek.py`` keeps it equal to ``Store.meetings()``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from namnd.domain.kinds import MeetingStatus
from namnd.domain.views import MeetingSummary
from namnd.storage.schema import HEAD
from namnd.storage.workspace import Workspace

_QUERY = """
SELECT meeting.id, organ.code, organ.name, meeting.date, meeting.start_time,
       meeting.place, meeting.status,
       (SELECT count(*) FROM agendaitem WHERE agendaitem.meeting_id = meeting.id)
FROM meeting JOIN organ ON organ.id = meeting.organ_id
ORDER BY meeting.date, meeting.start_time, meeting.id
"""


def peek_meetings(workspace: Workspace) -> list[MeetingSummary] | None:
    """All meetings in date order, or None when only the Store can answer."""
    path = workspace.sqlite_path
    if path is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != HEAD:
                return None
            return [_summary(row) for row in connection.execute(_QUERY)]
        finally:
            connection.close()
    except (sqlite3.Error, ValueError):
        return None


def _summary(row: tuple) -> MeetingSummary:
    meeting_id, code, name, date, start, place, status, items = row
    return MeetingSummary(
        id=meeting_id,
        organ_code=code,
        organ_name=name,
        date=dt.date.fromisoformat(date),
        start_time=dt.time.fromisoformat(start) if start else None,
        place=place,
        status=MeetingStatus(status),
        item_count=items,
    )
