"""What is due soon: the secretary's short list on the first screen.

Deadlines of the sammanträdesordning (ärendestopp, presidieberedning, kallelse, justering,
anslag) from a week back to two weeks ahead, remisser whose svar senast is near, and
nämnduppdrag overdue or due within a month. Older misses are the year view's business:
a plan of meetings never held should not shout on every start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from namnd.rules.swedish_dates import long_date

BACK = dt.timedelta(days=7)
AHEAD = dt.timedelta(days=14)
SHOWN = 6


@dataclass(frozen=True)
class Task:
    """One dated thing to do, and whether it is already late."""

    day: dt.date
    text: str

    def line(self, today: dt.date) -> str:
        days = (self.day - today).days
        when = "i dag" if days == 0 else (f"om {days} d" if days > 0 else f"{-days} d sen")
        return f"{long_date(self.day)} ({when}): {self.text}"


def deadline_tasks(
    steps: Iterable[tuple[dt.date, str, dt.date, bool]], today: dt.date
) -> list[Task]:
    """(meeting day, deadline label, deadline day, done) within the window, not done."""
    return [
        Task(day, f"{label} – sammanträdet {long_date(meeting)}")
        for meeting, label, day, done in steps
        if not done and today - BACK <= day <= today + AHEAD
    ]


def reply_tasks(remisser: Iterable[tuple[str, dt.date]], today: dt.date) -> list[Task]:
    """(title, svar senast) of open remisser due within the window."""
    return [
        Task(day, f"Svar senast: {title}")
        for title, day in remisser
        if today - BACK <= day <= today + AHEAD
    ]


def summary(
    tasks: list[Task], today: dt.date, *, overdue: int, due_soon: int, keys: bool = True
) -> list[str]:
    """The lines to show, soonest first, with the nämnduppdrag counts last.

    ``keys`` points to the TUI's keys for more; otherwise to the CLI's commands.
    """
    plan_hint, uppdrag_hint = (
        ("y: årsplanen", "u: uppdragen")
        if keys
        else (
            "namnd schedule ÅR",
            "namnd uppdrag",
        )
    )
    ordered = sorted(tasks, key=lambda t: t.day)
    lines = [t.line(today) for t in ordered[:SHOWN]]
    if len(ordered) > SHOWN:
        lines.append(f"… och {len(ordered) - SHOWN} till ({plan_hint})")
    if overdue or due_soon:
        lines.append(
            f"Nämnduppdrag: {overdue} försenade, {due_soon} ska återrapporteras inom 30 dagar "
            f"({uppdrag_hint})"
        )
    return lines
