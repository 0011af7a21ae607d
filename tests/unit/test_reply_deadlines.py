"""Svar senast: the warning when a remiss's last day falls before the meeting."""

from __future__ import annotations

import datetime as dt

from namnd.renderers.item_markdown import item_markdown
from namnd.rules.reply_deadlines import reply_warning

MEETING = dt.date(2019, 9, 19)


def test_the_seeds_iop_remiss_ran_out_four_days_before_the_meeting():
    warning = reply_warning("Yttrande IOP", dt.date(2019, 9, 15), MEETING)
    assert warning.startswith(
        "Yttrande IOP: svar senast söndag 15 september 2019, fyra dagar före sammanträdet."
    )
    assert "en dag före" in reply_warning("X", dt.date(2019, 9, 18), MEETING)
    assert "49 dagar före" in reply_warning("X", dt.date(2019, 8, 1), MEETING)


def test_no_warning_in_time_or_without_a_deadline():
    assert reply_warning("X", MEETING, MEETING) is None
    assert reply_warning("X", dt.date(2019, 10, 1), MEETING) is None
    assert reply_warning("X", None, MEETING) is None


def test_the_demo_item_shows_its_deadline_and_the_warning(demo_store):
    view = demo_store.agendas.agenda(demo_store.schedule.find_meeting("2019-09-19").id)
    iop = view.entries[6]
    assert iop.arende.reply_by == dt.date(2019, 9, 15)
    text = item_markdown(7, iop, view.meeting.date)
    assert "svar senast söndag 15 september 2019" in text
    assert "> **Obs: remisstiden går ut före sammanträdet.**" in text
    assert "Obs" not in item_markdown(6, view.entries[5], view.meeting.date)


def test_where_an_open_remiss_stands_in_the_year():
    from namnd.rules.reply_deadlines import remiss_line

    plan = [
        (dt.date(2019, 9, 19), dt.date(2019, 8, 29)),
        (dt.date(2019, 10, 17), dt.date(2019, 9, 26)),
    ]
    due = dt.date(2019, 10, 1)
    assert remiss_line("R", due, None, plan) == (
        "R: svar senast tisdag 1 oktober 2019; sista sammanträdet före är torsdag 19 september "
        "2019 (ärendestopp torsdag 29 augusti 2019)."
    )
    assert remiss_line("R", due, dt.date(2019, 9, 19), plan).endswith("2019, i tid.")
    assert remiss_line("R", due, dt.date(2019, 10, 17), plan).endswith("begär anstånd.")
    assert "inget sammanträde före dess" in remiss_line("R", dt.date(2019, 9, 1), None, plan)


def test_the_year_plan_lists_the_demos_open_remiss(demo_store):
    from namnd.operations.schedule import year_plan

    (remiss,) = year_plan(demo_store, 2019).remisser
    line = remiss.text
    assert line.startswith("Yttrande angående Riktlinjer Idéburet offentligt partnerskap: svar")
    assert line.endswith("torsdag 19 september 2019, efter svar senast: begär anstånd.")
    assert year_plan(demo_store, 2020).remisser == []


def test_todo_window_and_order():
    from namnd.rules.todo import Task, deadline_tasks, reply_tasks, summary

    today = dt.date(2020, 1, 10)
    steps = [
        (dt.date(2020, 1, 27), "Ärendestopp", dt.date(2020, 1, 3), False),
        (dt.date(2020, 1, 27), "Kallelse", dt.date(2020, 1, 20), False),
        (dt.date(2020, 1, 27), "Justering senast", dt.date(2020, 2, 10), False),
        (dt.date(2019, 12, 5), "Anslag senast", dt.date(2019, 12, 20), False),
        (dt.date(2020, 1, 27), "Presidieberedning", dt.date(2020, 1, 17), True),
    ]
    tasks = deadline_tasks(steps, today) + reply_tasks([("Remiss", dt.date(2020, 1, 10))], today)
    lines = summary(tasks, today, overdue=2, due_soon=0)
    assert lines == [
        "fredag 3 januari 2020 (7 d sen): Ärendestopp – sammanträdet måndag 27 januari 2020",
        "fredag 10 januari 2020 (i dag): Svar senast: Remiss",
        "måndag 20 januari 2020 (om 10 d): Kallelse – sammanträdet måndag 27 januari 2020",
        "Nämnduppdrag: 2 försenade, 0 ska återrapporteras inom 30 dagar (u: uppdragen)",
    ]
    many = [Task(today, str(n)) for n in range(9)]
    assert summary(many, today, overdue=0, due_soon=0)[-1] == "… och 3 till (y: årsplanen)"
