"""Small-count suppression: published statistics never let a reader single someone out.

A count of 1 or 2 people (below ``THRESHOLD``) is shown as ``SUPPRESSED``. If that would
leave exactly one hidden cell in a list that is printed with its total, the cell could be
worked out by subtraction, so the next smallest count is hidden too (secondary
suppression). Zero is shown: it identifies no one.
"""

from __future__ import annotations

from collections.abc import Sequence

THRESHOLD = 3
SUPPRESSED = "–"
NOTE = f"– = färre än {THRESHOLD} personer; visas inte så att ingen enskild kan identifieras."


def suppress(counts: Sequence[int]) -> list[str]:
    """The counts as printed in a public table whose total is also printed."""
    hidden = {i for i, n in enumerate(counts) if 0 < n < THRESHOLD}
    if len(hidden) == 1:
        others = [i for i, n in enumerate(counts) if n > 0 and i not in hidden]
        if others:
            hidden.add(min(others, key=lambda i: counts[i]))
    return [SUPPRESSED if i in hidden else str(n) for i, n in enumerate(counts)]
