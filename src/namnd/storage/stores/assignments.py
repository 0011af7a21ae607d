"""``store.assignments``: the register of nämnduppdrag (försenad is derived, not stored).

Every write names who made it and goes to the uppdrag's history. The storage module
is imported where used: its tables would otherwise cost the TUI's first paint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from namnd.storage.stores._part import Part

if TYPE_CHECKING:
    from namnd.domain.changes import AssignmentChanges
    from namnd.domain.kinds import AssignmentStatus
    from namnd.domain.views import AssignmentDetail, AssignmentView


class AssignmentStore(Part):
    """Find, register and change nämnduppdrag and their återrapportering."""

    def find(
        self,
        *,
        statuses: Collection[AssignmentStatus] = (),
        overdue: bool | None = None,
        due_before: dt.date | None = None,
        origin_dnr: str | None = None,
        today: dt.date | None = None,
        organ_code: str | None = None,
    ) -> list[AssignmentView]:
        """The register of nämnduppdrag, soonest due first, filtered (by organ if named)."""
        from namnd.storage import assignments

        with self._read() as session:
            return assignments.list_assignments(
                session=session,
                today=today or dt.date.today(),
                statuses=statuses,
                overdue=overdue,
                due_before=due_before,
                origin_dnr=origin_dnr,
                organ_code=organ_code,
            )

    def get(self, assignment_id: int, *, today: dt.date | None = None) -> AssignmentDetail:
        """One uppdrag with its history (who changed what, when)."""
        from namnd.storage import assignments

        with self._read() as session:
            return assignments.get_assignment(
                session=session, assignment_id=assignment_id, today=today or dt.date.today()
            )

    def add(
        self,
        organ_id: int,
        fields: AssignmentChanges,
        *,
        by: str,
        origin_meeting_id: int | None = None,
        origin_arende_id: int | None = None,
    ) -> int:
        """Register an uppdrag (``fields.text`` at least); its id."""
        from namnd.storage import assignments

        assignment = self._write(
            assignments.create_assignment,
            organ_id=organ_id,
            fields=fields.as_dict(),
            by=by,
            origin_meeting_id=origin_meeting_id,
            origin_arende_id=origin_arende_id,
        )
        assert assignment.id is not None  # flushed
        return assignment.id

    def update(
        self,
        assignment_id: int,
        changes: AssignmentChanges,
        *,
        by: str,
        version: int | None = None,
    ) -> None:
        """Change an uppdrag's text, assignee, due …; each change goes to its history.

        With ``version`` (``AssignmentView.version``) StaleEdit if someone changed it since.
        """
        from namnd.storage import assignments

        self._write(
            assignments.update_assignment,
            assignment_id=assignment_id,
            changes=changes.as_dict(),
            by=by,
            version=version,
        )

    def set_status(
        self,
        assignment_id: int,
        status: AssignmentStatus,
        *,
        by: str,
        note: str = "",
        version: int | None = None,
    ) -> None:
        """Ej påbörjad, pågår, återrapporterad, avslutad (any direction, logged).

        With ``version`` (``AssignmentView.version``) StaleEdit if someone changed it since.
        """
        from namnd.storage import assignments

        self._write(
            assignments.set_status,
            assignment_id=assignment_id,
            status=status,
            by=by,
            note=note,
            version=version,
        )

    def link_report_back(self, assignment_id: int, arende_id: int, *, by: str) -> None:
        """Record that an återrapportering ärende answers the uppdrag."""
        from namnd.storage import assignments

        self._write(
            assignments.link_report_back,
            assignment_id=assignment_id,
            arende_id=arende_id,
            by=by,
        )

    def decide_report_back(
        self, arende_id: int, *, by: str, keep_open: Collection[int] = ()
    ) -> list[int]:
        """Mark the återrapportering decided; ids of the uppdrag now återrapporterade."""
        from namnd.storage import assignments

        answered = self._write(
            assignments.decide_report_back, arende_id=arende_id, by=by, keep_open=keep_open
        )
        return [a.id for a in answered if a.id is not None]
