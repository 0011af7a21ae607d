"""Published counts never single anyone out: 1–2 hidden, and no line gives one back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from namnd.rules.small_counts import SUPPRESSED, THRESHOLD, suppress_grid, suppress_line


def test_small_counts_are_hidden_and_zero_is_shown():
    assert suppress_line([5, 1, 0, 2, 7]) == (["5", "–", "0", "–", "7"], "15")


def test_a_lone_hidden_cell_takes_the_next_smallest_with_it():
    assert suppress_line([9, 2, 4]) == (["9", "–", "–"], "15")


def test_nothing_to_hide():
    assert suppress_line([3, 0, 12]) == (["3", "0", "12"], "15")


def test_a_small_total_is_hidden_too():
    # One person in all: the total would say who, so it is hidden with the cell.
    shown, total = suppress_line([1, 0, 0])
    assert shown[0] == SUPPRESSED and total == SUPPRESSED


def test_grid_row_and_column_totals_do_not_give_a_cell_back():
    # Bifall/Avslag per lagrum: the single Avslag would follow from 5 − 4 in its row.
    grid = suppress_grid([[4, 1], [6, 3]])
    assert grid[0][1] == SUPPRESSED
    for line in _lines(grid):
        assert sum(cell == SUPPRESSED for cell in line) != 1


def _lines(grid: list[list[str]]) -> list[list[str]]:
    return [*grid, *([row[j] for row in grid] for j in range(len(grid[0])))]


@given(st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=4), min_size=1, max_size=6))
def test_no_small_count_and_no_line_with_one_hidden_cell(rows):
    width = len(rows[0])
    rows = [(row * width)[:width] for row in rows]
    grid = suppress_grid(rows)
    assert all(s == SUPPRESSED or not 0 < int(s) < THRESHOLD for row in grid for s in row)
    for line in _lines(grid):
        assert sum(cell == SUPPRESSED for cell in line) != 1
