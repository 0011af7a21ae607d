"""The register of nämnduppdrag: create, list, change with history, återrapportering.

Every write names who made it and leaves a row in ``assignmentchange``. ``försenad``
is never stored: it is read from the due date and today's date each time. A due of the
nämnd's meeting in a month is stored as a date in that month and resolved, on read, to
the last meeting then planned (the month's end until one is).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlmodel import Session, col, select

from namnd.domain.kinds import ArendeKind, AssignmentStatus, DueKind
from namnd.domain.models import AgendaItem, Arende, Assignment, AssignmentChange, Meeting, Organ
from namnd.domain.views import AssignmentChangeView, AssignmentDetail, AssignmentView
from namnd.errors import InvalidInput, NotFound
from namnd.rules.due_phrases import due_label, last_meeting_in
from namnd.storage.optimistic import save_versioned

# Fields an editor may set, with the Swedish words the history shows.
FIELD_LABELS = {
    "text": "uppdrag",
    "assignee": "ansvarig",
    "report_to": "återrapporteras till",
    "given_on": "beslutsdatum",
    "due_date": "senast",
    "due_kind": "typ av tidpunkt",
    "due_text": "tidpunkt enligt beslutet",
    "origin_dnr": "diarienummer",
    "origin_note": "ursprung",
}
_OTHER_LABELS = {
    "created": "registrerat",
    "status": "status",
    "report_arende_id": "återrapporteringsärende",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, AssignmentStatus | DueKind):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _log(session: Session, assignment_id: int, field: str, old, new, by: str, note="") -> None:
    session.add(
        AssignmentChange(
            assignment_id=assignment_id,
            field=field,
            old_value=_text(old),
            new_value=_text(new),
            note=note,
            changed_by=by,
            changed_at=_now(),
        )
    )


def _assignment(session: Session, assignment_id: int) -> Assignment:
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFound(f"Det finns inget nämnduppdrag med id {assignment_id}.")
    return assignment


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(FIELD_LABELS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not str(fields.get("text", "x")).strip():
        raise InvalidInput("Ett nämnduppdrag måste ha en text.")


def _check_due(assignment: Assignment, changes: dict | None = None) -> None:
    """A kind of due needs a date (``changes`` as they would be applied)."""
    changes = changes or {}
    kind = changes.get("due_kind", assignment.due_kind)
    if kind is not None and changes.get("due_date", assignment.due_date) is None:
        raise InvalidInput("Typ av tidpunkt kräver ett datum.")


def _save(session: Session, assignment: Assignment, values: dict, version: int | None) -> None:
    """Write ``values`` if nobody changed the uppdrag since ``version`` (None: no check)."""
    assert assignment.id is not None  # a stored uppdrag
    save_versioned(
        session,
        Assignment,
        assignment.id,
        values,
        version=version,
        conflict=(
            f"Uppdraget har ändrats av någon annan sedan du öppnade det (”{assignment.text}”). "
            "Inget skrevs över: öppna det igen och gör om ändringen."
        ),
        missing=f"Det finns inget nämnduppdrag med id {assignment.id}.",
    )


def create_assignment(
    *,
    session: Session,
    organ_id: int,
    fields: dict,
    by: str,
    origin_meeting_id: int | None = None,
    origin_arende_id: int | None = None,
    origin_paragraph_id: int | None = None,
) -> Assignment:
    """Register an uppdrag (``fields`` from :data:`FIELD_LABELS`); its history starts here."""
    _check_fields(fields)
    if "text" not in fields:
        raise InvalidInput("Ett nämnduppdrag måste ha en text.")
    assignment = Assignment(
        organ_id=organ_id,
        origin_meeting_id=origin_meeting_id,
        origin_arende_id=origin_arende_id,
        origin_paragraph_id=origin_paragraph_id,
        **fields,
    )
    _check_due(assignment)
    if assignment.origin_dnr is None and origin_arende_id is not None:
        arende = session.get(Arende, origin_arende_id)
        assignment.origin_dnr = arende.dnr if arende else None
    session.add(assignment)
    session.flush()
    assert assignment.id is not None  # flushed
    _log(session, assignment.id, "created", None, assignment.text, by)
    session.flush()
    return assignment


def update_assignment(
    *,
    session: Session,
    assignment_id: int,
    changes: dict,
    by: str,
    version: int | None = None,
) -> Assignment:
    """Change editable fields; each real change is logged with its old and new value.

    With ``version`` (as the editor read it) StaleEdit if someone changed it since.
    """
    _check_fields(changes)
    assignment = _assignment(session, assignment_id)
    changed = {k: v for k, v in changes.items() if getattr(assignment, k) != v}
    old = {k: getattr(assignment, k) for k in changed}
    _check_due(assignment, changed)
    if changed:
        _save(session, assignment, changed, version)
        for key, value in changed.items():
            _log(session, assignment_id, key, old[key], value, by)
        session.flush()
    return _assignment(session, assignment_id)


def set_status(
    *,
    session: Session,
    assignment_id: int,
    status: AssignmentStatus,
    by: str,
    on: dt.date | None = None,
    note: str = "",
    version: int | None = None,
) -> Assignment:
    """Move an uppdrag to ``status`` (any direction: reopening is allowed, and logged).

    With ``version`` (as the screen read it) StaleEdit if someone changed it since.
    """
    assignment = _assignment(session, assignment_id)
    if assignment.status != status:
        old = assignment.status
        values = {"status": status, "status_since": on or dt.date.today()}
        _save(session, assignment, values, version)
        _log(session, assignment_id, "status", old, status, by, note)
        session.flush()
    return _assignment(session, assignment_id)


def link_report_back(*, session: Session, assignment_id: int, arende_id: int, by: str) -> None:
    """Record that an återrapportering ärende answers this uppdrag."""
    assignment = _assignment(session, assignment_id)
    arende = session.get(Arende, arende_id)
    if arende is None:
        raise NotFound(f"Det finns inget ärende med id {arende_id}.")
    if arende.kind is not ArendeKind.REPORT_BACK:
        raise InvalidInput(
            f"Ärendet ”{arende.title}” är inget återrapporteringsärende (typ {arende.kind.label})."
        )
    if assignment.report_arende_id != arende_id:
        _log(session, assignment_id, "report_arende_id", assignment.report_arende_id, arende_id, by)
        _save(session, assignment, {"report_arende_id": arende_id}, None)
        session.flush()


def report_backs_for(*, session: Session, arende_id: int) -> list[Assignment]:
    """The uppdrag an återrapportering ärende answers."""
    return list(
        session.exec(
            select(Assignment)
            .where(Assignment.report_arende_id == arende_id)
            .order_by(col(Assignment.id))
        )
    )


def decide_report_back(
    *,
    session: Session,
    arende_id: int,
    by: str,
    decided_on: dt.date | None = None,
    keep_open: Collection[int] = (),
) -> list[Assignment]:
    """Mark the återrapportering decided; its open uppdrag become återrapporterade.

    ``keep_open`` names uppdrag the nämnd did not consider answered: they stay open
    (ej påbörjad becomes pågår) and the history says so. ``decided_on`` defaults to the
    last meeting the ärende stands on. Returns the uppdrag that were återrapporterade.
    """
    arende = session.get(Arende, arende_id)
    if arende is None:
        raise NotFound(f"Det finns inget ärende med id {arende_id}.")
    day = decided_on or _meeting_of(session, arende_id) or dt.date.today()
    arende.decided = True
    answered: list[Assignment] = []
    where = f"ärende {arende.dnr or arende.id} ”{arende.title}”"
    for assignment in report_backs_for(session=session, arende_id=arende_id):
        if not assignment.status.is_open:
            continue
        assert assignment.id is not None  # a stored uppdrag
        if assignment.id in keep_open:
            note = f"Återrapporteringen ({where}) behandlad; uppdraget hålls öppet."
            if assignment.status is AssignmentStatus.NOT_STARTED:
                set_status(
                    session=session,
                    assignment_id=assignment.id,
                    status=AssignmentStatus.IN_PROGRESS,
                    by=by,
                    on=day,
                    note=note,
                )
            else:
                _log(
                    session, assignment.id, "status", assignment.status, assignment.status, by, note
                )
            continue
        set_status(
            session=session,
            assignment_id=assignment.id,
            status=AssignmentStatus.REPORTED,
            by=by,
            on=day,
            note=f"Återrapporterad genom {where}.",
        )
        answered.append(assignment)
    session.flush()
    return answered


def _meeting_of(session: Session, arende_id: int) -> dt.date | None:
    return session.exec(
        select(col(Meeting.date))
        .join(AgendaItem, col(AgendaItem.meeting_id) == col(Meeting.id))
        .where(AgendaItem.arende_id == arende_id)
        .order_by(col(Meeting.date).desc())
    ).first()


# --- reading ------------------------------------------------------------------------------


def meeting_dates(*, session: Session, organ_id: int) -> list[dt.date]:
    """The organ's meeting dates (the sammanträdesordning), for due phrases."""
    return list(session.exec(select(col(Meeting.date)).where(Meeting.organ_id == organ_id)))


def list_assignments(
    *,
    session: Session,
    today: dt.date,
    statuses: Collection[AssignmentStatus] = (),
    overdue: bool | None = None,
    due_before: dt.date | None = None,
    organ_code: str | None = None,
    origin_dnr: str | None = None,
) -> list[AssignmentView]:
    """The register, soonest due first (no due last), filtered.

    ``overdue`` True keeps only försenade, False only the rest; ``due_before`` keeps
    those due strictly before that day.
    """
    query = select(Assignment, Organ, Meeting).join(
        Organ, col(Organ.id) == col(Assignment.organ_id)
    )
    query = query.outerjoin(Meeting, col(Meeting.id) == col(Assignment.origin_meeting_id))
    if statuses:
        query = query.where(col(Assignment.status).in_([s.value for s in statuses]))
    if organ_code:
        query = query.where(Organ.code == organ_code)
    if origin_dnr:
        query = query.where(Assignment.origin_dnr == origin_dnr)
    rows = list(session.exec(query.order_by(col(Assignment.id))))
    calendars: dict[int, list[dt.date]] = {}
    views = []
    for assignment, organ, meeting in rows:
        assert organ.id is not None  # a stored organ
        if organ.id not in calendars:
            calendars[organ.id] = meeting_dates(session=session, organ_id=organ.id)
        view = _view(assignment, organ, meeting, calendars[organ.id], today)
        if overdue is not None and view.overdue != overdue:
            continue
        if due_before is not None and (view.due_date is None or view.due_date >= due_before):
            continue
        views.append(view)
    return sorted(views, key=lambda v: (v.due_date is None, v.due_date or dt.date.max, v.id))


def get_assignment(*, session: Session, assignment_id: int, today: dt.date) -> AssignmentDetail:
    """One uppdrag with its history and the title of its återrapportering ärende."""
    assignment = _assignment(session, assignment_id)
    organ = session.get(Organ, assignment.organ_id)
    assert organ is not None and organ.id is not None  # the uppdrag's organ (a foreign key)
    meeting = (
        session.get(Meeting, assignment.origin_meeting_id) if assignment.origin_meeting_id else None
    )
    view = _view(
        assignment, organ, meeting, meeting_dates(session=session, organ_id=organ.id), today
    )
    changes = session.exec(
        select(AssignmentChange)
        .where(AssignmentChange.assignment_id == assignment_id)
        .order_by(col(AssignmentChange.id))
    )
    report = (
        session.get(Arende, assignment.report_arende_id) if assignment.report_arende_id else None
    )
    return AssignmentDetail(
        assignment=view,
        history=[_change_view(c) for c in changes],
        report_arende_title=report.title if report else None,
    )


def _effective_due(assignment: Assignment, meetings: list[dt.date]) -> tuple[dt.date | None, bool]:
    day = assignment.due_date
    if day is None or assignment.due_kind is not DueKind.MEETING_IN_MONTH:
        return day, False
    meeting = last_meeting_in(day.year, day.month, meetings)
    return (meeting, True) if meeting else (day, False)


def _view(
    assignment: Assignment,
    organ: Organ,
    meeting: Meeting | None,
    meetings: list[dt.date],
    today: dt.date,
) -> AssignmentView:
    assert assignment.id is not None  # a stored uppdrag
    due, planned = _effective_due(assignment, meetings)
    kind = assignment.due_kind or DueKind.EXACT_DATE
    return AssignmentView(
        id=assignment.id,
        organ_code=organ.code,
        text=assignment.text,
        assignee=assignment.assignee,
        report_to=assignment.report_to,
        status=assignment.status,
        status_since=assignment.status_since,
        overdue=assignment.status.is_open and due is not None and due < today,
        origin_meeting_id=assignment.origin_meeting_id,
        origin_meeting_date=meeting.date if meeting else None,
        origin_arende_id=assignment.origin_arende_id,
        origin_dnr=assignment.origin_dnr,
        origin_note=assignment.origin_note,
        given_on=assignment.given_on,
        due_date=due,
        due_kind=assignment.due_kind if due else None,
        due_text=assignment.due_text,
        due_label=due_label(kind, due, meeting_planned=planned) if due else "ingen tidpunkt",
        report_arende_id=assignment.report_arende_id,
        version=assignment.version,
    )


def _change_view(change: AssignmentChange) -> AssignmentChangeView:
    old, new = change.old_value, change.new_value
    if change.field == "status":
        old, new = (AssignmentStatus(v).label if v else "" for v in (old, new))
    elif change.field == "due_kind":
        old, new = (DueKind(v).label if v else "" for v in (old, new))
    return AssignmentChangeView(
        field=change.field,
        field_label=FIELD_LABELS.get(change.field) or _OTHER_LABELS.get(change.field, change.field),
        old_value=old,
        new_value=new,
        note=change.note,
        changed_by=change.changed_by,
        changed_at=change.changed_at,
    )
