"""The search as it was before the index: every document scored in Python.

Kept only as the tests' oracle: the index must find the same hits in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session, col, select

from namnd.domain.models import AgendaItem, Arende, Meeting, ParagraphRow
from namnd.rules.search import Document, Hit, query_words, snippet
from namnd.storage.search_index import arende_text, paragraph_text


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


def documents(session: Session) -> list[Document]:
    """Every ärende (once per list it is on) and §, as the search saw them before the index.

    Sekretess (an ärende's flag; a §'s own or its ärende's) keeps dnr and rubrik only, the
    rule the index follows. Ärenden first, by id, then §§, by id: the order ties keep.
    """
    found = []
    rows = session.exec(
        select(Arende, AgendaItem, Meeting)
        .outerjoin(AgendaItem, col(AgendaItem.arende_id) == col(Arende.id))
        .outerjoin(Meeting, col(Meeting.id) == col(AgendaItem.meeting_id))
        .order_by(col(Arende.id), col(AgendaItem.id))
    )
    secret_items = set()
    for arende, item, meeting in rows:
        text = arende_text(arende.proposal, arende.summary_md, arende.body_md, arende.external_ref)
        if arende.confidential and item is not None:
            secret_items.add(item.id)
        found.append(
            Document(
                kind="arende",
                title=arende.title,
                dnr=arende.dnr or "",
                text="" if arende.confidential else text,
                meeting_id=meeting.id if meeting else None,
                meeting_date=meeting.date if meeting else None,
                number=item.position if item else None,
                confidential=arende.confidential,
            )
        )
    paragraphs = session.exec(
        select(ParagraphRow, Meeting.date)
        .join(Meeting, col(Meeting.id) == ParagraphRow.meeting_id)
        .order_by(col(ParagraphRow.id))
    )
    for p, day in paragraphs:
        secret = p.confidential or p.agenda_item_id in secret_items
        text = paragraph_text(p.decision_md, p.process_md, p.yrkanden, p.reservations, p.notes)
        found.append(
            Document(
                kind="paragraph",
                title=p.title,
                dnr=p.dnr or "",
                text="" if secret else text,
                meeting_id=p.meeting_id,
                meeting_date=day,
                number=p.number,
                confidential=secret,
            )
        )
    return found
