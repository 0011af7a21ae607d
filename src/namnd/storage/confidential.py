"""Every confidential text in the database, and the public text beside it, for the gate.

Confidential: everything of a sekretess ärende but its rubrik (the public kallelse keeps
number, rubrik and dnr), its bilagor and anmälda handlingar; a sekretess bilaga or anmäld
handling of any ärende; every text of a sekretess § and of a § whose ärende is sekretess
(even when the § itself lacks the flag); the rättelser of such §§; every row of an
imported delegation list; the comments on ej verkställda beslut and their erbjudanden.

Public: the rest of the ärenden and §§, every rubrik, the organs' names, the
delegationsordning and the delegationsbeslut listed in the kallelse, places. A
20-character run that also occurs there is not a leak.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from sqlmodel import Session, col, select

from namnd.domain.delegation_tables import (
    DelegationListImport,
    DelegationListRow,
    UnexecutedDecisionRow,
    UnexecutedOfferRow,
)
from namnd.domain.models import (
    AgendaItem,
    AnnouncedDocument,
    Arende,
    Attachment,
    DelegationCode,
    DelegationDecision,
    Meeting,
    Organ,
    ParagraphRow,
)
from namnd.domain.protocol_tables import CorrectionRow, ProtocolRecord
from namnd.formats.agenda_markdown import ADMIN_PROPOSAL, BODY, PREAMBLE, PROPOSAL, SUMMARY
from namnd.formats.protocol_markdown import DECISION, NOTES, PROCESS, RESERVATIONS, VOTE, YRKANDEN
from namnd.rules.delegation_summary import classify
from namnd.rules.public_check import Secret
from namnd.rules.small_counts import THRESHOLD


def confidential_texts(*, session: Session) -> list[Secret]:
    """Every confidential text once, with the first place it was found."""
    seen: dict[str, Secret] = {}
    for secret in _secrets(session):
        text = secret.text.strip()
        if text and text not in seen:
            seen[text] = Secret(text, secret.source)
    return list(seen.values())


def public_texts(*, session: Session) -> list[str]:
    """Text that is public by rule wherever it occurs: names, rubriker, delegationsordning."""
    texts: list[str] = [arende.title for arende, _ in _arenden(session).values()]
    texts += (paragraph.title for paragraph, _, _ in _paragraphs(session))
    for organ in session.exec(select(Organ)):
        texts += [organ.name, organ.administration]
    texts += session.exec(select(DelegationCode.subject))
    texts += session.exec(select(DelegationDecision.subject))
    for meeting in session.exec(select(Meeting)):
        texts += [meeting.place, meeting.justering_text]
    for record in session.exec(select(ProtocolRecord)):
        texts += [record.justering_place, record.archive]
    texts += _insats_categories(session)
    return [text for text in dict.fromkeys(texts) if text]


def _insats_categories(session: Session) -> list[str]:
    """Insatser named in at least ``THRESHOLD`` delegation rows: a category, not a person.

    As with published counts, what three or more beslut share singles no one out, and the
    förvaltning's own texts name these insatser ("biträde av kontaktperson").
    """
    rows = session.exec(select(DelegationListRow.decision, DelegationListRow.rejection_reason))
    counts = Counter(classify(decision, reason).insats for decision, reason in rows)
    return [insats for insats, count in counts.items() if count >= THRESHOLD]


def public_sources(*, session: Session) -> list[str]:
    """The public text of each public ärende with its §§ and bilagor, one text apiece.

    What a public field says may be printed: the gate looks for what only confidential
    text says, i.e. a renderer that printed a confidential field.
    """
    by_arende: dict[int, list[str]] = {}
    for arende, _ in _arenden(session).values():
        if not arende.confidential:
            assert arende.id is not None  # a stored ärende
            by_arende[arende.id] = [text for _, text in _arende_fields(arende)]
    for table in (Attachment, AnnouncedDocument):
        public = select(table.arende_id, table.title).where(col(table.confidential).is_(False))
        for arende_id, title in session.exec(public):
            by_arende.get(arende_id, []).append(title)
    loose: list[str] = []
    items = dict(session.exec(select(AgendaItem.id, AgendaItem.arende_id)).all())
    for paragraph, _, secret in _paragraphs(session):
        if secret:
            continue
        texts = [text for _, text in _paragraph_fields(paragraph)]
        owner = items.get(paragraph.agenda_item_id)
        if owner is not None and owner in by_arende:
            by_arende[owner] += texts
        else:
            loose.append("\n".join(texts))
    return ["\n".join(texts) for texts in by_arende.values()] + loose


def _secrets(session: Session) -> Iterator[Secret]:
    arenden = _arenden(session)
    for arende, where in arenden.values():
        if arende.confidential:
            for field, text in _arende_fields(arende):
                yield Secret(text, f"{where}, {field}")
    for row in session.exec(
        select(Attachment).order_by(col(Attachment.arende_id), col(Attachment.position))
    ):
        arende, where = arenden[row.arende_id]
        if row.confidential or arende.confidential:
            yield Secret(row.title, f"{where}, bilaga {row.position}")
    announced = select(AnnouncedDocument).order_by(
        col(AnnouncedDocument.arende_id), col(AnnouncedDocument.position)
    )
    for document in session.exec(announced):
        arende, where = arenden[document.arende_id]
        if document.confidential or arende.confidential:
            yield Secret(document.title, f"{where}, anmäld handling {document.position}")
    secret_paragraphs: set[tuple[int, int]] = set()
    for paragraph, day, secret in _paragraphs(session):
        if secret:
            secret_paragraphs.add((paragraph.meeting_id, paragraph.number))
            where = f"§ {paragraph.number} den {day.isoformat()}"
            for field, text in _paragraph_fields(paragraph):
                yield Secret(text, f"{where}, {field}")
    corrections = session.exec(
        select(CorrectionRow, col(Meeting.date)).join(
            Meeting, col(Meeting.id) == CorrectionRow.meeting_id
        )
    )
    for correction, day in corrections:
        if (correction.meeting_id, correction.number) in secret_paragraphs:
            where = f"rättelsen i § {correction.number} den {day.isoformat()}"
            yield Secret(correction.what, f"{where}, Vad som rättats")
            yield Secret(correction.reason, f"{where}, Skäl")
    yield from _personal_rows(session)


def _personal_rows(session: Session) -> Iterator[Secret]:
    """Delegation list rows and ej verkställda beslut: personal data, all of it."""
    rows = session.exec(
        select(DelegationListRow, DelegationListImport)
        .join(DelegationListImport, col(DelegationListImport.id) == DelegationListRow.import_id)
        .order_by(col(DelegationListRow.import_id), col(DelegationListRow.line))
    )
    for row, batch in rows:
        where = f"delegationslistan {batch.list_name} ({batch.period}), rad {row.line}"
        yield Secret(row.decision, f"{where}, Beslut")
        yield Secret(row.rejection_reason, f"{where}, Anledning till avslag")
    decisions = {decision.id: decision for decision in session.exec(select(UnexecutedDecisionRow))}
    for decision in decisions.values():
        yield Secret(decision.reason_text, f"{_decision_where(decision)}, Övriga kommentarer")
    for offer in session.exec(select(UnexecutedOfferRow)):
        decision = decisions[offer.decision_id]
        yield Secret(
            offer.note, f"{_decision_where(decision)}, erbjudandet {offer.offered_on.isoformat()}"
        )


def _decision_where(decision: UnexecutedDecisionRow) -> str:
    return f"ej verkställt beslut ({decision.insats}, beslut {decision.decision_date.isoformat()})"


def _arenden(session: Session) -> dict[int, tuple[Arende, str]]:
    """Every ärende and how a message names it: 'ärende 7 den 2019-09-19 (von/2019:35)'."""
    rows = session.exec(
        select(Arende, col(AgendaItem.position), col(Meeting.date))
        .outerjoin(AgendaItem, col(AgendaItem.arende_id) == col(Arende.id))
        .outerjoin(Meeting, col(Meeting.id) == col(AgendaItem.meeting_id))
        .order_by(col(Arende.id), col(Meeting.date))
    )
    found: dict[int, tuple[Arende, str]] = {}
    for arende, position, day in rows:
        assert arende.id is not None  # a stored ärende
        if arende.id in found:
            continue
        dnr = f" ({arende.dnr})" if arende.dnr else ""
        if position is not None and isinstance(day, dt.date):
            found[arende.id] = (arende, f"ärende {position} den {day.isoformat()}{dnr}")
        else:
            found[arende.id] = (arende, f"ärendet ”{arende.title}”{dnr}")
    return found


def _arende_fields(arende: Arende) -> list[tuple[str, str]]:
    return [
        (PREAMBLE, arende.preamble_md),
        (PROPOSAL, "\n".join(arende.proposal)),
        (ADMIN_PROPOSAL, "\n".join(arende.administration_proposal or [])),
        (SUMMARY, arende.summary_md),
        (BODY, arende.body_md),
        ("Tjänsteskrivelse", arende.memo_title),
    ]


def _paragraphs(session: Session) -> list[tuple[ParagraphRow, dt.date, bool]]:
    """Every § with its meeting's date and whether it is secret (itself or its ärende)."""
    rows = session.exec(
        select(ParagraphRow, col(Meeting.date), col(Arende.confidential))
        .join(Meeting, col(Meeting.id) == ParagraphRow.meeting_id)
        .outerjoin(AgendaItem, col(AgendaItem.id) == ParagraphRow.agenda_item_id)
        .outerjoin(Arende, col(Arende.id) == AgendaItem.arende_id)
        .order_by(col(Meeting.date), col(ParagraphRow.number))
    )
    return [(p, day, bool(p.confidential or secret)) for p, day, secret in rows]


def _paragraph_fields(paragraph: ParagraphRow) -> list[tuple[str, str]]:
    fields = [(DECISION, paragraph.decision_md), (PROCESS, paragraph.process_md)]
    fields += [(YRKANDEN, m.get("text", "")) for m in paragraph.yrkanden]
    fields += [
        (RESERVATIONS, r.get(key, ""))
        for r in paragraph.reservations
        for key in ("reason", "written")
    ]
    fields += [(NOTES, n.get("text", "")) for n in paragraph.notes]
    vote = paragraph.vote or {}
    fields += [(VOTE, vote.get(key, "")) for key in ("yes_for", "no_for")]
    return fields
