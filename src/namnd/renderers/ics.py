"""The year plan as an iCalendar file that Outlook and Google Calendar import.

Written for desktop Outlook, the strictest reader:

- The VTIMEZONE states Stockholm's rule (EU summer time, last Sunday of March to last
  Sunday of October) as two RRULE transitions. A list of RDATE transitions, which
  generated zones use, is ignored by Outlook, which then shows the meetings an hour off.
- A meeting's UID comes from its id, so a meeting moved to another day is the same
  event, and its SEQUENCE is the meeting row's version (less one), which grows on every
  save: an import replaces the old event instead of adding a second one.
- Deadlines are all-day (VALUE=DATE) and TRANSPARENT: they do not mark the day busy.
- The meeting's DESCRIPTION is its föredragningslista (the titles only; the plan given
  is the published one, ``rules.publication.public_plan``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from namnd.atomic_files import write_bytes
from namnd.rules.meeting_plan import PlannedMeeting, YearPlan
from namnd.rules.reply_deadlines import OpenRemiss

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MEETING_LENGTH = dt.timedelta(hours=3)


def plan_calendar(plan: YearPlan, *, deadlines: bool = False) -> Calendar:
    """Meetings as timed events (Europe/Stockholm); deadlines as all-day events."""
    calendar = Calendar()
    calendar.add("prodid", "-//namnd//sammanträdesordning//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{plan.organ_name} {plan.year}")
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    calendar.add_component(stockholm_timezone())
    for planned in plan.meetings:
        calendar.add_component(_meeting_event(plan, planned))
        if deadlines:
            m = planned.meeting
            for key, label, day, _done in planned.steps():
                deadline = _all_day(
                    f"{key}-{m.organ_code}-{m.id}@namnd",
                    f"{label} ({m.organ_name} {m.date.isoformat()})",
                    day,
                )
                deadline.add("sequence", m.version - 1)
                calendar.add_component(deadline)
    if deadlines:
        for remiss in plan.remisser:
            calendar.add_component(_reply_by_event(plan, remiss))
    return calendar


def stockholm_timezone() -> Timezone:
    """Europe/Stockholm as the rule it has followed since 1996 (two RRULEs)."""
    zone = Timezone()
    zone.add("tzid", "Europe/Stockholm")
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 10, 25, 3, 0))
    standard.add("tzoffsetfrom", dt.timedelta(hours=2))
    standard.add("tzoffsetto", dt.timedelta(hours=1))
    standard.add("tzname", "CET")
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    daylight = TimezoneDaylight()
    daylight.add("dtstart", dt.datetime(1970, 3, 29, 2, 0))
    daylight.add("tzoffsetfrom", dt.timedelta(hours=1))
    daylight.add("tzoffsetto", dt.timedelta(hours=2))
    daylight.add("tzname", "CEST")
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    zone.add_component(standard)
    zone.add_component(daylight)
    return zone


def _meeting_event(plan: YearPlan, planned: PlannedMeeting) -> Event:
    m = planned.meeting
    # A planned meeting without its own time and place meets as the organ usually does.
    start_time = m.start_time or plan.rules.default_time
    place = m.place or plan.rules.default_place
    event = Event()
    event.add("uid", f"sammantrade-{m.organ_code}-{m.id}@namnd")
    event.add("sequence", m.version - 1)
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
    if planned.titles:
        lines = [f"{n}. {title}" for n, title in enumerate(planned.titles, start=1)]
        event.add("description", "Föredragningslista:\n" + "\n".join(lines))
    event.add("dtstamp", _stamp(m.date))
    return event


def _all_day(uid: str, summary: str, day: dt.date) -> Event:
    """A deadline: a whole day that leaves the calendar free (TRANSPARENT)."""
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    # Desktop Outlook reads its own properties before TRANSP on an import.
    event.add("x-microsoft-cdo-busystatus", "FREE")
    event.add("x-microsoft-cdo-alldayevent", "TRUE")
    event.add("dtstamp", _stamp(day))
    return event


def _stamp(day: dt.date) -> dt.datetime:
    # Fixed per year, so two exports of an unchanged plan are the same file.
    return dt.datetime(day.year, 1, 1, tzinfo=dt.UTC)


def _reply_by_event(plan: YearPlan, remiss: OpenRemiss) -> Event:
    """A remiss's svar senast as an all-day event; the dnr keeps its UID stable."""
    key = remiss.dnr or hashlib.sha1(remiss.title.encode()).hexdigest()[:12]
    event = _all_day(
        f"svar-senast-{plan.organ_code}-{key}@namnd",
        f"Svar senast: {remiss.title}",
        remiss.reply_by,
    )
    event.add("description", remiss.text)
    return event


def write_ics(plan: YearPlan, path: Path, *, deadlines: bool = False) -> Path:
    """Write the plan to ``path``; a published calendar is ``rules.publication``'s plan."""
    write_bytes(path, plan_calendar(plan, deadlines=deadlines).to_ical())
    return path
