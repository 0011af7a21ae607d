"""Due dates of nämnduppdrag as decisions word them, and the ones that must be flagged."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from namnd.domain.kinds import DueKind
from namnd.rules.due_phrases import DueReading, last_meeting_in, read_due

D = dt.date
EXACT, MEETING, PERIOD = DueKind.EXACT_DATE, DueKind.MEETING_IN_MONTH, DueKind.END_OF_PERIOD
GIVEN = D(2019, 9, 19)  # the seed's meeting: where a phrase leaves out the year
# The demo's sammanträdesordning 2020 (seed item 8).
MEETINGS = [D(2020, 1, 27), D(2020, 3, 5), D(2020, 9, 21), D(2020, 12, 14)]

READABLE = [
    # The seed's own words.
    (
        "Åtgärdsplanen ska återrapporteras till nämnden senast december 2019.",
        D(2019, 12, 31),
        MEETING,
    ),
    ("senast den 28 februari 2020", D(2020, 2, 28), EXACT),
    ("ska redovisas till Socialstyrelsen senast den 28 februari 2020", D(2020, 2, 28), EXACT),
    ("på nämndens sammanträde i september 2019", D(2019, 9, 30), MEETING),
    # A month reported to the nämnd: the planned meeting when there is one.
    ("senast december 2020", D(2020, 12, 14), MEETING),
    ("till nämndens sammanträde i september", D(2020, 9, 21), MEETING),
    ("till nämndens sammanträde i mars", D(2020, 3, 5), MEETING),
    ("återrapporteras i januari", D(2020, 1, 27), MEETING),
    ("vid decembersammanträdet 2020", D(2020, 12, 14), MEETING),
    ("till sammanträdet i november", D(2019, 11, 30), MEETING),
    ("senast dec. 2019", D(2019, 12, 31), MEETING),
    ("vid utgången av mars 2020", D(2020, 3, 31), PERIOD),
    # Exact days.
    ("senast 2020-02-28", D(2020, 2, 28), EXACT),
    ("senast den 28 februari", D(2020, 2, 28), EXACT),
    ("senast den 1:a mars 2020", D(2020, 3, 1), EXACT),
    ("senast 15 okt 2019", D(2019, 10, 15), EXACT),
    ("senast den 29 februari 2020", D(2020, 2, 29), EXACT),
    # Periods: their last day.
    ("under våren 2020", D(2020, 6, 30), PERIOD),
    ("hösten 2020", D(2020, 12, 31), PERIOD),
    ("under våren", D(2020, 6, 30), PERIOD),
    ("sommaren 2020", D(2020, 8, 31), PERIOD),
    ("kvartal 1 2020", D(2020, 3, 31), PERIOD),
    ("Q3 2020", D(2020, 9, 30), PERIOD),
    ("under första kvartalet 2020", D(2020, 3, 31), PERIOD),
    ("tertial 2 2020", D(2020, 8, 31), PERIOD),
    ("under andra halvåret 2020", D(2020, 12, 31), PERIOD),
    ("vid årsskiftet", D(2019, 12, 31), PERIOD),
    ("till årsskiftet 2020/2021", D(2020, 12, 31), PERIOD),
    ("i början av 2020", D(2020, 3, 31), PERIOD),
    ("i slutet av 2020", D(2020, 12, 31), PERIOD),
    ("i slutet av mars 2020", D(2020, 3, 31), PERIOD),
    ("senast vecka 12 2020", D(2020, 3, 20), PERIOD),
    ("senast v. 2 2020", D(2020, 1, 10), PERIOD),
    ("under 2020", D(2020, 12, 31), PERIOD),
    ("inom tre månader", D(2019, 12, 19), PERIOD),
    ("inom 6 veckor", D(2019, 10, 31), PERIOD),
    ("snarast, dock senast den 1 mars 2020", D(2020, 3, 1), EXACT),
    ("beslutade den 19 september 2019, återrapport senast den 1 mars 2020", D(2020, 3, 1), EXACT),
]

UNREADABLE = [
    ("snarast", "snarast"),
    ("så snart som möjligt", "ingen sista dag"),
    ("inom rimlig tid", "ingen sista dag"),
    ("omgående", "ingen sista dag"),
    ("senast den 31 februari 2020", "finns inte"),
    ("senast den 30 februari", "finns inte"),
    ("senast 2020-02-30", "finns inte"),
    ("senast 2020-13-01", "finns inte"),
    ("vecka 53 2019", "finns inte"),
    ("kvartal 5 2020", "4 sådana delar"),
    ("vintern 2020", "två olika år"),
    ("efter årsskiftet", "ingen sista dag"),
    ("återrapporteras löpande", "återkommande"),
    ("årligen", "återkommande"),
    ("i samband med årsbokslutet", "händelse"),
    ("när utredningen är klar", "händelse"),
    ("återrapporteras den 28 februari 2020 och den 31 mars 2020", "flera tidpunkter"),
    ("beslutade den 19 september 2019 att återrapportera i mars 2020", "flera tidpunkter"),
    ("", "Ingen tidpunkt"),
    ("Nämnden har tagit del av rapporten.", "Ingen tidpunkt"),
]


@pytest.mark.parametrize(("text", "due", "kind"), READABLE)
def test_readable_phrases(text, due, kind):
    reading = read_due(text, given_on=GIVEN, meetings=MEETINGS)
    assert (reading.date, reading.kind, reading.reason) == (due, kind, None)
    assert reading.matched and reading.matched.strip() in " ".join(text.split())


@pytest.mark.parametrize(("text", "why"), UNREADABLE)
def test_unreadable_phrases_are_flagged_in_swedish(text, why):
    reading = read_due(text, given_on=GIVEN, meetings=MEETINGS)
    assert reading.date is None and reading.kind is None and not reading.readable
    assert why in reading.reason


def test_the_table_is_large():
    assert len(READABLE) + len(UNREADABLE) >= 30


@pytest.mark.parametrize(
    "text", ["senast den 28 februari", "till nämndens sammanträde i september", "vid årsskiftet"]
)
def test_a_missing_year_without_a_decision_date_is_flagged(text):
    reading = read_due(text)
    assert reading.date is None and "Året framgår inte" in reading.reason


def test_month_to_someone_else_than_the_namnd_is_the_month_end():
    reading = read_due("senast december 2020", meetings=MEETINGS, to_meeting=False)
    assert (reading.date, reading.kind) == (D(2020, 12, 31), PERIOD)


def test_a_meeting_still_ahead_in_the_same_month_is_this_years():
    reading = read_due("till sammanträdet i september", given_on=D(2020, 9, 1), meetings=MEETINGS)
    assert reading.date == D(2020, 9, 21) and reading.meeting_planned


def test_describe_says_whether_the_meeting_is_planned():
    planned = read_due("senast december 2020", meetings=MEETINGS)
    unplanned = read_due("senast december 2019", meetings=MEETINGS)
    assert planned.describe() == "nämndens sammanträde i december 2020 (14 december)"
    assert unplanned.describe() == "nämndens sammanträde i december 2019 (datum ej satt)"
    assert read_due("snarast").describe().startswith("oläslig tidpunkt: ")


def test_last_meeting_in_month():
    assert last_meeting_in(2020, 3, [*MEETINGS, D(2020, 3, 26)]) == D(2020, 3, 26)
    assert last_meeting_in(2020, 7, MEETINGS) is None


# --- properties -----------------------------------------------------------------------

_WORDS = st.sampled_from(
    "senast den december 2019 vecka 12 kvartal Q första våren vintern årsskiftet i början "
    "av sammanträde nämndens 2020-02-30 31 februari inom tre månader snarast , . / : 9999 "
    "0000 dec. v. tertial halvåret sammanträdet MARS ſex İ".split()
)


def _check(reading: DueReading) -> None:
    assert isinstance(reading, DueReading)
    if reading.readable:
        assert reading.kind is not None and reading.reason is None
    else:
        assert reading.kind is None and reading.reason


@given(st.text())
def test_any_text_gives_a_date_or_a_reason(text):
    _check(read_due(text))


@given(st.lists(_WORDS, max_size=8).map(" ".join), st.dates(), st.lists(st.dates(), max_size=5))
def test_phrase_like_text_with_context_never_raises(text, given_on, meetings):
    _check(read_due(text, given_on=given_on, meetings=meetings))


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_every_real_date_is_read_back_exactly(day):
    written = format_date(day, "'senast den' d MMMM y", locale="sv_SE")
    assert read_due(written).date == day
    assert read_due(f"senast {day.isoformat()}").date == day


@given(st.integers(2000, 2100), st.integers(1, 12), st.lists(st.dates(), max_size=6))
def test_a_month_is_always_read_within_that_month(year, month, meetings):
    name = format_date(D(year, month, 1), "LLLL y", locale="sv_SE")
    reading = read_due(f"senast {name}", meetings=meetings)
    assert (reading.date.year, reading.date.month) == (year, month)
    assert reading.meeting_planned == (reading.date in meetings)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # "Före" a period: the day before it begins (the module's seasons: våren to 30
        # June, sommaren July–August, hösten from 1 September).
        ("före sommaren 2020", D(2020, 6, 30)),
        ("återrapporteras före sommaren", D(2020, 6, 30)),
        ("före hösten 2020", D(2020, 8, 31)),
        ("före våren 2020", D(2019, 12, 31)),
        ("före mars 2020", D(2020, 2, 29)),
        ("före mars", D(2020, 2, 29)),
        ("före januari 2021", D(2020, 12, 31)),
    ],
)
def test_before_a_period_is_the_day_before_it_begins(text, due):
    reading = read_due(text, given_on=GIVEN, meetings=MEETINGS)
    assert (reading.date, reading.kind, reading.reason) == (due, PERIOD, None)


@pytest.mark.parametrize("text", ["efter sommaren", "efter sommaren 2020", "efter mars 2020"])
def test_after_a_period_has_no_last_day(text):
    reading = read_due(text, given_on=GIVEN, meetings=MEETINGS)
    assert reading.date is None and "ingen sista dag" in reading.reason


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # Week 15 of 2020 ends with långfredagen (10 April): skärtorsdagen is its last vardag.
        ("vecka 15 2020", D(2020, 4, 9)),
        # Week 52 of 2020: juldagen Friday, julafton Thursday → Wednesday 23 December.
        ("senast vecka 52 2020", D(2020, 12, 23)),
        # Week 25 of 2020: midsommarafton Friday 19 June → Thursday 18 June.
        ("vecka 25 2020", D(2020, 6, 18)),
        ("vecka 12 2020", D(2020, 3, 20)),
    ],
)
def test_lag_1930_173_a_week_ends_on_its_last_vardag(text, due):
    reading = read_due(text, given_on=GIVEN, meetings=MEETINGS)
    assert (reading.date, reading.kind) == (due, PERIOD)
