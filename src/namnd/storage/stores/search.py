"""``store.search``: ärenden and §§ of all years by the words in them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from namnd.storage.stores._part import Part

if TYPE_CHECKING:
    from namnd.rules.search import Hit


class SearchStore(Part):
    """The full-text search over the search index (``storage.search``)."""

    def find(self, query: str, limit: int = 50) -> list[Hit]:
        """Ärenden and §§ where every word of ``query`` occurs, best first."""
        from namnd.storage.search import search

        with self.engine.connect() as connection:
            return search(connection, query, limit)
