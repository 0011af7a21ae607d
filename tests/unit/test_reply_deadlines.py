"""Svar senast: the warning when a remiss's last day falls before the meeting."""

from __future__ import annotations

import datetime as dt

from namnd.renderers.item_markdown import item_markdown
from namnd.services.reply_deadlines import reply_warning

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
    view = demo_store.agenda(demo_store.find_meeting("2019-09-19").id)
    iop = view.items[6]
    assert iop.reply_by == dt.date(2019, 9, 15)
    text = item_markdown(iop, view.meeting.date)
    assert "svar senast söndag 15 september 2019" in text
    assert "> **Obs: remisstiden går ut före sammanträdet.**" in text
    assert "Obs" not in item_markdown(view.items[5], view.meeting.date)


def test_where_an_open_remiss_stands_in_the_year():
    from namnd.services.reply_deadlines import remiss_line

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
