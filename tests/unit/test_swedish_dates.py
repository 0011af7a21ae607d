from __future__ import annotations

import datetime as dt

import pytest

from namnd.errors import InvalidInput
from namnd.rules.swedish_dates import (
    clock,
    day_month,
    long_date,
    parse_clock,
    parse_iso_date,
    weekday_day_month,
)


def test_dates_as_the_seed_prints_them():
    assert long_date(dt.date(2019, 9, 19)) == "torsdag 19 september 2019"
    assert day_month(dt.date(2019, 9, 19)) == "19 september"
    assert weekday_day_month(dt.date(2020, 1, 27)) == "måndag 27 januari"
    assert weekday_day_month(dt.date(2020, 12, 14)) == "måndag 14 december"


def test_clock():
    assert clock(dt.time(18, 30)) == "18:30"
    assert clock(dt.time(18, 0), ".") == "18.00"
    assert clock(None) == ""


@pytest.mark.parametrize("text", ["18:30", "18.30", "kl 18.30", "kl. 18:30"])
def test_parse_clock_accepts_the_usual_spellings(text):
    assert parse_clock(text) == dt.time(18, 30)


@pytest.mark.parametrize("text", ["", "25:00", "18:61", "halv sju"])
def test_parse_clock_rejects_in_swedish(text):
    with pytest.raises(InvalidInput, match="Ogiltigt klockslag"):
        parse_clock(text)


def test_parse_iso_date_names_what_was_wrong():
    with pytest.raises(InvalidInput, match="Ogiltigt sammanträdesdatum ”2019-02-30”"):
        parse_iso_date("2019-02-30", what="sammanträdesdatum")
