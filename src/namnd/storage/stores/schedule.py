"""``store.schedule``: the meetings of each organ, its sammanträdesordning and deadlines."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlmodel import Session, select

from namnd.domain.models import Meeting, OrganRules
from namnd.storage import queries, schedule
from namnd.storage.schedule import find_organ
from namnd.storage.stores._part import Part

if TYPE_CHECKING:
    from collections.abc import Sequence

    from namnd.domain.changes import OrganRulesChanges
    from namnd.domain.views import MeetingSummary
    from namnd.rules.deadlines import AfterMeeting


class ScheduleStore(Part):
    """Find and list meetings; plan them; the organ's deadline rules."""

    def is_empty(self) -> bool:
        """True when no meeting has been registered yet (the TUI then offers the demo)."""
        with self._read() as session:
            return session.exec(select(func.count()).select_from(Meeting)).one() == 0

    def meetings(self, year: int | None = None) -> list[MeetingSummary]:
        """Meetings in date order, optionally of one year."""
        with self._read() as session:
            return queries.list_meetings(session=session, year=year)

    def first_meetings(self, today: dt.date) -> list[MeetingSummary]:
        """The first screen's meetings (coming, and each organ's latest), in date order."""
        from sqlalchemy import text

        from namnd.storage.meeting_peek import FIRST_SCREEN, LATEST_PER_ORGAN, summary

        on_sqlite = self.engine.dialect.name == "sqlite"
        window = {"today": today.isoformat() if on_sqlite else today, "latest": LATEST_PER_ORGAN}
        with self.engine.connect() as connection:
            return [summary(tuple(row)) for row in connection.execute(text(FIRST_SCREEN), window)]

    def find_meeting(self, ref: str) -> MeetingSummary:
        """The meeting named by a date or an id (Swedish error if none or ambiguous)."""
        with self._read() as session:
            return meeting_summary(session, ref)

    def meeting_deadlines(self, meeting_id: int) -> AfterMeeting:
        """Justering, anslag and överklagande of one meeting (``schedule.meeting_deadlines``)."""
        with self._read() as session:
            meeting = queries.find_meeting(session=session, ref=str(meeting_id))
            return schedule.meeting_deadlines(
                session=session, organ_id=meeting.organ_id, meetings=[(meeting_id, meeting.date)]
            )[meeting_id]

    def rules(self, organ_code: str | None = None) -> OrganRules:
        """The organ's deadline rules and usual time and place (defaults if unsaved)."""
        with self._read() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            rules = schedule.rules_for(session=session, organ_id=organ.id)
            session.expunge_all()
            return rules

    def save_rules(self, changes: OrganRulesChanges, organ_code: str | None = None) -> None:
        """Store some of the organ's rules.

        InvalidInput on a negative day count or one past the law (naming the paragraph).
        """
        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            schedule.save_rules(session=session, organ_id=organ.id, values=changes.as_dict())

    def plan_meetings(self, dates: list[dt.date], organ_code: str | None = None) -> int:
        """Plan meetings on ``dates`` with the usual time and place; how many were new."""
        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return schedule.add_meetings(session=session, organ_id=organ.id, dates=dates)

    def remove_planned_meetings(
        self, days: Sequence[dt.date], organ_code: str | None = None
    ) -> None:
        """Take planned meetings (no agenda yet) off the sammanträdesordning, all or none."""
        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            for day in days:
                schedule.remove_meeting(session=session, organ_id=organ.id, day=day)


def meeting_summary(session: Session, ref: str) -> MeetingSummary:
    """The summary of the meeting named by a date or an id (what the lists show)."""
    meeting = queries.find_meeting(session=session, ref=ref)
    return queries.summary_of(session=session, meeting=meeting)
