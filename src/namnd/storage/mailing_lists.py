"""An organ's sändlistor: the standard ones made on first use, free ones added by name."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from namnd.domain.models import MailingList
from namnd.errors import InvalidInput
from namnd.rules.mailing import FREE, FROM_SEATS, STANDARD_LISTS, ListView, stored_addresses


def list_views(*, session: Session, organ_id: int) -> list[ListView]:
    """The organ's lists, standard ones first; the missing standard ones are added."""
    rows = _rows(session, organ_id)
    kinds = {row.kind for row in rows}
    added = [
        MailingList(organ_id=organ_id, kind=kind, name=name, public=public, addresses=[])
        for kind, name, public in STANDARD_LISTS
        if kind not in kinds
    ]
    if added:
        session.add_all(added)
        session.flush()
        rows = _rows(session, organ_id)
    order = [kind for kind, _, _ in STANDARD_LISTS]
    rows.sort(key=lambda r: (order.index(r.kind) if r.kind in order else len(order), r.id))
    return [ListView(r.name, r.kind, r.public, tuple(r.addresses)) for r in rows]


def add_list(*, session: Session, organ_id: int, name: str, public: bool) -> ListView:
    """A free list (e.g. "Pensionärsrådet") receiving the internal or the public version."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("Sändlistan behöver ett namn.")
    if any(
        v.name.casefold() == name.casefold() for v in list_views(session=session, organ_id=organ_id)
    ):
        raise InvalidInput(f"Det finns redan en sändlista ”{name}”.")
    session.add(MailingList(organ_id=organ_id, kind=FREE, name=name, public=public, addresses=[]))
    session.flush()
    return ListView(name, FREE, public)


def remove_list(*, session: Session, organ_id: int, name: str) -> None:
    """Remove a free list; the standard ones stay (they can be emptied)."""
    row = _row(session, organ_id, name)
    if row.kind != FREE:
        raise InvalidInput(
            f"”{row.name}” är en av nämndens fasta sändlistor och kan inte tas bort."
        )
    session.delete(row)
    session.flush()


def set_public(*, session: Session, organ_id: int, name: str, public: bool) -> ListView:
    """Which version the list receives."""
    row = _row(session, organ_id, name)
    row.public = public
    session.add(row)
    session.flush()
    return ListView(row.name, row.kind, row.public, tuple(row.addresses))


def change_addresses(
    *,
    session: Session,
    organ_id: int,
    name: str,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    replace: Sequence[str] | None = None,
) -> ListView:
    """Add or remove addresses (or set them all); each is checked first, nothing half-done."""
    row = _row(session, organ_id, name)
    if row.kind in FROM_SEATS:
        raise InvalidInput(
            f"”{row.name}” hämtas ur ledamotsregistret: ändra e-post under Ledamöter och ersättare."
        )
    current = list(row.addresses) if replace is None else stored_addresses(replace)
    gone = {_bare(text) for text in remove}
    kept = [text for text in current if _bare(text) not in gone]
    for text in stored_addresses(add):
        if _bare(text) not in {_bare(k) for k in kept}:
            kept.append(text)
    row.addresses = kept
    session.add(row)
    session.flush()
    return ListView(row.name, row.kind, row.public, tuple(kept))


def _bare(text: str) -> str:
    from email.utils import parseaddr

    return (parseaddr(text)[1] or text).strip().casefold()


def _rows(session: Session, organ_id: int) -> list[MailingList]:
    return list(
        session.exec(
            select(MailingList)
            .where(MailingList.organ_id == organ_id)
            .order_by(col(MailingList.id))
        )
    )


def _row(session: Session, organ_id: int, name: str) -> MailingList:
    views = list_views(session=session, organ_id=organ_id)
    from namnd.rules.mailing import find_list

    view = find_list(views, name)
    return next(r for r in _rows(session, organ_id) if r.name == view.name)
