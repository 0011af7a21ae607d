"""Placing an ärende that an utskott has berett on its nämnd's föredragningslista.

The utskott's ärende stays its own (its protokoll refers to it); the nämnd gets a copy
registered for itself whose förslag till beslut is the utskott's minuted beslut, with
the förvaltning's förslag kept beside it where they differ. Which organ is whose utskott
is not stored yet: every other organ's §§ are offered and the user's pick decides.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from namnd.domain.models import AgendaItem, Arende, Attachment, Meeting, Organ, ParagraphRow
from namnd.domain.views import UtskottProposal
from namnd.errors import InvalidInput, NotFound
from namnd.rules.utskott import proposal_from_decision, proposal_preamble
from namnd.storage.agenda_editing import place_arende

#: Copied from the utskott's ärende as they are.
_COPIED = (
    "dnr",
    "related_dnrs",
    "external_ref",
    "title",
    "kind",
    "handlers",
    "recipients",
    "memo_date",
    "reply_by",
    "memo_title",
    "summary_md",
    "body_md",
    "signatures",
    "dispatch_to",
    "sent_later",
)


def _carried(session: Session, organ_id: int) -> set[tuple[str | None, str]]:
    """(dnr, rubrik) of the organ's own ärenden: one already there is not offered again."""
    return set(session.exec(select(Arende.dnr, Arende.title).where(Arende.organ_id == organ_id)))


def utskott_proposals(*, session: Session, meeting_id: int) -> list[UtskottProposal]:
    """§§ with a beslut, of other organs' meetings up to this one's day, newest first."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("Sammanträdet finns inte längre.")
    rows = session.exec(
        select(ParagraphRow, Meeting, Organ, Arende)
        .join(Meeting, col(Meeting.id) == col(ParagraphRow.meeting_id))
        .join(Organ, col(Organ.id) == col(ParagraphRow.organ_id))
        .join(AgendaItem, col(AgendaItem.id) == col(ParagraphRow.agenda_item_id))
        .join(Arende, col(Arende.id) == col(AgendaItem.arende_id))
        .where(
            ParagraphRow.organ_id != meeting.organ_id,
            ParagraphRow.decision_md != "",
            Meeting.date <= meeting.date,
        )
        .order_by(col(Meeting.date).desc(), col(ParagraphRow.number))
    )
    carried = _carried(session, meeting.organ_id)
    return [
        UtskottProposal(
            paragraph_id=paragraph.id,
            organ_name=organ.name,
            date=held.date,
            number=paragraph.number,
            title=arende.title,
            dnr=arende.dnr,
        )
        for paragraph, held, organ, arende in rows
        if (arende.dnr, arende.title) not in carried
    ]


def place_from_utskott(
    *, session: Session, meeting_id: int, paragraph_id: int, by: str = ""
) -> AgendaItem:
    """Register the §'s ärende for this meeting's organ with the utskott's förslag; list it."""
    meeting = session.get(Meeting, meeting_id)
    paragraph = session.get(ParagraphRow, paragraph_id)
    if meeting is None or paragraph is None or paragraph.agenda_item_id is None:
        raise NotFound("Paragrafen finns inte längre.")
    if paragraph.organ_id == meeting.organ_id:
        raise InvalidInput("Paragrafen är nämndens egen; välj ett utskotts paragraf.")
    if not paragraph.decision_md.strip():
        raise InvalidInput(f"§ {paragraph.number} har inget beslut att föreslå nämnden.")
    item = session.get(AgendaItem, paragraph.agenda_item_id)
    source = session.get(Arende, item.arende_id) if item else None
    if source is None:
        raise NotFound("Utskottets ärende finns inte längre.")
    if (source.dnr, source.title) in _carried(session, meeting.organ_id):
        raise InvalidInput(f"”{source.title}” finns redan hos nämnden.")
    held = session.get(Meeting, paragraph.meeting_id)
    utskott = session.get(Organ, paragraph.organ_id)
    assert held is not None and utskott is not None  # the §'s meeting and organ (foreign keys)
    proposal = proposal_from_decision(paragraph.decision_md)
    own = source.administration_proposal or source.proposal
    arende = Arende(
        organ_id=meeting.organ_id,
        **{name: getattr(source, name) for name in _COPIED},
        proposal=proposal,
        administration_proposal=list(own) if own and own != proposal else None,
        preamble_md=proposal_preamble(utskott.name, held.date, paragraph.number),
        confidential=source.confidential or paragraph.confidential,
    )
    session.add(arende)
    session.flush()
    assert arende.id is not None  # flushed
    for attachment in session.exec(
        select(Attachment)
        .where(Attachment.arende_id == source.id)
        .order_by(col(Attachment.position))
    ):
        session.add(
            Attachment(
                arende_id=arende.id,
                position=attachment.position,
                title=attachment.title,
                file=attachment.file,
                confidential=attachment.confidential,
                sent_later=attachment.sent_later,
            )
        )
    session.flush()
    return place_arende(session=session, meeting_id=meeting_id, arende_id=arende.id, by=by)
