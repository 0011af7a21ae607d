"""The year plan's calendar as Outlook reads it: rule-based zone, stable UIDs, free deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from namnd.cli.main import main
from namnd.domain.changes import ArendeChanges, MeetingDetailsChanges
from namnd.operations.schedule import year_plan
from namnd.renderers.ics import plan_calendar
from namnd.rules.publication import public_plan

PERSONNUMMER = "19121212-1212"


def _calendar(store, year: int = 2019) -> Calendar:
    plan = public_plan(year_plan(store, year))
    return Calendar.from_ical(plan_calendar(plan, deadlines=True).to_ical())


def _meeting_event(calendar: Calendar, meeting_id: int):
    (event,) = [
        e for e in calendar.walk("VEVENT") if str(e["uid"]) == f"sammantrade-von-{meeting_id}@namnd"
    ]
    return event


def test_the_zone_is_two_rrule_transitions_and_no_rdate(demo_store):
    ical = plan_calendar(year_plan(demo_store, 2019)).to_ical()
    (zone,) = Calendar.from_ical(ical).walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Stockholm"
    rules = {
        sub.name: (sub["rrule"]["bymonth"], sub["rrule"]["byday"], sub["rrule"]["freq"])
        for sub in zone.subcomponents
    }
    assert rules == {
        "STANDARD": ([10], ["-1SU"], ["YEARLY"]),
        "DAYLIGHT": ([3], ["-1SU"], ["YEARLY"]),
    }
    assert b"RDATE" not in ical
    assert b"DTSTART;TZID=Europe/Stockholm:" in ical


def test_a_moved_meeting_keeps_its_uid_and_its_sequence_grows(backend_demo_store):
    demo_store = backend_demo_store
    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    before = _meeting_event(_calendar(demo_store), meeting)
    details, groups = demo_store.agendas.meeting_details(meeting)
    demo_store.agendas.save_meeting_details(
        meeting, details.version, MeetingDetailsChanges(date=dt.date(2019, 9, 26)), groups
    )
    after = _meeting_event(_calendar(demo_store), meeting)
    assert before.decoded("dtstart").date() == dt.date(2019, 9, 19)
    assert after.decoded("dtstart").date() == dt.date(2019, 9, 26)
    assert int(after["sequence"]) > int(before["sequence"])
    deadlines = [
        e
        for e in _calendar(demo_store).walk("VEVENT")
        if str(e["uid"]) == f"kallelse-von-{meeting}@namnd"
    ]
    assert int(deadlines[0]["sequence"]) == int(after["sequence"])


def test_deadlines_are_transparent_all_day_events(demo_store):
    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    ical = plan_calendar(year_plan(demo_store, 2019), deadlines=True).to_ical()
    assert b"DTSTART;VALUE=DATE:" in ical
    events = Calendar.from_ical(ical).walk("VEVENT")
    deadlines = [e for e in events if not str(e["uid"]).startswith("sammantrade-")]
    assert {str(e["uid"]) for e in deadlines} >= {
        f"{key}-von-{meeting}@namnd" for key in ("case_stop", "kallelse", "appeal_ends")
    }
    for event in deadlines:
        assert str(event["transp"]) == "TRANSPARENT"
        assert str(event["x-microsoft-cdo-busystatus"]) == "FREE"
        start = event.decoded("dtstart")
        assert type(start) is dt.date
        assert event.decoded("dtend") == start + dt.timedelta(days=1)
    assert "transp" not in _meeting_event(Calendar.from_ical(ical), meeting)


def test_the_description_lists_the_public_titles(demo_store):
    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    agenda = demo_store.agendas.agenda(meeting)
    first = agenda.entries[0]
    arende, _attachments = demo_store.agendas.arende(first.arende_id)
    demo_store.agendas.save_arende(
        first.arende_id,
        arende.version,
        ArendeChanges(title=f"{first.arende.title} <!-- intern anteckning --> {PERSONNUMMER}"),
        by="sekreteraren",
    )
    description = str(_meeting_event(_calendar(demo_store), meeting)["description"])
    lines = description.splitlines()
    assert lines[0] == "Föredragningslista:"
    assert len(lines) == 1 + len(agenda.entries)
    for n, entry in enumerate(agenda.entries[1:], start=2):
        assert lines[n] == f"{n}. {entry.arende.title}"
    assert lines[1].startswith(f"1. {first.arende.title}")
    assert PERSONNUMMER not in description and "intern anteckning" not in description
    secret = [e.arende.title for e in agenda.entries if e.arende.confidential]
    assert all(any(title in line for line in lines) for title in secret)


@pytest.mark.usefixtures("demo_workspace")
def test_cli_ics_is_the_published_plan(workspace, tmp_path):
    ws = ["--workspace", str(workspace.root)]
    ics = tmp_path / "plan.ics"
    assert main([*ws, "schedule", "2019", "--ics", str(ics), "--deadlines"]) == 0
    calendar = Calendar.from_ical(ics.read_bytes())
    described = [e for e in calendar.walk("VEVENT") if "description" in e]
    assert any("Föredragningslista:" in str(e["description"]) for e in described)
    assert b"RDATE" not in ics.read_bytes()
