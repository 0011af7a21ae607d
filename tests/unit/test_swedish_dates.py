from __future__ import annotations

import datetime as dt

import pytest

from namnd.errors import InvalidInput
from namnd.rules.swedish_dates import (
    LOCALE,
    MONTHS,
    WEEKDAYS,
    clock,
    day_month,
    long_date,
    parse_clock,
    parse_iso_date,
    weekday_day_month,
    weekday_number,
)


def test_dates_as_the_seed_prints_them():
    assert long_date(dt.date(2019, 9, 19)) == "torsdag 19 september 2019"
    assert day_month(dt.date(2019, 9, 19)) == "19 september"
    assert weekday_day_month(dt.date(2020, 1, 27)) == "måndag 27 januari"
    assert weekday_day_month(dt.date(2020, 12, 14)) == "måndag 14 december"


def test_the_names_are_cldrs_as_babel_has_them():
    from babel.dates import get_day_names, get_month_names

    assert dict(enumerate(WEEKDAYS)) == dict(get_day_names("wide", locale=LOCALE))
    assert dict(enumerate(MONTHS, start=1)) == dict(get_month_names("wide", locale=LOCALE))


@pytest.mark.parametrize(
    ("printed", "pattern"),
    [(long_date, "EEEE d MMMM y"), (day_month, "d MMMM"), (weekday_day_month, "EEEE d MMMM")],
)
def test_every_day_prints_as_babel_formats_it(printed, pattern):
    """Each day of two years (every weekday of every month, a leap day), and far ones."""
    from babel.dates import format_date

    start = dt.date(2019, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(731)]
    days += [dt.date(1, 1, 1), dt.date(1999, 12, 31), dt.date(9999, 12, 31)]
    assert [printed(d) for d in days] == [format_date(d, pattern, locale=LOCALE) for d in days]


@pytest.mark.parametrize(("name", "number"), [("måndag", 0), (" Torsdag ", 3), ("söndag", 6)])
def test_weekday_number(name, number):
    assert weekday_number(name) == number


def test_an_unknown_weekday_is_a_swedish_error():
    with pytest.raises(InvalidInput, match="Okänd veckodag ”torsdagen”"):
        weekday_number("torsdagen")


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
