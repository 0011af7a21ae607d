"""The kallelse's status flow: utkast → granskad → utskickad, and what counts as late.

After utskick the list is public: every change is still possible but is recorded as a
tillägg or ändring after utskick, so the members can be told what changed.
"""

from __future__ import annotations

import datetime as dt

from namnd.domain.kinds import MeetingStatus
from namnd.errors import InvalidInput

# (from, to) pairs a secretary or the ordförande may make.
_ALLOWED = {
    (MeetingStatus.PLANNED, MeetingStatus.DRAFT),
    (MeetingStatus.DRAFT, MeetingStatus.REVIEWED),
    (MeetingStatus.REVIEWED, MeetingStatus.DRAFT),
    (MeetingStatus.REVIEWED, MeetingStatus.SENT),
    (MeetingStatus.DRAFT, MeetingStatus.SENT),
    # The protokoll: opened at the meeting, then justerat.
    (MeetingStatus.DRAFT, MeetingStatus.HELD),
    (MeetingStatus.REVIEWED, MeetingStatus.HELD),
    (MeetingStatus.SENT, MeetingStatus.HELD),
    (MeetingStatus.HELD, MeetingStatus.JUSTERAD),
}


def may_move(current: MeetingStatus, target: MeetingStatus) -> bool:
    """True when the kallelse may go from ``current`` to ``target``."""
    return (current, target) in _ALLOWED


def check_transition(current: MeetingStatus, target: MeetingStatus) -> None:
    """Raise a Swedish error unless the kallelse may go from ``current`` to ``target``."""
    if not may_move(current, target):
        raise InvalidInput(f"Kallelsen kan inte gå från ”{current.label}” till ”{target.label}”.")


def status_on(status: MeetingStatus, day: dt.date, *, today: dt.date) -> MeetingStatus:
    """The status to show: a prepared meeting whose day has passed is genomförd.

    Opening the protokoll ahead of the day changes nothing; justering makes it justerad.
    """
    prepared = (MeetingStatus.DRAFT, MeetingStatus.REVIEWED, MeetingStatus.SENT)
    return MeetingStatus.HELD if status in prepared and day < today else status


def is_late(status: MeetingStatus) -> bool:
    """True when changes to the agenda are tillägg/ändringar after utskick."""
    return status in (MeetingStatus.SENT, MeetingStatus.HELD, MeetingStatus.JUSTERAD)


def late_change_label(*, added: bool) -> str:
    """How a late change is labelled on the list and in the log."""
    return "Tillägg efter utskick" if added else "Ändring efter utskick"
