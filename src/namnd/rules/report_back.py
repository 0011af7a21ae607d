"""Which nämnduppdrag a meeting should hear back on, and the ärende that answers one."""

from __future__ import annotations

import calendar
import datetime as dt

from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import ArendeKind
from namnd.domain.views import AssignmentView

DUE_SOON = dt.timedelta(days=30)


def due_at_meeting(assignments: list[AssignmentView], meeting: dt.date) -> list[AssignmentView]:
    """Open uppdrag due by the end of the meeting's month with no återrapportering yet.

    Uppdrag that report to another body (Socialstyrelsen, say) are not the nämnd's to hear.
    """
    month_end = meeting.replace(day=calendar.monthrange(meeting.year, meeting.month)[1])
    return [
        a
        for a in assignments
        if a.status.is_open
        and a.report_arende_id is None
        and a.due_date is not None
        and a.due_date <= month_end
        and (not a.report_to or "nämnd" in a.report_to.casefold())
    ]


def urgency(assignment: AssignmentView, today: dt.date) -> str:
    """``overdue``, ``soon`` (within 30 days) or ``""``, for highlighting."""
    if assignment.overdue:
        return "overdue"
    if (
        assignment.status.is_open
        and assignment.due_date is not None
        and assignment.due_date - today <= DUE_SOON
    ):
        return "soon"
    return ""


def report_back_fields(assignment: AssignmentView, organ_name: str) -> ArendeChanges:
    """A new återrapportering ärende for ``assignment``, to be completed by its handläggare."""
    text = assignment.text.rstrip(".")
    short = text if len(text) <= 70 else text[:67].rstrip() + " …"
    return ArendeChanges(
        title=f"Återrapportering nämnduppdrag – {short}",
        kind=ArendeKind.REPORT_BACK,
        dnr=assignment.origin_dnr,
        proposal=[f"{organ_name} har tagit del av återrapporteringen."],
        summary_md=f"Uppdraget ({assignment.origin_label}): {assignment.text}",
    )
