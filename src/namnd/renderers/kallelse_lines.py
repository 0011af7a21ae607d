"""How the kallelse states its time and gruppmöten: one wording for Word and e-mail."""

from __future__ import annotations

from namnd.domain.models import GroupMeeting, Meeting
from namnd.rules.swedish_dates import clock, day_month, long_date


def when_text(meeting: Meeting) -> str:
    """``19 september 2019, kl 13:00`` (the date alone when no time is set)."""
    when = long_date(meeting.date)
    if meeting.start_time:
        when += f", kl {clock(meeting.start_time)}"
    return when


def group_meeting_line(group: GroupMeeting) -> str:
    """``S, KD, MP, C och L: Träffas i Lokal 3, kl 11.00 19 september``."""
    parts = [f"Träffas i {group.place}"]
    if group.start_time:
        parts.append(f"kl {clock(group.start_time, sep='.')}")
    if group.date:
        parts.append(day_month(group.date))
    return f"{group.parties}: {parts[0]}, {' '.join(parts[1:])}"
