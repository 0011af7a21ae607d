"""The year plan: meetings with every derived deadline, shared by the CLI and the TUI."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from namnd.errors import InvalidInput
from namnd.rules.deadlines import before_meeting, check_rules
from namnd.rules.meeting_plan import (
    PlannedMeeting,
    PlanRule,
    YearPlan,
    plan_warnings,
    propose_dates,
)
from namnd.rules.reply_deadlines import OpenRemiss, remiss_line
from namnd.rules.swedish_dates import long_date
from namnd.storage import queries, schedule
from namnd.storage.schedule import service_rules
from namnd.storage.store import Store


def year_plan(store: Store, year: int, organ_code: str | None = None) -> YearPlan:
    """The plan of ``year`` with deadlines computed from the organ's rules."""
    with Session(store.engine) as session:
        organ = schedule.find_organ(session=session, code=organ_code)
        assert organ.id is not None  # a stored organ
        rules = schedule.rules_for(session=session, organ_id=organ.id)
        session.expunge_all()
        meetings = [
            m
            for m in queries.list_meetings(session=session, year=year)
            if m.organ_code == organ.code
        ]
        after = schedule.meeting_deadlines(
            session=session, organ_id=organ.id, meetings=[(m.id, m.date) for m in meetings]
        )
        titles = schedule.agenda_titles(session=session, meeting_ids=[m.id for m in meetings])
        others = schedule.other_organs_meetings(session=session, organ_id=organ.id, year=year)
        remisser = [
            r
            for r in schedule.open_remisser(session=session, organ_id=organ.id)
            if r[2].year == year
        ]
    service = service_rules(rules)
    planned = [
        PlannedMeeting(m, before_meeting(m.date, service), after[m.id], tuple(titles[m.id]))
        for m in meetings
    ]
    warnings = plan_warnings([m.date for m in meetings], service, others)
    # Rules stored before the law was checked on saving, then a justering or anslag
    # recorded after the law's last day (KL 5:69, 8:12, 13:5).
    try:
        check_rules(service)
    except InvalidInput as err:
        warnings[:0] = [f"Nämndens regler: {line}" for line in str(err).splitlines()]
    warnings += [f"{long_date(p.meeting.date)}: {w}" for p in planned for w in p.after.warnings]
    stops = [(p.meeting.date, p.before.case_stop) for p in planned]
    return YearPlan(
        organ.code,
        organ.name,
        year,
        rules,
        planned,
        warnings,
        organ.administration,
        [
            OpenRemiss(title, dnr, due, remiss_line(title, due, placed, stops))
            for title, dnr, due, placed in remisser
        ],
    )


def propose(
    store: Store, year: int, rule: PlanRule, organ_code: str | None = None
) -> tuple[list[dt.date], list[str]]:
    """Dates from ``rule`` and their warnings under the organ's rules; nothing is saved."""
    plan = year_plan(store, year, organ_code)
    dates = propose_dates(year, rule)
    others = [
        (m.date, m.organ_name)
        for m in store.schedule.meetings(year)
        if m.organ_code != plan.organ_code
    ]
    return dates, plan_warnings(dates, service_rules(plan.rules), others)


def add_dates(store: Store, dates: list[dt.date], organ_code: str | None = None) -> int:
    """Plan meetings on ``dates``; returns how many were new."""
    return store.schedule.plan_meetings(dates, organ_code)


def place_decision(store: Store, meeting_id: int, year: int, *, by: str) -> int:
    """Put "Sammanträdesordning YEAR" with the year's dates on a meeting's agenda."""
    from namnd.rules.meeting_plan import schedule_decision

    meeting = store.schedule.find_meeting(str(meeting_id))
    plan = year_plan(store, year, meeting.organ_code)
    dates = [p.meeting.date for p in plan.meetings]
    fields = schedule_decision(plan.organ_name, year, dates, plan.administration)
    return store.agendas.add_arende(meeting_id, fields, by=by)
