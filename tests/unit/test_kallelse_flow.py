from __future__ import annotations

import datetime as dt

import pytest

from namnd.domain.kinds import MeetingStatus as S
from namnd.errors import InvalidInput
from namnd.rules.kallelse_flow import check_transition, is_late


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (S.DRAFT, S.REVIEWED),
        (S.REVIEWED, S.SENT),
        (S.REVIEWED, S.DRAFT),
        (S.PLANNED, S.DRAFT),
        (S.DRAFT, S.SENT),
    ],
)
def test_allowed(a, b):
    check_transition(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [(S.SENT, S.DRAFT), (S.SENT, S.REVIEWED), (S.PLANNED, S.SENT), (S.JUSTERAD, S.DRAFT)],
)
def test_refused_in_swedish(a, b):
    with pytest.raises(InvalidInput, match=f"från ”{a.label}” till ”{b.label}”"):
        check_transition(a, b)


def test_changes_after_utskick_are_late():
    assert [s for s in S if is_late(s)] == [S.SENT, S.HELD, S.JUSTERAD]


def test_a_meeting_whose_day_has_passed_is_shown_as_held():
    from namnd.rules.kallelse_flow import status_on

    day = dt.date(2019, 9, 19)
    assert status_on(S.SENT, day, today=dt.date(2019, 9, 20)) is S.HELD
    assert status_on(S.SENT, day, today=day) is S.SENT
    assert status_on(S.PLANNED, day, today=dt.date(2020, 1, 1)) is S.PLANNED
    assert status_on(S.JUSTERAD, day, today=dt.date(2020, 1, 1)) is S.JUSTERAD
