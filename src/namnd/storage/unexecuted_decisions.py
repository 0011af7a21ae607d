"""The register of ej verkställda gynnande beslut, with the offers made to each person.

Reads return ``rules.unexecuted_decisions.UnexecutedDecision`` values, so the quarterly
rules and the report never see a session. Edits are guarded by a version number like the
ärende editor.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlmodel import Session, col, select

from namnd.domain.delegation_tables import UnexecutedDecisionRow, UnexecutedOfferRow
from namnd.errors import InvalidInput, NotFound
from namnd.rules.unexecuted_decisions import UnexecutedDecision, UnexecutedOffer, check_decision
from namnd.storage.optimistic import save_versioned

EDITABLE = (
    "law", "insats", "lagrum", "decision_date", "sex", "executed_on",
    "interrupted_on", "reason", "reason_text",
)  # fmt: skip


def _decision(row: UnexecutedDecisionRow, offers: list[UnexecutedOfferRow]) -> UnexecutedDecision:
    return UnexecutedDecision(
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
        offers=tuple(UnexecutedOffer(o.offered_on, o.answer) for o in offers),
    )


def list_decisions(*, session: Session, organ_id: int | None = None) -> list[UnexecutedDecision]:
    """Every registered beslut in the order entered, with its offers by date."""
    query = select(UnexecutedDecisionRow).order_by(col(UnexecutedDecisionRow.id))
    if organ_id is not None:
        query = query.where(UnexecutedDecisionRow.organ_id == organ_id)
    rows = session.exec(query).all()
    offers: dict[int, list[UnexecutedOfferRow]] = {}
    ids = [r.id for r in rows]
    if ids:
        for offer in session.exec(
            select(UnexecutedOfferRow)
            .where(col(UnexecutedOfferRow.decision_id).in_(ids))
            .order_by(col(UnexecutedOfferRow.offered_on))
        ):
            offers.setdefault(offer.decision_id, []).append(offer)
    return [_decision(r, offers.get(r.id, [])) for r in rows]


def _same(row: UnexecutedDecisionRow, decision: UnexecutedDecision) -> bool:
    d = decision
    return (row.law, row.insats, row.lagrum, row.decision_date, row.interrupted_on, row.sex) == (
        d.law, d.insats, d.lagrum, d.decision_date, d.interrupted_on, d.sex,
    )  # fmt: skip


def add_decision(
    *, session: Session, organ_id: int, decision: UnexecutedDecision, by: str
) -> int | None:
    """Register a beslut with its offers; None if the same beslut is already there."""
    _check(decision)
    existing = session.exec(
        select(UnexecutedDecisionRow).where(
            UnexecutedDecisionRow.organ_id == organ_id,
            UnexecutedDecisionRow.decision_date == decision.decision_date,
        )
    ).all()
    if any(_same(row, decision) for row in existing):
        return None
    fields = {f: getattr(decision, f) for f in EDITABLE}
    row = UnexecutedDecisionRow(
        organ_id=organ_id, updated_by=by, updated_at=dt.datetime.now(dt.UTC), **fields
    )
    session.add(row)
    session.flush()
    assert row.id is not None  # flushed
    for offer in decision.offers:
        session.add(
            UnexecutedOfferRow(decision_id=row.id, offered_on=offer.offered_on, answer=offer.answer)
        )
    return row.id


def update_decision(
    *, session: Session, decision_id: int, version: int, changes: dict, by: str
) -> int:
    """Change fields of a beslut (StaleEdit if someone saved first); the new version."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    row = _get(session, decision_id)
    # The rules see the beslut as it would be saved, before anything is written.
    _check(_decision(UnexecutedDecisionRow(**(row.model_dump() | changes)), []))
    return save_versioned(
        session,
        UnexecutedDecisionRow,
        decision_id,
        {**changes, "updated_by": by, "updated_at": dt.datetime.now(dt.UTC)},
        version=version,
        conflict="Någon annan har ändrat beslutet under tiden; läs in det igen.",
        missing=f"Det finns inget registrerat beslut med id {decision_id}.",
    )


def _check(decision: UnexecutedDecision) -> None:
    """``check_decision``, the message naming the beslut (the caller's transaction rolls back)."""
    try:
        check_decision(decision)
    except InvalidInput as err:
        raise InvalidInput(
            f"Beslutet {decision.decision_date.isoformat()} ({decision.insats}): {err}"
        ) from None


def add_offer(
    *, session: Session, decision_id: int, offer: UnexecutedOffer, note: str = ""
) -> None:
    """Record an erbjudande (and its answer, when there is one)."""
    _get(session, decision_id)
    session.add(
        UnexecutedOfferRow(
            decision_id=decision_id, offered_on=offer.offered_on, answer=offer.answer, note=note
        )
    )


def delete_decision(*, session: Session, decision_id: int) -> None:
    """Remove a beslut and its offers (registered in error, or gallrad)."""
    row = _get(session, decision_id)
    session.execute(
        delete(UnexecutedOfferRow).where(col(UnexecutedOfferRow.decision_id) == decision_id)
    )
    session.delete(row)


def version_of(*, session: Session, decision_id: int) -> int:
    """The current version, for an editor that loads a beslut before saving it."""
    return _get(session, decision_id).version


def _get(session: Session, decision_id: int) -> UnexecutedDecisionRow:
    row = session.get(UnexecutedDecisionRow, decision_id)
    if row is None:
        raise NotFound(f"Det finns inget registrerat beslut med id {decision_id}.")
    return row
