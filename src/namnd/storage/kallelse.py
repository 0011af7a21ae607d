"""The kallelse around the list: its details, its status log and its late changes."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, delete, select

from namnd.domain.kinds import MeetingStatus
from namnd.domain.models import GroupMeeting, LateChange, Meeting, MeetingStatusChange
from namnd.errors import NotFound
from namnd.rules.kallelse_flow import check_transition, is_late
from namnd.rules.plain_text import cleaned
from namnd.storage.optimistic import claim, save_versioned

# Kallelse details an editor may change on the meeting itself.
DETAILS = frozenset(
    {
        "date",
        "start_time",
        "place",
        "kallelse_date",
        "justering_text",
        "chair_name",
        "secretary_name",
        "secretary_title",
    }
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Det finns inget sammanträde med id {meeting_id}.")
    return meeting


def set_status(
    *, session: Session, meeting_id: int, target: MeetingStatus, by: str
) -> MeetingStatusChange:
    """Move the kallelse to ``target`` if the flow allows it, and log who and when."""
    # Claimed first, so two moves at once are checked one after the other.
    claim(session, Meeting, col(Meeting.id) == meeting_id)
    meeting = _meeting(session, meeting_id)
    check_transition(meeting.status, target)
    change = MeetingStatusChange(
        meeting_id=meeting_id,
        from_status=meeting.status,
        to_status=target,
        changed_by=by,
        changed_at=_now(),
    )
    meeting.status = target
    meeting.version += 1
    session.add(change)
    session.flush()
    return change


def status_history(*, session: Session, meeting_id: int) -> list[MeetingStatusChange]:
    """The meeting's status changes, oldest first."""
    return list(
        session.exec(
            select(MeetingStatusChange)
            .where(MeetingStatusChange.meeting_id == meeting_id)
            .order_by(col(MeetingStatusChange.id))
        )
    )


def note_if_late(
    *, session: Session, meeting: Meeting, title: str, label: str, description: str, by: str
) -> None:
    """Log a tillägg/ändring when the kallelse has already gone out."""
    if is_late(meeting.status):
        assert meeting.id is not None  # a stored meeting
        session.add(
            LateChange(
                meeting_id=meeting.id,
                arende_title=title,
                label=label,
                description=description,
                changed_by=by,
                changed_at=_now(),
            )
        )


def late_changes(*, session: Session, meeting_id: int) -> list[LateChange]:
    """Changes made after utskick, oldest first."""
    return list(
        session.exec(
            select(LateChange)
            .where(LateChange.meeting_id == meeting_id)
            .order_by(col(LateChange.id))
        )
    )


def save_details(
    *,
    session: Session,
    meeting_id: int,
    version: int,
    changes: dict,
    groups: list[GroupMeeting] | None = None,
) -> Meeting:
    """Save kallelse details (and, if given, the gruppmöten) unless someone saved first."""
    unknown = set(changes) - DETAILS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    changes = cleaned(changes)  # control characters pasted into the form
    save_versioned(
        session,
        Meeting,
        meeting_id,
        changes,
        version=version,
        conflict=(
            "Kallelseuppgifterna har sparats av någon annan sedan du öppnade dem. "
            "Inget skrevs över: öppna dem på nytt och för in dina ändringar."
        ),
        missing=f"Det finns inget sammanträde med id {meeting_id}.",
    )
    meeting = _meeting(session, meeting_id)
    if groups is not None:
        session.exec(delete(GroupMeeting).where(col(GroupMeeting.meeting_id) == meeting_id))
        for position, group in enumerate(groups, start=1):
            group.meeting_id, group.position = meeting_id, position
            session.add(group)
    session.flush()
    return meeting
