"""Planning a year: proposals from a rule, warnings, and the decision text of seed item 8."""

from __future__ import annotations

import datetime as dt

import pytest

from namnd.errors import InvalidInput
from namnd.rules.meeting_plan import (
    PlanRule,
    parse_months,
    plan_warnings,
    propose_dates,
    schedule_decision,
)

D = dt.date
SEED_2020 = [
    D(2020, 1, 27), D(2020, 3, 5), D(2020, 4, 2), D(2020, 5, 18), D(2020, 6, 11),
    D(2020, 8, 27), D(2020, 9, 21), D(2020, 10, 15), D(2020, 11, 19), D(2020, 12, 14),
]  # fmt: skip

# Seed lines 2719–2732, word for word (the seed's own "förslår" typo corrected).
SEED_TEXT = """Vård- och omsorgsförvaltningen föreslår följande sammanträdesordning för nämndens \
sammanträden 2020:

- måndag 27 januari
- torsdag 5 mars
- torsdag 2 april
- måndag 18 maj
- torsdag 11 juni
- torsdag 27 augusti
- måndag 21 september
- torsdag 15 oktober
- torsdag 19 november
- måndag 14 december"""


def test_seed_2020_plan_gives_the_seeds_decision_text():
    fields = schedule_decision("Vård- och omsorgsnämnden", 2020, SEED_2020)
    assert fields.title == "Sammanträdesordning 2020"
    assert fields.proposal == ["Vård- och omsorgsnämnden godkänner sammanträdesordningen för 2020."]
    assert fields.summary_md == SEED_TEXT


def test_the_seed_plan_warns_of_moved_deadlines_and_clashes():
    assert plan_warnings(SEED_2020) == [
        "måndag 27 januari 2020: ärendestopp skulle falla på trettondedag jul "
        "(måndag 6 januari 2020) och flyttas till fredag 3 januari 2020.",
        "torsdag 11 juni 2020: ärendestopp skulle falla på Kristi himmelsfärdsdag "
        "(torsdag 21 maj 2020) och flyttas till onsdag 20 maj 2020.",
    ]
    clash = plan_warnings(SEED_2020, other_meetings=[(D(2020, 3, 5), "Socialnämnden")])
    assert "torsdag 5 mars 2020: krockar med Socialnämndens sammanträde samma dag." in clash


def test_warnings_for_holidays_and_moved_deadlines():
    warnings = plan_warnings([D(2020, 6, 19), D(2021, 1, 7)])
    assert "fredag 19 juni 2020: sammanträdet ligger på en midsommarafton." in warnings
    assert (
        "torsdag 7 januari 2021: kallelse skulle falla på nyårsafton (torsdag 31 december 2020) "
        "och flyttas till onsdag 30 december 2020." in warnings
    )


def test_justering_deadline_on_julafton_is_warned_of():
    assert plan_warnings([D(2020, 12, 10)]) == [
        "torsdag 10 december 2020: justering skulle falla på julafton "
        "(torsdag 24 december 2020) och flyttas till onsdag 23 december 2020."
    ]


def test_the_organs_forvaltning_is_named_when_registered():
    fields = schedule_decision("Socialnämnden", 2021, [D(2021, 1, 28)], "Socialtjänsten")
    assert fields.summary_md.startswith("Socialtjänsten föreslår följande")
    assert fields.summary_md.endswith("sammanträden 2021:\n\n- torsdag 28 januari")


def test_proposal_a_thursday_each_month_none_in_july_two_in_autumn():
    dates = propose_dates(2020, PlanRule(weekday=3, nth=3, second_in_months=frozenset({9, 11})))
    assert len(dates) == 13
    assert all(d.weekday() == 3 for d in dates)
    assert not [d for d in dates if d.month == 7]
    assert [d for d in dates if d.month == 9] == [D(2020, 9, 3), D(2020, 9, 17)]
    # Third Thursday of May 2020 is Kristi himmelsfärdsdag: moved a week on.
    assert [d for d in dates if d.month == 5] == [D(2020, 5, 28)]


def test_last_weekday_and_no_skipped_months():
    dates = propose_dates(2020, PlanRule(weekday=0, nth=-1, skip_months=frozenset()))
    assert len(dates) == 12
    assert dates[0] == D(2020, 1, 27) and dates[-1] == D(2020, 12, 28)
    # Last Monday of May 2020 is 25 May; of April 27 April (annandag påsk was the 13th).
    assert D(2020, 5, 25) in dates and D(2020, 4, 27) in dates


def test_month_lists_and_rules_are_checked_in_swedish():
    assert parse_months(" 9, 11,") == frozenset({9, 11})
    assert parse_months("") == frozenset()
    with pytest.raises(InvalidInput, match="”x” är inget månadsnummer"):
        parse_months("9,x")
    with pytest.raises(InvalidInput, match="månadsnummer"):
        parse_months("13")
    with pytest.raises(InvalidInput, match="1–5"):
        PlanRule(nth=0)
