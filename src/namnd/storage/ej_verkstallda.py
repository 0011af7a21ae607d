"""The register of ej verkställda gynnande beslut, with the offers made to each person.

Reads return ``rules.ej_verkstallda.Case`` values, so the quarterly rules and the
report never see a session. Edits are guarded by a version number like the ärende editor.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlmodel import Session, col, select

from namnd.domain.delegation_tables import UnexecutedDecision, UnexecutedOffer
from namnd.errors import InvalidInput, NotFound
from namnd.rules.ej_verkstallda import Case, Offer, check_case
from namnd.storage.optimistic import save_versioned

EDITABLE = (
    "law", "insats", "lagrum", "decision_date", "sex", "executed_on",
    "interrupted_on", "reason", "reason_text",
)  # fmt: skip


def _case(row: UnexecutedDecision, offers: list[UnexecutedOffer]) -> Case:
    return Case(
        id=row.id,
        law=row.law,
        insats=row.insats,
        lagrum=row.lagrum,
        decision_date=row.decision_date,
        sex=row.sex,
        executed_on=row.executed_on,
        interrupted_on=row.interrupted_on,
        reason=row.reason,
        reason_text=row.reason_text,
        offers=tuple(Offer(o.offered_on, o.answer) for o in offers),
    )


def list_cases(*, session: Session, organ_id: int | None = None) -> list[Case]:
    """Every registered beslut in the order entered, with its offers by date."""
    query = select(UnexecutedDecision).order_by(col(UnexecutedDecision.id))
    if organ_id is not None:
        query = query.where(UnexecutedDecision.organ_id == organ_id)
    rows = session.exec(query).all()
    offers: dict[int, list[UnexecutedOffer]] = {}
    ids = [r.id for r in rows]
    if ids:
        for offer in session.exec(
            select(UnexecutedOffer)
            .where(col(UnexecutedOffer.decision_id).in_(ids))
            .order_by(col(UnexecutedOffer.offered_on))
        ):
            offers.setdefault(offer.decision_id, []).append(offer)
    return [_case(r, offers.get(r.id, [])) for r in rows]


def _same(row: UnexecutedDecision, case: Case) -> bool:
    return (row.law, row.insats, row.lagrum, row.decision_date, row.interrupted_on, row.sex) == (
        case.law, case.insats, case.lagrum, case.decision_date, case.interrupted_on, case.sex,
    )  # fmt: skip


def add_case(*, session: Session, organ_id: int, case: Case, by: str) -> int | None:
    """Register a beslut with its offers; None if the same beslut is already there."""
    _check(case)
    existing = session.exec(
        select(UnexecutedDecision).where(
            UnexecutedDecision.organ_id == organ_id,
            UnexecutedDecision.decision_date == case.decision_date,
        )
    ).all()
    if any(_same(row, case) for row in existing):
        return None
    fields = {f: getattr(case, f) for f in EDITABLE}
    row = UnexecutedDecision(
        organ_id=organ_id, updated_by=by, updated_at=dt.datetime.now(dt.UTC), **fields
    )
    session.add(row)
    session.flush()
    assert row.id is not None  # flushed
    for offer in case.offers:
        session.add(
            UnexecutedOffer(decision_id=row.id, offered_on=offer.offered_on, answer=offer.answer)
        )
    return row.id


def update_case(*, session: Session, case_id: int, version: int, changes: dict, by: str) -> int:
    """Change fields of a beslut (StaleEdit if someone saved first); the new version."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    row = _get(session, case_id)
    # The rules see the beslut as it would be saved, before anything is written.
    _check(_case(UnexecutedDecision(**(row.model_dump() | changes)), []))
    return save_versioned(
        session,
        UnexecutedDecision,
        case_id,
        {**changes, "updated_by": by, "updated_at": dt.datetime.now(dt.UTC)},
        version=version,
        conflict="Någon annan har ändrat beslutet under tiden; läs in det igen.",
        missing=f"Det finns inget registrerat beslut med id {case_id}.",
    )


def _check(case: Case) -> None:
    """``check_case``, the message naming the beslut (the caller's transaction rolls back)."""
    try:
        check_case(case)
    except InvalidInput as err:
        raise InvalidInput(
            f"Beslutet {case.decision_date.isoformat()} ({case.insats}): {err}"
        ) from None


def add_offer(*, session: Session, case_id: int, offer: Offer, note: str = "") -> None:
    """Record an erbjudande (and its answer, when there is one)."""
    _get(session, case_id)
    session.add(
        UnexecutedOffer(
            decision_id=case_id, offered_on=offer.offered_on, answer=offer.answer, note=note
        )
    )


def delete_case(*, session: Session, case_id: int) -> None:
    """Remove a beslut and its offers (registered in error, or gallrad)."""
    row = _get(session, case_id)
    session.execute(delete(UnexecutedOffer).where(col(UnexecutedOffer.decision_id) == case_id))
    session.delete(row)


def version_of(*, session: Session, case_id: int) -> int:
    """The current version, for an editor that loads a case before saving it."""
    return _get(session, case_id).version


def _get(session: Session, case_id: int) -> UnexecutedDecision:
    row = session.get(UnexecutedDecision, case_id)
    if row is None:
        raise NotFound(f"Det finns inget registrerat beslut med id {case_id}.")
    return row
