from __future__ import annotations

import pytest

from namnd.domain.kinds import MeetingStatus as S
from namnd.errors import InvalidInput
from namnd.services.kallelse_flow import check_transition, is_late


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
    [(S.SENT, S.DRAFT), (S.SENT, S.REVIEWED), (S.PLANNED, S.SENT), (S.ADJUSTED, S.DRAFT)],
)
def test_refused_in_swedish(a, b):
    with pytest.raises(InvalidInput, match=f"från ”{a.label}” till ”{b.label}”"):
        check_transition(a, b)


def test_changes_after_utskick_are_late():
    assert [s for s in S if is_late(s)] == [S.SENT, S.HELD, S.ADJUSTED]
