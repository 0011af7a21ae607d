"""The search as it was before the index: every document scored in Python.

Kept only as the tests' oracle: the index must find the same hits in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from namnd.services.search import Document, Hit, query_words, snippet


def score(words: list[str], document: Document) -> int:
    """0 unless every word occurs; then dnr hits weigh 5, rubrik 3, text 1."""
    dnr, title, text = (
        document.dnr.casefold(),
        document.title.casefold(),
        document.text.casefold(),
    )
    total = 0
    for word in words:
        points = 5 * (word in dnr) + 3 * (word in title) + (word in text)
        if not points:
            return 0
        total += points
    return total


def ranked(documents: Iterable[Document], query: str, limit: int = 50) -> list[Hit]:
    """The best ``limit`` hits, best first; newest meeting first among equals."""
    words = query_words(query)
    if not words:
        return []
    hits = []
    for document in documents:
        points = score(words, document)
        if points:
            hits.append(Hit(document, points, snippet(document.text, words)))
    hits.sort(
        key=lambda h: (
            -h.score,
            -(h.document.meeting_date or dt.date.min).toordinal(),
            h.document.number or 0,
        )
    )
    return hits[:limit]
