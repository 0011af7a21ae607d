"""The year plan as an iCalendar file that Outlook and Google Calendar import."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from namnd.atomic_files import write_bytes
from namnd.services.meeting_plan import YearPlan
from namnd.services.reply_deadlines import OpenRemiss

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MEETING_LENGTH = dt.timedelta(hours=3)


def plan_calendar(plan: YearPlan, *, deadlines: bool = False) -> Calendar:
    """Meetings as timed events (Europe/Stockholm); deadlines as all-day events."""
    calendar = Calendar()
    calendar.add("prodid", "-//namnd//sammanträdesordning//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{plan.organ_name} {plan.year}")
    for planned in plan.meetings:
        m = planned.meeting
        # A planned meeting without its own time and place meets as the organ usually does.
        start_time = m.start_time or plan.rules.default_time
        place = m.place or plan.rules.default_place
        event = Event()
        event.add("uid", f"sammantrade-{m.organ_code}-{m.date.isoformat()}@namnd")
        event.add("summary", f"{m.organ_name}: sammanträde")
        if start_time:
            start = dt.datetime.combine(m.date, start_time, tzinfo=STOCKHOLM)
            event.add("dtstart", start)
            event.add("dtend", start + MEETING_LENGTH)
        else:
            event.add("dtstart", m.date)
            event.add("dtend", m.date + dt.timedelta(days=1))
        if place:
            event.add("location", place)
        event.add("dtstamp", dt.datetime(m.date.year, 1, 1, tzinfo=dt.UTC))
        calendar.add_component(event)
        if deadlines:
            for key, label, day, _done in planned.steps():
                deadline = Event()
                deadline.add("uid", f"{key}-{m.organ_code}-{m.date.isoformat()}@namnd")
                deadline.add("summary", f"{label} ({m.organ_name} {m.date.isoformat()})")
                deadline.add("dtstart", day)
                deadline.add("dtend", day + dt.timedelta(days=1))
                deadline.add("dtstamp", dt.datetime(m.date.year, 1, 1, tzinfo=dt.UTC))
                calendar.add_component(deadline)
    if deadlines:
        for remiss in plan.remisser:
            calendar.add_component(_reply_by_event(plan, remiss))
    # Only the plan's own years of Stockholm's DST rules: a short file Outlook reads.
    calendar.add_missing_timezones(
        first_date=dt.date(plan.year - 1, 1, 1), last_date=dt.date(plan.year + 2, 1, 1)
    )
    return calendar


def _reply_by_event(plan: YearPlan, remiss: OpenRemiss) -> Event:
    """A remiss's svar senast as an all-day event; the dnr keeps its UID stable."""
    key = remiss.dnr or hashlib.sha1(remiss.title.encode()).hexdigest()[:12]
    event = Event()
    event.add("uid", f"svar-senast-{plan.organ_code}-{key}@namnd")
    event.add("summary", f"Svar senast: {remiss.title}")
    event.add("description", remiss.text)
    event.add("dtstart", remiss.reply_by)
    event.add("dtend", remiss.reply_by + dt.timedelta(days=1))
    event.add("dtstamp", dt.datetime(remiss.reply_by.year, 1, 1, tzinfo=dt.UTC))
    return event


def write_ics(plan: YearPlan, path: Path, *, deadlines: bool = False) -> Path:
    """Write the plan to ``path``; a published calendar is ``services.publication``'s plan."""
    write_bytes(path, plan_calendar(plan, deadlines=deadlines).to_ical())
    return path
