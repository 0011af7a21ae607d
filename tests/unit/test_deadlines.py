"""Deadline arithmetic: lag (1930:173), weekends and Swedish holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.rules.deadlines import (
    Rules,
    after_meeting,
    before_meeting,
    check_rules,
    holiday_name,
    is_workday,
    next_workday,
    period_of_weeks_end,
    previous_workday,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (D(2020, 6, 19), False),  # midsommarafton
        (D(2020, 12, 24), False),  # julafton
        (D(2020, 12, 31), False),  # nyårsafton
        (D(2020, 4, 10), False),  # långfredagen
        (D(2020, 4, 13), False),  # annandag påsk
        (D(2020, 1, 6), False),  # trettondedag jul
        (D(2020, 4, 9), True),  # skärtorsdagen is a vardag
        (D(2020, 4, 30), True),  # valborgsmässoafton is a vardag
        (D(2020, 6, 18), True),
        (D(2020, 1, 25), False),  # Saturday
        (D(2020, 1, 26), False),  # Sunday
    ],
)
def test_vardag_per_1930_173(day, workday):
    assert is_workday(day) is workday


def test_holiday_names_are_swedish():
    assert holiday_name(D(2020, 6, 19)) == "Midsommarafton"
    assert holiday_name(D(2020, 12, 25)) == "Juldagen"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2019, 10, 4), D(2019, 10, 25)),  # plain: three weeks, same weekday
        (D(2020, 5, 29), D(2020, 6, 22)),  # Fri 19 Jun midsommarafton → Sat, Sun → Mon 22
        (D(2020, 12, 3), D(2020, 12, 28)),  # Thu 24 Dec julafton → Fri 25 juldagen → Mon 28
        (D(2020, 12, 10), D(2021, 1, 4)),  # Thu 31 Dec nyårsafton → Fri 1 Jan → Mon 4 Jan
        (D(2020, 3, 20), D(2020, 4, 14)),  # Fri 10 Apr långfredag → Mon 13 annandag → Tue 14
        (D(2020, 5, 30), D(2020, 6, 22)),  # Sat 20 Jun midsommardagen → Mon 22
    ],
)
def test_overklagandetid_ends_on_next_vardag(start, end):
    assert period_of_weeks_end(start, 3) == end


def test_year_end_before_meeting_moves_earlier_over_new_year():
    # Meeting Thursday 7 January 2021: kallelse 31 Dec (nyårsafton) moves to 30 Dec.
    deadlines = before_meeting(D(2021, 1, 7))
    assert deadlines.kallelse == D(2020, 12, 30)
    assert deadlines.presidium == D(2020, 12, 28)  # ten days before: Monday 28 December


def test_demo_meeting_after_dates():
    after = after_meeting(D(2019, 9, 19))
    assert after.justering_deadline == D(2019, 10, 3)
    assert after.posting_deadline == D(2019, 10, 4)
    assert after.appeal_ends == D(2019, 10, 25)
    assert after.notice_down == D(2019, 10, 26)


def test_anslag_within_two_days_of_justering_even_over_a_weekend():
    # Justerat Thursday: anslag by Saturday → no later than Friday.
    after = after_meeting(D(2020, 9, 21), justerat_on=D(2020, 10, 1))
    assert after.posting_deadline == D(2020, 10, 2)
    # Justerat on 23 December: anslag by 25 Dec (juldagen) → 23 Dec itself at the latest.
    after = after_meeting(D(2020, 12, 14), justerat_on=D(2020, 12, 23))
    assert after.posting_deadline == D(2020, 12, 23)


def test_justering_deadline_on_a_holiday_moves_earlier():
    # Meeting 10 Dec 2020 + 14 days = julafton → Wednesday 23 December.
    assert after_meeting(D(2020, 12, 10)).justering_deadline == D(2020, 12, 23)


def test_rules_are_per_organ():
    rules = Rules(kallelse_days=5)
    assert before_meeting(D(2020, 1, 27), rules).kallelse == D(2020, 1, 22)


days = st.dates(D(2000, 1, 1), D(2040, 12, 31))


@given(days)
def test_moved_days_are_vardagar_and_never_on_the_wrong_side(day):
    after, before = next_workday(day), previous_workday(day)
    assert is_workday(after) and is_workday(before)
    assert before <= day <= after
    assert (after - day).days < 7 and (day - before).days < 7


@given(days, st.integers(1, 8))
def test_period_end_is_a_vardag_not_before_the_nominal_day(start, weeks):
    end = period_of_weeks_end(start, weeks)
    assert is_workday(end) and end >= start + dt.timedelta(weeks=weeks)


@pytest.mark.parametrize(
    ("day", "done", "state"),
    [
        (D(2020, 1, 3), False, "late"),
        (D(2020, 1, 3), True, "done"),
        (D(2020, 1, 17), False, "due"),  # same ISO week as Wednesday 15 January
        (D(2020, 1, 13), False, "late"),  # this week but already passed
        (D(2020, 1, 20), False, "coming"),
    ],
)
def test_deadline_state(day, done, state):
    from namnd.rules.deadlines import deadline_state

    assert deadline_state(day, D(2020, 1, 15), done=done) == state


def test_justering_over_new_year_and_anslag_before_nyarsafton():
    # Meeting 17 Dec 2020: justering by 31 Dec (nyårsafton) → 30 Dec; anslag by 1 Jan
    # (nyårsdagen) → 30 Dec as well; överklagande three weeks on, into the next year.
    after = after_meeting(D(2020, 12, 17))
    assert after.justering_deadline == D(2020, 12, 30)
    assert after.posting_deadline == D(2020, 12, 30)
    assert after.appeal_ends == D(2021, 1, 20)
    assert after.notice_down == D(2021, 1, 21)


def test_anslag_before_pask_and_midsommar():
    # Justerat skärtorsdagen 9 Apr 2020: anslag by Saturday → långfredagen → skärtorsdagen.
    after = after_meeting(D(2020, 3, 26), justerat_on=D(2020, 4, 9))
    assert after.posting_deadline == D(2020, 4, 9)
    assert after.appeal_ends == D(2020, 4, 30)  # valborgsmässoafton is a vardag
    # Justerat Thursday 24 Jun 2021: Saturday → midsommarafton 25 Jun → the day itself.
    after = after_meeting(D(2021, 6, 10), justerat_on=D(2021, 6, 24))
    assert after.posting_deadline == D(2021, 6, 24)


def test_overklagandetid_over_pask_2021():
    # Fri 2 Apr 2021 långfredagen, Sat, Sun, Mon 5 Apr annandag påsk → Tue 6 Apr.
    assert period_of_weeks_end(D(2021, 3, 12), 3) == D(2021, 4, 6)


rule_days = st.integers(0, 40)


@given(days, rule_days, rule_days, rule_days)
def test_before_meeting_deadlines_are_vardagar_never_later_than_the_rule(day, stop, pres, kal):
    rules = Rules(case_stop_days=stop, presidium_days=pres, kallelse_days=kal)
    before = before_meeting(day, rules)
    for moved, days_before in (
        (before.case_stop, stop),
        (before.presidium, pres),
        (before.kallelse, kal),
    ):
        nominal = day - dt.timedelta(days=days_before)
        assert is_workday(moved)
        assert 0 <= (nominal - moved).days < 7


@given(days, st.integers(1, 30))
def test_after_meeting_chain_is_ordered_and_on_vardagar(day, justering_days):
    after = after_meeting(day, Rules(justering_days=justering_days))
    assert is_workday(after.justering_deadline)
    assert after.justering_deadline <= day + dt.timedelta(days=justering_days)
    assert after.justering_deadline <= after.posting_deadline
    assert (after.posting_deadline - after.justering_deadline).days <= 2
    assert is_workday(after.posting_deadline)
    assert is_workday(after.appeal_ends)
    assert after.appeal_ends >= after.posting_deadline + dt.timedelta(weeks=3)
    assert after.notice_down == after.appeal_ends + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("posted", "appeal_ends", "down"),
    [
        # Three weeks from anslag ends on the same weekday ...
        (dt.date(2019, 9, 27), dt.date(2019, 10, 18), dt.date(2019, 10, 19)),
        # ... unless that is midsommarafton (fredag 21 juni 2019): the next vardag.
        (dt.date(2019, 5, 31), dt.date(2019, 6, 24), dt.date(2019, 6, 25)),
        # julafton (tisdag 24 december 2019) and juldagen, annandag jul: fredag 27.
        (dt.date(2019, 12, 3), dt.date(2019, 12, 27), dt.date(2019, 12, 28)),
        # nyårsafton (tisdag 31 december 2019) and nyårsdagen: torsdag 2 januari.
        (dt.date(2019, 12, 10), dt.date(2020, 1, 2), dt.date(2020, 1, 3)),
        # långfredagen 10 april 2020, påsk, annandag påsk: tisdag 14 april.
        (dt.date(2020, 3, 20), dt.date(2020, 4, 14), dt.date(2020, 4, 15)),
    ],
)
def test_kl_13_5_overklagande_three_weeks_from_anslag(posted, appeal_ends, down):
    """KL 13 kap. 5 §: three weeks from the anslag day; lag (1930:173) moves a holiday end."""
    after = after_meeting(posted - dt.timedelta(days=8), justerat_on=posted, posted_on=posted)
    assert (after.appeal_ends, after.notice_down) == (appeal_ends, down)


@pytest.mark.parametrize(
    ("justerat_on", "posted_on", "appeal_ends"),
    [
        # Justerat in time, nothing posted yet: from the anslag deadline (2 days on).
        (None, None, D(2019, 10, 25)),
        (D(2019, 9, 26), None, D(2019, 10, 18)),
        # Justerat late (9 Oct, deadline 3 Oct): the period runs from the real days,
        # a week after the plan's 25 October.
        (D(2019, 10, 9), None, D(2019, 11, 1)),
        (D(2019, 10, 9), D(2019, 10, 11), D(2019, 11, 1)),
        (D(2019, 10, 9), D(2019, 10, 9), D(2019, 10, 30)),
    ],
)
def test_kl_13_5_overklagande_follows_the_recorded_justering_and_anslag(
    justerat_on, posted_on, appeal_ends
):
    after = after_meeting(D(2019, 9, 19), justerat_on=justerat_on, posted_on=posted_on)
    assert after.appeal_ends == appeal_ends
    assert after.notice_down == appeal_ends + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("rule", "value", "law"),
    [
        ("justering_days", 15, "5 kap. 69 § kommunallagen"),
        ("justering_days", 30, "5 kap. 69 § kommunallagen"),
        ("posting_days", 3, "8 kap. 12 § kommunallagen"),
        ("appeal_weeks", 2, "13 kap. 5 § kommunallagen"),
        ("appeal_weeks", 4, "13 kap. 5 § kommunallagen"),
    ],
)
def test_kl_rules_past_the_law_are_refused(rule, value, law):
    from namnd.errors import InvalidInput

    with pytest.raises(InvalidInput, match=law):
        check_rules(Rules(**{rule: value}))


@pytest.mark.parametrize(
    "rules",
    [Rules(), Rules(justering_days=14, posting_days=2), Rules(justering_days=7, posting_days=0)],
)
def test_kl_rules_within_the_law_pass(rules):
    check_rules(rules)


@pytest.mark.parametrize(
    ("meeting", "posting", "appeal_ends"),
    [
        # Justerad at the meeting (Thursday): anslag within two days, so by Friday 20th;
        # three weeks on from that anslag.
        (D(2019, 9, 19), D(2019, 9, 20), D(2019, 10, 11)),
        # Meeting on Thursday 23 Dec 2021: two days on is juldagen → the day itself;
        # three weeks on, Thursday 13 January 2022.
        (D(2021, 12, 23), D(2021, 12, 23), D(2022, 1, 13)),
    ],
)
def test_kl_8_12_omedelbart_justerad_paragraph_has_its_own_anslag_and_overklagande(
    meeting, posting, appeal_ends
):
    after = after_meeting(meeting, justerat_on=meeting + dt.timedelta(days=10), immediate=(5, 7))
    assert [p.number for p in after.immediate] == [5, 7]
    five = after.immediate[0]
    assert five.justerat_on == meeting
    assert five.posting_deadline == posting
    assert five.appeal_ends == appeal_ends
    assert five.notice_down == appeal_ends + dt.timedelta(days=1)
    # The protokoll as a whole keeps its own later dates.
    assert after.appeal_ends > five.appeal_ends


@pytest.mark.parametrize(
    ("meeting", "justerat_on", "last_day"),
    [
        # 14 days after Thursday 19 September 2019: Thursday 3 October.
        (D(2019, 9, 19), D(2019, 10, 4), "torsdag 3 oktober 2019"),
        # 14 days after 10 Dec 2020 is julafton: lag (1930:173) gives Monday 28 December.
        (D(2020, 12, 10), D(2020, 12, 29), "måndag 28 december 2020"),
    ],
)
def test_kl_5_69_justering_after_the_last_day_warns(meeting, justerat_on, last_day):
    after = after_meeting(meeting, Rules(justering_days=10), justerat_on=justerat_on)
    (warning,) = after.warnings
    assert "5 kap. 69 § kommunallagen" in warning and last_day in warning
    on_time = after_meeting(meeting, justerat_on=justerat_on - dt.timedelta(days=1))
    assert on_time.warnings == ()


@pytest.mark.parametrize(
    ("justerat_on", "posted_on", "last_day"),
    [
        # Justerat Thursday 26 Sept 2019: anslag by Saturday 28th → Monday 30th (1930:173).
        (D(2019, 9, 26), D(2019, 10, 1), "måndag 30 september 2019"),
        # Justerat Monday 30 Sept: by Wednesday 2 October.
        (D(2019, 9, 30), D(2019, 10, 3), "onsdag 2 oktober 2019"),
    ],
)
def test_kl_8_12_anslag_after_the_last_day_warns(justerat_on, posted_on, last_day):
    after = after_meeting(D(2019, 9, 19), justerat_on=justerat_on, posted_on=posted_on)
    (warning,) = after.warnings
    assert "8 kap. 12 § kommunallagen" in warning and last_day in warning
    in_time = after_meeting(
        D(2019, 9, 19), justerat_on=justerat_on, posted_on=posted_on - dt.timedelta(days=1)
    )
    assert in_time.warnings == ()
