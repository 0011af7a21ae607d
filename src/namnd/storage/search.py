"""The documents search ranks: every ärende on every list, and every § of every protokoll.

A projection of plain columns (no ORM objects), read in one query per kind, so ranking ten
years of a nämnd's work stays a matter of milliseconds (``bench/years.py``).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from namnd.domain.models import AgendaItem, Arende, Meeting, Paragraph
from namnd.services.search import Document


def documents(*, session: Session) -> list[Document]:
    """Ärenden (with the meeting whose list they are on, if any) and §§."""
    found = []
    rows = session.exec(
        select(
            Arende.title,
            Arende.dnr,
            Arende.proposal,
            Arende.summary_md,
            Arende.body_md,
            Arende.external_ref,
            Arende.confidential,
            AgendaItem.position,
            Meeting.id,
            Meeting.date,
        )
        .outerjoin(AgendaItem, col(AgendaItem.arende_id) == col(Arende.id))
        .outerjoin(Meeting, col(Meeting.id) == col(AgendaItem.meeting_id))
    )
    for title, dnr, proposal, summary, body, ref, secret, position, meeting_id, day in rows:
        found.append(
            Document(
                kind="arende",
                title=title,
                dnr=dnr or "",
                text="\n".join([*(proposal or []), summary, body, ref or ""]),
                meeting_id=meeting_id,
                meeting_date=day,
                number=position,
                confidential=secret,
            )
        )
    paragraphs = session.exec(
        select(Paragraph, Meeting.date).join(Meeting, col(Meeting.id) == Paragraph.meeting_id)
    )
    for paragraph, meeting_date in paragraphs:
        text = "\n".join([paragraph.decision_md, paragraph.process_md, *_said(paragraph)])
        found.append(
            Document(
                kind="paragraph",
                title=paragraph.title,
                dnr=paragraph.dnr or "",
                text=text,
                meeting_id=paragraph.meeting_id,
                meeting_date=meeting_date,
                number=paragraph.number,
                confidential=paragraph.confidential,
            )
        )
    return found


def _said(paragraph: Paragraph) -> list[str]:
    """Who moved, reserved or noted what: "vad yrkade Omar Haddad?" finds the §."""
    parts = []
    for entry in (*paragraph.motions, *paragraph.reservations, *paragraph.notes):
        parts.append(" ".join(entry.get("by", [])))
        parts += [entry.get(key, "") for key in ("text", "reason", "written")]
    return [p for p in parts if p]
