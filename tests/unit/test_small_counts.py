"""Published counts never single anyone out: 1–2 hidden, and never one hidden cell alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from namnd.services.small_counts import SUPPRESSED, THRESHOLD, suppress


def test_small_counts_are_hidden_and_zero_is_shown():
    assert suppress([5, 1, 0, 2, 7]) == ["5", "–", "0", "–", "7"]


def test_a_lone_hidden_cell_takes_the_next_smallest_with_it():
    assert suppress([9, 2, 4]) == ["9", "–", "–"]


def test_nothing_to_hide():
    assert suppress([3, 0, 12]) == ["3", "0", "12"]


@given(st.lists(st.integers(0, 30), max_size=8))
def test_never_a_small_count_and_never_exactly_one_hidden_when_others_exist(counts):
    shown = suppress(counts)
    assert all(s == SUPPRESSED or not 0 < int(s) < THRESHOLD for s in shown)
    hidden = shown.count(SUPPRESSED)
    nonzero = sum(1 for n in counts if n > 0)
    assert hidden != 1 or nonzero == 1
