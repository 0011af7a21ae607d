"""The documents search over the index: every word a substring of the dnr, rubrik or text.

The index (``storage.search_index``) holds each ärende's and §'s words casefolded; the
database finds the rows holding every query word (SQLite: an FTS5 trigram table;
PostgreSQL: pg_trgm GIN indexes behind ``LIKE``), scores them (dnr 5, rubrik 3, text 1
a word) and orders them, newest meeting first among equals. Substrings, not whole
words: "omsorg" finds "äldreomsorgen" and "boende" finds "boendestödet" as you type.
Only the hits shown are read whole, for their snippet.

Why trigrams, not words: the search has always matched substrings, and Swedish
compounds make that matter ("omsorg" finds "äldreomsorgen", "stöd" finds
"boendestödet"), as do diarienummer ("2019:76" inside "von/2019:76"). A word index
(FTS5's unicode61 tokens, PostgreSQL's ``tsvector`` with ``simple`` or ``swedish``)
matches whole words or their beginnings only, and ``swedish`` also stems and drops stop
words ("och", "för"): either would change the hits. Trigrams give exactly the same hits
(``tests/storage/test_search_index.py`` checks it against the old Python search).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select, text

from namnd.domain.models import Arende, ParagraphRow
from namnd.rules.search import Document, Hit, query_words, snippet
from namnd.storage.search_index import FTS_TABLE, arende_text, paragraph_text

#: Trigram indexes find substrings of three characters or more; shorter words are
#: checked on the rows the longer ones found (or, alone, on every row).
_TRIGRAM = 3


def search(connection: Connection, query: str, limit: int = 50) -> list[Hit]:
    """The best ``limit`` hits for ``query``, best first."""
    words = query_words(query)
    if not words:
        return []
    ranked = connection.execute(text(_ranking_sql(connection, words)), _params(words, limit))
    rows = ranked.fetchall()
    documents = _documents(connection, rows)
    return [
        Hit(document, row.score, snippet(document.text, words))
        for row, document in zip(rows, documents, strict=True)
    ]


def _ranking_sql(connection: Connection, words: list[str]) -> str:
    """Rows holding every word, scored in SQL, best first, ``:limit`` of them.

    A row the index found holds each long word in one column at least, so when the
    word is in neither dnr nor rubrik it is in the text: the (long) text is read only
    for words also in the dnr or rubrik, and for the short words the index cannot find.
    """
    postgres = connection.dialect.name == "postgresql"
    contains = "strpos({col}, :w{n}) > 0" if postgres else "instr({col}, :w{n}) > 0"
    points, conditions = [], []
    for n, word in enumerate(words):
        dnr, title, body = (contains.format(col=f"s.{c}", n=n) for c in ("dnr", "title", "body"))
        indexed = postgres or len(word) >= _TRIGRAM
        in_body = f"CASE WHEN {dnr} OR {title} THEN {body} ELSE TRUE END" if indexed else body
        points.append(
            f"5 * CAST({dnr} AS INTEGER) + 3 * CAST({title} AS INTEGER)"
            f" + CAST({in_body} AS INTEGER)"
        )
        if postgres:
            like = " OR ".join(f"s.{c} LIKE :p{n} ESCAPE '\\'" for c in ("dnr", "title", "body"))
            conditions.append(f"({like})")
        elif not indexed:
            conditions.append(f"({dnr} OR {title} OR {body})")
    if any(len(w) >= _TRIGRAM for w in words) and not postgres:
        conditions.append(f"s.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts)")
    return f"""
        WITH hit AS (
            SELECT s.kind, s.ref_id, s.confidential, {" + ".join(f"({p})" for p in points)} AS score
            FROM searchtext s WHERE {" AND ".join(conditions)}
        )
        SELECT hit.kind, hit.ref_id, hit.confidential, hit.score,
               m.id AS meeting_id, m.date AS meeting_date,
               CASE WHEN hit.kind = 'arende' THEN ai.position ELSE p.number END AS number
        FROM hit
        LEFT JOIN agendaitem ai ON hit.kind = 'arende' AND ai.arende_id = hit.ref_id
        LEFT JOIN paragraph p ON hit.kind = 'paragraph' AND p.id = hit.ref_id
        LEFT JOIN meeting m ON m.id = COALESCE(ai.meeting_id, p.meeting_id)
        ORDER BY hit.score DESC, m.date DESC NULLS LAST,
                 COALESCE(CASE WHEN hit.kind = 'arende' THEN ai.position ELSE p.number END, 0),
                 hit.kind, hit.ref_id, ai.id
        LIMIT :limit
    """


def _params(words: list[str], limit: int) -> dict[str, object]:
    params: dict[str, object] = {"limit": limit}
    for n, word in enumerate(words):
        params[f"w{n}"] = word
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"p{n}"] = f"%{escaped}%"
    phrases = ['"' + w.replace('"', '""') + '"' for w in words if len(w) >= _TRIGRAM]
    params["fts"] = " AND ".join(phrases)
    return params


def _documents(connection: Connection, rows: list) -> list[Document]:
    """The hits as documents, with the original (unfolded) texts for their snippets."""
    a, p = Arende.__table__.c, ParagraphRow.__table__.c
    wanted = {kind: [r.ref_id for r in rows if r.kind == kind] for kind in ("arende", "paragraph")}
    found: dict[tuple[str, int], tuple[str, str, str]] = {}
    if wanted["arende"]:
        query = select(a.id, a.title, a.dnr, a.proposal, a.summary_md, a.body_md, a.external_ref)
        for r in connection.execute(query.where(a.id.in_(wanted["arende"]))):
            body = arende_text(r.proposal, r.summary_md, r.body_md, r.external_ref)
            found["arende", r.id] = (r.title, r.dnr or "", body)
    if wanted["paragraph"]:
        query = select(
            p.id, p.title, p.dnr, p.decision_md, p.process_md, p.yrkanden, p.reservations, p.notes
        )
        for r in connection.execute(query.where(p.id.in_(wanted["paragraph"]))):
            body = paragraph_text(r.decision_md, r.process_md, r.yrkanden, r.reservations, r.notes)
            found["paragraph", r.id] = (r.title, r.dnr or "", body)
    documents = []
    for r in rows:
        title, dnr, body = found[r.kind, r.ref_id]
        documents.append(
            Document(
                kind=r.kind,
                title=title,
                dnr=dnr,
                text="" if r.confidential else body,
                meeting_id=r.meeting_id,
                meeting_date=_day(r.meeting_date),
                number=r.number,
                confidential=bool(r.confidential),
            )
        )
    return documents


def _day(value: str | dt.date | None) -> dt.date | None:
    """SQLite hands a raw ``text()`` query's dates back as ISO strings."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
