"""Finding ärenden and §§ over the years: "when did we decide on boendestödet?".

Every word of the query must occur (case and å/ä/ö folded, so "ÄLDREOMSORG" finds
"äldreomsorgen"); a hit in the diarienummer counts most, then the rubrik, then the text.
Newer meetings come first among equal scores. The database ranks (``storage.search``,
over the index ``storage.search_index`` keeps); this module holds what both sides share:
the documents, the query's words, the snippet and how a hit is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from namnd.rules.swedish_dates import long_date

_WORD = re.compile(r"[\w/:.-]+")
_MARKUP = re.compile(r"[*`#>|]+")  # Markdown emphasis, headings, quotes and tables
SNIPPET_WIDTH = 90
SNIPPET_LEAD = 20  # characters shown before the first word found


@dataclass(frozen=True)
class Document:
    """One searchable thing: an ärende on a meeting's list, or a § of a protokoll."""

    kind: str  # "arende" or "paragraph"
    title: str
    dnr: str
    text: str
    meeting_id: int | None
    meeting_date: dt.date | None
    #: The ärende's number on the list, or the § number.
    number: int | None
    confidential: bool = False


@dataclass(frozen=True)
class Hit:
    """A document that matched, with its score and the line to show under it."""

    document: Document
    score: int
    snippet: str


def query_words(query: str) -> list[str]:
    """The query's words, folded; trailing punctuation dropped (a dnr keeps its / and :)."""
    return [w.strip(".:-").casefold() for w in _WORD.findall(query) if w.strip(".:-")]


def snippet(text: str, words: list[str], width: int = SNIPPET_WIDTH) -> str:
    """One line of ``text`` around the first word found, or its start."""
    flat = " ".join(_MARKUP.sub("", text).split())
    folded = flat.casefold()
    starts = [folded.find(w) for w in words if w in folded]
    if not starts:
        return flat[:width] + ("…" if len(flat) > width else "")
    begin = max(0, min(starts) - SNIPPET_LEAD)
    part = flat[begin : begin + width]
    return ("…" if begin else "") + part + ("…" if begin + width < len(flat) else "")


COLUMNS = ("Sammanträde", "Var", "Rubrik", "Dnr", "Träff")


def hit_cells(hit: Hit) -> tuple[str, ...]:
    """One hit as the terminal list and the TUI show it; sekretess text is never shown."""
    d = hit.document
    where = f"§ {d.number}" if d.kind == "paragraph" else f"ärende {d.number or '–'}"
    when = long_date(d.meeting_date) if d.meeting_date else "ej på någon lista"
    return (when, where, d.title, d.dnr, "[sekretess]" if d.confidential else hit.snippet)
