"""The search index: one row per ärende and per §, its words folded as the search folds them.

Derived data, rewritten from the ärende or § whenever that is flushed
(``storage.search_index``); never edited on its own. SQLite finds rows through an FTS5
trigram table over it, PostgreSQL through pg_trgm GIN indexes on it (made by migration
0015, outside this metadata).
"""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class SearchText(SQLModel, table=True):
    """What the search may match of one ärende or §: dnr, rubrik and text, casefolded.

    ``body`` is empty for sekretess: the search never shows that text, so it never
    indexes it either (dnr and rubrik are public, as in the public kallelse).
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(description="'arende' or 'paragraph'.")
    ref_id: int = Field(description="The ärende's or the §'s id.")
    confidential: bool = False
    dnr: str = ""
    title: str = ""
    #: Last: a long text spills into overflow pages, which the search then rarely reads.
    body: str = ""

    __table_args__ = (UniqueConstraint("kind", "ref_id"),)
