"""The Markdown of "Uppföljning av nämnduppdrag", the report the nämnd follows its uppdrag by.

Pure: it takes the register's rows and returns Markdown, which the shared Word renderer
turns into a document. Open uppdrag are grouped by status with the försenade first;
closed ones appear when they were closed on or after ``since``, so each report shows
what happened since the last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from namnd.domain.kinds import AssignmentStatus
from namnd.domain.views import AssignmentView
from namnd.rules.swedish_dates import long_date

TITLE = "Uppföljning av nämnduppdrag"
_COLUMNS = ("Uppdrag", "Ansvarig", "Ursprung", "Givet", "Senast", "Återrapporteras till")


def report_markdown(
    rows: Iterable[AssignmentView], *, today: dt.date, since: dt.date, organ_name: str = ""
) -> str:
    """The whole report; ``since`` is where "recently closed" starts."""
    rows = list(rows)
    overdue = [r for r in rows if r.overdue]
    closed_since = f"sedan {long_date(since)}"
    groups = [
        ("Försenade", overdue),
        ("Ej påbörjade", _open(rows, AssignmentStatus.NOT_STARTED)),
        ("Pågående", _open(rows, AssignmentStatus.IN_PROGRESS)),
        (f"Återrapporterade {closed_since}", _closed(rows, AssignmentStatus.REPORTED, since)),
        (f"Avslutade {closed_since}", _closed(rows, AssignmentStatus.CLOSED, since)),
    ]
    open_count = sum(1 for r in rows if r.status.is_open)
    closed_count = sum(len(g) for _, g in groups[3:])
    lines = [f"# {TITLE}", ""]
    if organ_name:
        lines += [organ_name, ""]
    lines += [
        f"Per {long_date(today)}: {open_count} öppna uppdrag, varav {len(overdue)} försenade; "
        f"{closed_count} återrapporterade eller avslutade sedan {long_date(since)}.",
        "",
        "Ett uppdrag är försenat när dess tidpunkt har passerats utan att det återrapporterats. "
        "Där beslutet säger nämndens sammanträde i en månad gäller det sammanträdet; innan det "
        "är fastställt räknas månadens sista dag.",
    ]
    for heading, group in groups:
        lines += ["", f"## {heading}", ""]
        lines += _table(group) if group else ["Inga uppdrag."]
    return "\n".join(lines) + "\n"


def _open(rows: list[AssignmentView], status: AssignmentStatus) -> list[AssignmentView]:
    return [r for r in rows if r.status is status and not r.overdue]


def _closed(
    rows: list[AssignmentView], status: AssignmentStatus, since: dt.date
) -> list[AssignmentView]:
    return [r for r in rows if r.status is status and r.status_since and r.status_since >= since]


def _order(row: AssignmentView) -> tuple[bool, dt.date, str, int | None]:
    """By due date, then origin (dnr), so one decision's uppdrag stand together."""
    return (row.due_date is None, row.due_date or dt.date.max, row.origin_dnr or "", row.id)


def _table(rows: list[AssignmentView]) -> list[str]:
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    for row in sorted(rows, key=_order):
        due = row.due_label
        if row.due_text and row.due_text not in due:
            due += f" (”{row.due_text}”)"
        cells = (
            row.text,
            row.assignee,
            row.origin_label,
            row.given_on.isoformat() if row.given_on else "",
            due,
            row.report_to,
        )
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def _cell(text: str) -> str:
    """Table-safe: one line, pipes and Markdown marks escaped."""
    text = " ".join(text.split())
    for mark in ("\\", "|", "*", "_", "`", "[", "]", "<"):
        text = text.replace(mark, "\\" + mark)
    return text
