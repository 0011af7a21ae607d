"""The first screen's short list of what is due, gathered from plan, remisser and uppdrag."""

from __future__ import annotations

import datetime as dt

from namnd.operations.schedule import year_plan
from namnd.rules.publication import public_text
from namnd.rules.report_back import urgency
from namnd.rules.todo import AHEAD, BACK, Task, deadline_tasks, reply_tasks, summary
from namnd.storage.store import Store


def todo_lines(store: Store, today: dt.date, *, keys: bool = True) -> list[str]:
    """Deadlines and remisser near ``today`` for every organ, then the uppdrag counts.

    ``keys``: hints name the TUI's keys (else the CLI's commands).
    """
    tasks: list[Task] = []
    organs = sorted({m.organ_code for m in store.schedule.first_meetings(today)})
    for organ in organs:
        for year in {(today - BACK).year, (today + AHEAD).year}:
            plan = year_plan(store, year, organ)
            steps = [
                (p.meeting.date, label, day, done)
                for p in plan.meetings
                for _key, label, day, done in p.steps()
            ]
            tasks += deadline_tasks(steps, today)
            tasks += reply_tasks(((public_text(r.title), r.reply_by) for r in plan.remisser), today)
    marks = [urgency(a, today) for a in store.assignments.find(today=today)]
    return summary(
        tasks, today, overdue=marks.count("overdue"), due_soon=marks.count("soon"), keys=keys
    )
