"""Small-count suppression: published statistics never let a reader single someone out.

A count of 1 or 2 (below ``THRESHOLD``) is shown as ``SUPPRESSED``. Published tables
carry their totals, so a hidden cell must not be recoverable by subtraction: in every
line of the table — a row with its row total, a column with its column total, the
totals with the grand total — either nothing is hidden or at least two cells are
(secondary suppression: the smallest further cell of the line is hidden too). Zero is
shown where it can be: it identifies no one.
"""

from __future__ import annotations

from collections.abc import Sequence

THRESHOLD = 3
SUPPRESSED = "–"
NOTE = f"– = färre än {THRESHOLD}, eller dolt så att ingen enskild kan räknas fram."


def suppress_grid(counts: Sequence[Sequence[int]]) -> list[list[str]]:
    """The grid with a total column and a total row added, as printed in public.

    ``counts`` is r rows of c counts; the result has r + 1 rows of c + 1 cells, the last
    column the row totals and the last row the column totals and the grand total.
    """
    rows = [list(row) for row in counts]
    width = len(rows[0]) if rows else 0
    grid = [[*row, sum(row)] for row in rows]
    grid.append([sum(row[j] for row in grid) for j in range(width + 1)])
    lines = _lines(len(grid), width + 1)
    hidden = {(i, j) for i, row in enumerate(grid) for j, n in enumerate(row) if 0 < n < THRESHOLD}
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(cell in hidden for cell in line) == 1:
                hidden.add(_next_to_hide(line, hidden, grid))
                changed = True
    return [
        [SUPPRESSED if (i, j) in hidden else str(n) for j, n in enumerate(row)]
        for i, row in enumerate(grid)
    ]


def suppress_line(counts: Sequence[int]) -> tuple[list[str], str]:
    """One list of counts and its total, as printed: (the counts, the total)."""
    grid = suppress_grid([[n] for n in counts])
    return [row[0] for row in grid[:-1]], grid[-1][0]


def _lines(height: int, width: int) -> list[list[tuple[int, int]]]:
    """Every row and every column of the grid: each sums to its last cell."""
    rows = [[(i, j) for j in range(width)] for i in range(height)]
    columns = [[(i, j) for i in range(height)] for j in range(width)]
    return [line for line in rows + columns if len(line) > 1]


def _next_to_hide(
    line: list[tuple[int, int]], hidden: set[tuple[int, int]], grid: list[list[int]]
) -> tuple[int, int]:
    """The smallest visible cell of the line, a non-zero one if there is any."""
    visible = [cell for cell in line if cell not in hidden]
    return min(visible, key=lambda cell: (grid[cell[0]][cell[1]] == 0, grid[cell[0]][cell[1]]))
