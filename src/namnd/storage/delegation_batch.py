"""An imported delegationsbeslut list as both of its writers take it and give it back.

The Store (``storage.delegation``, through the ORM, on either backend) and the
ORM-free writer for an up-to-date SQLite workspace (``storage.delegation_direct``) store
the same :class:`NewImport` and its rows the same way: this module is the one place for
the row columns and how a row's values are written, and it imports no SQLAlchemy.
``tests/storage/test_delegation_direct.py`` keeps the two writers' results equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields
from operator import attrgetter

from namnd.formats.delegation_lists import ListRow

#: Rows written (and reported to a progress bar) at a time.
CHUNK = 5000

#: The columns of a row as written, in the order of :func:`row_values`.
ROW_COLUMNS = (
    "import_id",
    "line",
    "decided_by",
    "decision_date",
    "decision",
    "rejection_reason",
    "birth_year",
    "sex",
)


@dataclass(frozen=True)
class NewImport:
    """A parsed list file about to be stored under the meeting ``meeting`` names."""

    meeting: str
    list_name: str
    period: str
    file_name: str
    file_sha256: str
    file_format: str
    row_count: int
    warnings: list[str]
    imported_by: str
    imported_at: dt.datetime

    def stored(self, import_id: int, meeting_id: int) -> ImportView:
        """What the TUI and CLI show of this list once stored under ``import_id``."""
        return ImportView.of(self, import_id, meeting_id)


#: The columns a stored list's header takes over from its :class:`NewImport` as they are
#: (the meeting reference becomes the meeting's, its organ's and its ärende's ids).
BATCH_FIELDS = tuple(f.name for f in fields(NewImport) if f.name != "meeting")


@dataclass(frozen=True)
class ImportView:
    """An imported list as the TUI and CLI show it (no personal data)."""

    id: int
    meeting_id: int
    list_name: str
    period: str
    file_name: str
    file_format: str
    row_count: int
    warnings: list[str]
    imported_by: str
    imported_at: dt.datetime

    @classmethod
    def of(cls, source: object, import_id: int, meeting_id: int) -> ImportView:
        """The view of a stored list's header (a table row, or the :class:`NewImport`)."""
        shown = {name: getattr(source, name) for name in _SHOWN}
        shown["warnings"] = list(shown["warnings"])
        return cls(id=import_id, meeting_id=meeting_id, **shown)


#: What a view takes over from its list's header as it is.
_SHOWN = tuple(f.name for f in fields(ImportView) if f.name not in ("id", "meeting_id"))


class AlreadyImported(Exception):
    """The file's SHA-256 was stored by someone else meanwhile (the unique constraint)."""


def row_values(import_id: int, rows: Sequence[ListRow]) -> list[tuple]:
    """The rows as plain tuples in :data:`ROW_COLUMNS` order, dates as ISO text.

    SQLite's driver and SQLAlchemy's SQLite dialect both store a date so; per-row type
    processing would cost more than the parsing. Each distinct date is formatted once (a
    month's list has a few dozen).
    """
    iso = {date: date.isoformat() for date in set(map(attrgetter("decision_date"), rows))}
    return [
        (import_id, line, by, iso[date], decision, reason, year, sex)
        for line, by, date, decision, reason, year, sex in rows
    ]
