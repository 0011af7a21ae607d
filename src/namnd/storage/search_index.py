"""Keeping the search index (``searchtext``) in step with the ärenden and §§.

Every ORM flush that adds, changes or deletes an ärende, a § or an agenda item rewrites
the index rows of what it touched, in the same transaction, so the index can never lag
behind (a crash loses both or neither). The text is folded here, in Python, with the
same ``str.casefold`` the query words get: the database only has to find substrings,
never to fold, so SQLite and PostgreSQL find exactly the same hits.

A § is sekretess when it is flagged or its ärende is (as ``storage.confidential``
reads it); then only its dnr and rubrik are indexed.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from sqlalchemy import Connection, and_, delete, event, insert, or_, select
from sqlalchemy.orm import Session

from namnd.domain.models import AgendaItem, Arende, ParagraphRow
from namnd.domain.search_tables import SearchText

#: The objects SQLite and PostgreSQL need beside ``searchtext`` (made by migration 0015,
#: not by the metadata); Alembic's comparison leaves them alone.
FTS_TABLE = "search_fts"
TRGM_PREFIX = "ix_searchtext_trgm_"

_ARENDE = Arende.__table__
_PARAGRAPH = ParagraphRow.__table__
_ITEM = AgendaItem.__table__
_INDEX = SearchText.__table__


def modelled(name: str | None, type_: str, _parent: object = None) -> bool:
    """Alembic's ``include_name``: False for what no model describes.

    That is the FTS5 table (with its shadow tables) and the pg_trgm indexes, which the
    migration makes by hand.
    """
    hand_made = name is not None and (name.startswith(FTS_TABLE) or name.startswith(TRGM_PREFIX))
    return not (type_ in ("table", "index") and hand_made)


def arende_text(proposal: list[str] | None, summary: str, body: str, ref: str | None) -> str:
    """The text an ärende is found by: its att-satser, sammanfattning, text and extern dnr."""
    return "\n".join([*(proposal or []), summary, body, ref or ""])


def paragraph_text(decision: str, process: str, *said: list[dict]) -> str:
    """The text a § is found by: beslut, beslutsgång and who moved, reserved or noted what.

    "vad yrkade Omar Haddad?" finds the §.
    """
    parts = []
    for entry in (entry for entries in said for entry in entries):
        parts.append(" ".join(entry.get("by", [])))
        parts += [entry.get(key, "") for key in ("text", "reason", "written")]
    return "\n".join([decision, process, *(p for p in parts if p)])


def _row(kind: str, ref_id: int, dnr: str | None, title: str, text: str, secret: bool) -> dict:
    return {
        "kind": kind,
        "ref_id": ref_id,
        "dnr": (dnr or "").casefold(),
        "title": title.casefold(),
        "body": "" if secret else text.casefold(),
        "confidential": secret,
    }


def _arende_rows(connection: Connection, ids: Iterable[int] | None) -> list[dict]:
    a = _ARENDE.c
    query = select(
        a.id, a.dnr, a.title, a.proposal, a.summary_md, a.body_md, a.external_ref, a.confidential
    )
    if ids is not None:
        query = query.where(a.id.in_(list(ids)))
    return [
        _row(
            "arende",
            r.id,
            r.dnr,
            r.title,
            arende_text(r.proposal, r.summary_md, r.body_md, r.external_ref),
            bool(r.confidential),
        )
        for r in connection.execute(query)
    ]


def _paragraph_rows(connection: Connection, ids: Iterable[int] | None) -> list[dict]:
    p, a, i = _PARAGRAPH.c, _ARENDE.c, _ITEM.c
    query = (
        select(
            p.id,
            p.dnr,
            p.title,
            p.decision_md,
            p.process_md,
            p.yrkanden,
            p.reservations,
            p.notes,
            p.confidential,
            a.confidential.label("arende_secret"),
        )
        .outerjoin_from(_PARAGRAPH, _ITEM, i.id == p.agenda_item_id)
        .outerjoin(_ARENDE, a.id == i.arende_id)
    )
    if ids is not None:
        query = query.where(p.id.in_(list(ids)))
    return [
        _row(
            "paragraph",
            r.id,
            r.dnr,
            r.title,
            paragraph_text(r.decision_md, r.process_md, r.yrkanden, r.reservations, r.notes),
            bool(r.confidential or r.arende_secret),
        )
        for r in connection.execute(query)
    ]


def rebuild(connection: Connection) -> None:
    """Index every ärende and § anew (the migration, and bulk loads that bypass the ORM)."""
    connection.execute(delete(_INDEX))
    _insert(connection, _arende_rows(connection, None) + _paragraph_rows(connection, None))


def refresh(
    connection: Connection,
    *,
    arenden: AbstractSet[int] = frozenset(),
    paragraphs: AbstractSet[int] = frozenset(),
    items: AbstractSet[int] = frozenset(),
) -> None:
    """Rewrite the index rows of these ärenden and §§ (and the §§ their sekretess reaches)."""
    paragraphs = set(paragraphs)
    if arenden or items:
        p, i = _PARAGRAPH.c, _ITEM.c
        reached = select(p.id).join_from(_PARAGRAPH, _ITEM, i.id == p.agenda_item_id)
        reached = reached.where(or_(i.arende_id.in_(list(arenden)), i.id.in_(list(items))))
        paragraphs |= set(connection.execute(reached).scalars())
    for kind, ids in (("arende", arenden), ("paragraph", paragraphs)):
        if ids:
            connection.execute(
                delete(_INDEX).where(and_(_INDEX.c.kind == kind, _INDEX.c.ref_id.in_(list(ids))))
            )
    rows = (_arende_rows(connection, arenden) if arenden else []) + (
        _paragraph_rows(connection, paragraphs) if paragraphs else []
    )
    _insert(connection, rows)


def _insert(connection: Connection, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(_INDEX), rows)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: object) -> None:
    """Reindex what the flush wrote; the ORM state still shows what was new, dirty, deleted."""
    touched: dict[type, set[int]] = {Arende: set(), ParagraphRow: set(), AgendaItem: set()}
    for obj in (*session.new, *session.dirty, *session.deleted):
        ids = touched.get(type(obj))
        if ids is not None and obj.id is not None:
            ids.add(obj.id)
    if any(touched.values()):
        refresh(
            session.connection(),
            arenden=touched[Arende],
            paragraphs=touched[ParagraphRow],
            items=touched[AgendaItem],
        )
