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
