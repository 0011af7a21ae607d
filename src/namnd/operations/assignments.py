"""Nämnduppdrag from decisions into the register, and the demo nämnd's chain of uppdrag.

:func:`propose_for_arende` reads an ärende's att-satser (and its tjänsteskrivelse for
dates) into proposals for the secretary to confirm; :func:`register_proposals` stores
the confirmed ones with their origin. The demo chain follows the seed: the December 2018
genomlysningar, återrapporterade on 19 September 2019 (items 3 and 4), and the new
uppdrag those items and item 5 give.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from sqlmodel import Session, col, select

from namnd.domain.kinds import AssignmentStatus
from namnd.domain.models import AgendaItem, Arende, Assignment, Meeting, Organ
from namnd.domain.protocol import ProtocolParagraph
from namnd.rules.assignment_extraction import ProposedAssignment, extract_assignments
from namnd.rules.due_phrases import read_due
from namnd.storage import assignments
from namnd.storage.store import Store

DEMO_BY = "demo"


_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


def fields_from_proposal(proposal: ProposedAssignment, given_on: dt.date | None) -> dict:
    """Register fields for a proposal; an unreadable due keeps its words and no date."""
    due = proposal.due
    return {
        "text": proposal.text,
        "assignee": proposal.assignee,
        "report_to": proposal.report_to,
        "given_on": given_on,
        "due_date": due.date,
        "due_kind": due.kind,
        "due_text": due.matched.strip(),
    }


def proposals_in(
    session: Session,
    *,
    arende: Arende,
    meeting: Meeting,
    organ: Organ,
    att_satser: list[str] | None = None,
) -> list[ProposedAssignment]:
    """The uppdrag an ärende's proposal gives, dated from the meeting that decides it.

    ``att_satser`` reads the beslut as minuted instead of the kallelse's proposal.
    """
    assert organ.id is not None  # a stored organ
    return extract_assignments(
        arende.proposal if att_satser is None else att_satser,
        given_on=meeting.date,
        meetings=assignments.meeting_dates(session=session, organ_id=organ.id),
        supporting_text="\n".join((arende.summary_md, arende.body_md)),
        default_assignee=organ.administration.lower() if organ.administration else "",
    )


def propose_for_arende(store: Store, arende_id: int, meeting_id: int) -> list[ProposedAssignment]:
    """Proposals for the TUI/CLI to show before anything is registered."""
    with store.session() as session:
        arende, meeting, organ = _context(session, arende_id, meeting_id)
        return proposals_in(session, arende=arende, meeting=meeting, organ=organ)


def propose_for_paragraph(
    store: Store, meeting_id: int, item: int, decision_md: str
) -> tuple[int, list[ProposedAssignment]]:
    """The uppdrag a minuted beslut gives, and the id of the §'s ärende to register them.

    The beslut is read as numbered att-satser, or as one att-sats per line.
    """
    with store.session() as session:
        return _paragraph_proposals(session, meeting_id, item, decision_md)


def _paragraph_proposals(
    session: Session, meeting_id: int, item: int, decision_md: str
) -> tuple[int, list[ProposedAssignment]]:
    att_satser = [
        _NUMBERED.sub("", line).strip() for line in decision_md.splitlines() if line.strip()
    ]
    arende_id = session.exec(
        select(AgendaItem.arende_id).where(
            AgendaItem.meeting_id == meeting_id, AgendaItem.position == item
        )
    ).one()
    arende, meeting, organ = _context(session, arende_id, meeting_id)
    proposals = proposals_in(
        session, arende=arende, meeting=meeting, organ=organ, att_satser=att_satser
    )
    return arende_id, proposals


def register_proposals(
    session: Session,
    *,
    arende: Arende,
    meeting: Meeting,
    proposals: Iterable[ProposedAssignment],
    by: str,
) -> list[Assignment]:
    """Store confirmed proposals with their origin; ones already registered are skipped."""
    assert arende.id is not None and meeting.id is not None  # stored rows
    added = []
    for proposal in proposals:
        if not _registered(session, arende.id, meeting.id, proposal):
            added.append(
                assignments.create_assignment(
                    session=session,
                    organ_id=arende.organ_id,
                    fields=fields_from_proposal(proposal, meeting.date),
                    by=by,
                    origin_meeting_id=meeting.id,
                    origin_arende_id=arende.id,
                )
            )
    return added


def unregistered_in_protocol(
    store: Store, meeting_id: int, paragraphs: Iterable[ProtocolParagraph]
) -> list[tuple[int, ProposedAssignment]]:
    """(§, uppdrag) the minuted beslut give that are not in the register yet.

    Justering asks about these: an uppdrag typed into a beslut at the meeting and never
    confirmed would otherwise never be followed up.
    """
    missing = []
    with store.session() as session:
        for paragraph in paragraphs:
            if paragraph.item is None:
                continue
            arende_id, proposals = _paragraph_proposals(
                session, meeting_id, paragraph.item, paragraph.decision_md
            )
            missing += [
                (paragraph.number, p)
                for p in proposals
                if not _registered(session, arende_id, meeting_id, p)
            ]
    return missing


def _registered(
    session: Session, arende_id: int, meeting_id: int, proposal: ProposedAssignment
) -> bool:
    return (
        session.exec(
            select(Assignment.id).where(
                Assignment.origin_arende_id == arende_id,
                Assignment.origin_meeting_id == meeting_id,
                Assignment.text == proposal.text,
            )
        ).first()
        is not None
    )


def _context(session: Session, arende_id: int, meeting_id: int) -> tuple[Arende, Meeting, Organ]:
    arende = session.get(Arende, arende_id)
    meeting = session.get(Meeting, meeting_id)
    assert arende is not None and meeting is not None  # the caller's stored rows
    organ = session.get(Organ, meeting.organ_id)
    assert organ is not None  # the meeting's organ (a foreign key)
    return arende, meeting, organ


# --- the demo nämnd ------------------------------------------------------------------------

# The uppdrag of December 2018 that seed items 3 and 4 report back on, in the seed's
# words ("Vård- och omsorgsnämnden beslutade i december 2018 att göra en utredning …").
# The seed gives no date of that meeting, and a due only for Myndighet.
DECEMBER_2018 = [
    (
        "von/2018:225",
        "Genomlysning av boendestödet: göra en utredning gällande boendestödet i Botkyrka "
        "kommun för att säkerställa att de medborgare som är i behov av insatsen får sina "
        "behov tillgodosedda",
        "",
    ),
    (
        "von/2018:234",
        "Genomlysning Myndighet: göra en utredning gällande myndighetsutövningen för "
        "äldreomsorg och LSS i Botkyrka kommun för att säkerställa att beslut fattas "
        "rättssäkert och med god kvalitet",
        "på nämndens sammanträde i september 2019",
    ),
]
DEMO_MEETING = dt.date(2019, 9, 19)


def load_demo_assignments(session: Session, organ: Organ) -> int:
    """The seed's chain of uppdrag; returns how many were added (0 on a second run)."""
    meeting = session.exec(
        select(Meeting).where(Meeting.organ_id == organ.id, Meeting.date == DEMO_MEETING)
    ).one()
    arenden = session.exec(
        select(Arende)
        .join(AgendaItem)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(col(AgendaItem.position))
    ).all()
    by_dnr = {a.dnr: a for a in arenden if a.dnr}
    added = sum(
        _december_2018(session, organ, by_dnr[dnr], text, due) for dnr, text, due in DECEMBER_2018
    )
    for arende in arenden:
        proposals = proposals_in(session, arende=arende, meeting=meeting, organ=organ)
        added += len(
            register_proposals(
                session, arende=arende, meeting=meeting, proposals=proposals, by=DEMO_BY
            )
        )
    return added


def _december_2018(
    session: Session, organ: Organ, report: Arende, text: str, due_words: str
) -> int:
    """An uppdrag of December 2018, återrapporterad by ``report`` on 19 September 2019."""
    assert organ.id is not None and report.id is not None  # stored rows
    exists = session.exec(
        select(Assignment).where(Assignment.origin_dnr == report.dnr, Assignment.text == text)
    ).first()
    if exists is not None:
        return 0
    due = (
        read_due(
            due_words,
            meetings=assignments.meeting_dates(session=session, organ_id=organ.id),
        )
        if due_words
        else None
    )
    assignment = assignments.create_assignment(
        session=session,
        organ_id=organ.id,
        fields={
            "text": text,
            "assignee": organ.administration.lower(),
            "report_to": "nämnden",
            "origin_dnr": report.dnr,
            "origin_note": "beslut i december 2018",
            "due_date": due.date if due else None,
            "due_kind": due.kind if due else None,
            "due_text": due_words,
        },
        by=DEMO_BY,
    )
    assert assignment.id is not None  # a stored uppdrag
    assignments.set_status(
        session=session,
        assignment_id=assignment.id,
        status=AssignmentStatus.IN_PROGRESS,
        by=DEMO_BY,
        on=dt.date(2018, 12, 31),
        note="Utredningen upphandlad (Ramböll).",
    )
    assignments.link_report_back(
        session=session, assignment_id=assignment.id, arende_id=report.id, by=DEMO_BY
    )
    assignments.decide_report_back(session=session, arende_id=report.id, by=DEMO_BY)
    return 1


def confirm_proposals(
    store: Store,
    arende_id: int,
    meeting_id: int,
    proposals: Iterable[ProposedAssignment],
    *,
    by: str,
) -> int:
    """Register the proposals the secretary confirmed (or corrected); how many were new."""
    with store.session() as session:
        arende, meeting, _organ = _context(session, arende_id, meeting_id)
        return len(
            register_proposals(session, arende=arende, meeting=meeting, proposals=proposals, by=by)
        )
