"""Finding a stored thing by what a person would recognise it by, for the tests' asserts."""

from __future__ import annotations

import datetime as dt

from namnd.storage.store import Store


def assignment_containing(store: Store, words: str, *, today: dt.date):
    """The one nämnduppdrag whose text contains ``words`` (fails if none or several)."""
    (found,) = [v for v in store.assignments.find(today=today) if words in v.text]
    return found
