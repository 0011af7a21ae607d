"""How the CLI prints: Swedish text tables and the stable JSON documented in docs/cli.md."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.rules.plain_text import plain_text
from namnd.rules.swedish_dates import clock, long_date
from namnd.storage.workspace import Workspace

if TYPE_CHECKING:
    import datetime as dt

    from namnd.domain.agenda import AgendaDocument
    from namnd.domain.views import AssignmentView, MeetingSummary
    from namnd.operations.schedule import YearPlan
    from namnd.rules.roster import Seat
    from namnd.rules.search import Hit


def plan_json(plan: YearPlan) -> dict:
    """A year plan as JSON (schema version 1)."""
    return {
        "organ": plan.organ_code,
        "organ_name": plan.organ_name,
        "year": plan.year,
        "meetings": [
            {
                **meeting_json(p.meeting),
                "deadlines": {key: day.isoformat() for key, _l, day, _d in p.steps()},
            }
            for p in plan.meetings
        ],
        "warnings": plan.warnings,
        "remisser": [r.text for r in plan.remisser],
    }


def plan_text(plan: YearPlan) -> str:
    """A year plan as an aligned Swedish table, then its warnings."""
    if not plan.meetings:
        return f"Inga sammanträden {plan.year} för {plan.organ_name}."
    labels = [label for _k, label, _d, _done in plan.meetings[0].steps()]
    rows = [
        (long_date(p.meeting.date), *[day.isoformat() for _k, _l, day, _d in p.steps()])
        for p in plan.meetings
    ]
    text = f"Sammanträdesordning {plan.year}, {plan.organ_name}\n\n" + text_table(
        ("Sammanträde", *labels), rows
    )
    if plan.warnings:
        text += "\n\n" + "\n".join(f"Obs: {w}" for w in plan.warnings)
    if plan.remisser:
        text += "\n\nRemisser:\n" + "\n".join(f"- {r.text}" for r in plan.remisser)
    return text


def where(workspace: Workspace) -> str:
    """The database in words, without a password."""
    if workspace.is_sqlite:
        return str(workspace.root / "namnd.db")
    from sqlalchemy.engine import make_url

    return make_url(workspace.database_url).render_as_string(hide_password=True)


def meeting_json(meeting: MeetingSummary) -> dict:
    """One meeting as JSON (schema version 1)."""
    return {
        "id": meeting.id,
        "organ": meeting.organ_code,
        "organ_name": meeting.organ_name,
        "date": meeting.date.isoformat(),
        "time": clock(meeting.start_time) or None,
        "place": meeting.place or None,
        "status": meeting.status.value,
        "status_label": meeting.status.label,
        "items": meeting.item_count,
    }


def agenda_json(view: AgendaDocument) -> dict:
    """A föredragningslista as JSON (schema version 1)."""
    return {
        "meeting": meeting_json(view.summary),
        "items": [
            {
                "number": number,
                "title": item.title,
                "dnr": item.dnr,
                "kind": item.kind.value,
                "kind_label": item.kind.label,
                "sent_later": item.sent_later,
                "reply_by": _iso(item.reply_by),
                "confidential": item.confidential,
            }
            for number, item in enumerate((e.arende for e in view.entries), start=1)
        ],
    }


def meetings_table(meetings: list[MeetingSummary], *, year: int | None) -> str:
    """Meetings as aligned text, or a helpful line when there are none."""
    if not meetings:
        scope = f" år {year}" if year else ""
        return f"Inga sammanträden{scope}. Kör ”namnd demo” för att läsa in demonämnden."
    rows = [
        (
            str(m.id),
            long_date(m.date),
            clock(m.start_time),
            m.organ_name,
            m.place,
            m.status.label,
            str(m.item_count),
        )
        for m in meetings
    ]
    return text_table(("Id", "Datum", "Tid", "Nämnd", "Plats", "Status", "Ärenden"), rows)


def agenda_text(view: AgendaDocument) -> str:
    """The föredragningslista as the secretary reads it in a terminal."""
    m = view.summary
    when = long_date(m.date) + (f" kl {clock(m.start_time)}" if m.start_time else "")
    head = plain_text(f"{m.organ_name}, {when}" + (f", {m.place}" if m.place else ""))
    if not view.entries:
        return f"{head}\nFöredragningslistan är tom."
    rows = [
        (
            str(n),
            i.title + (f" ({i.sent_later})" if i.sent_later else ""),
            i.dnr or "",
            i.kind.label,
        )
        for n, i in enumerate((e.arende for e in view.entries), start=1)
    ]
    return f"{head}\nFöredragningslista ({m.status.label})\n\n" + text_table(
        ("Nr", "Ärende", "Dnr", "Typ"), rows
    )


def seats_table(seats: list[Seat], *, day: dt.date | None) -> str:
    """The register as text: ledamöter, then ersättare in inkallelseordning."""
    from namnd.rules.roster import COLUMNS, seat_cells

    if not seats:
        when = f" den {long_date(day)}" if day else ""
        return (
            f"Nämnden har inga ledamöter{when}. Läs in dem med "
            "”namnd import ledamoter FIL” (se docs/roster-format.md)."
        )
    return text_table(("Id", *COLUMNS), [(str(s.id), *seat_cells(s)) for s in seats])


def seat_json(seat: Seat) -> dict:
    """One seat with stable English keys (docs/cli.md)."""
    return {
        "id": seat.id,
        "name": seat.name,
        "party": seat.party,
        "role": seat.role.value,
        "position": seat.position.value if seat.position else None,
        "substitute_order": seat.order,
        "from": seat.first_day.isoformat(),
        "to": _iso(seat.last_day),
        "email": seat.email or None,
        "phone": seat.phone or None,
    }


def hit_json(hit: Hit) -> dict:
    """One search hit with stable keys; a sekretess hit has no snippet."""
    d = hit.document
    return {
        "kind": d.kind,
        "title": d.title,
        "dnr": d.dnr or None,
        "meeting_id": d.meeting_id,
        "meeting_date": _iso(d.meeting_date),
        "number": d.number,
        "confidential": d.confidential,
        "snippet": None if d.confidential else hit.snippet,
        "score": hit.score,
    }


def text_table(header: tuple[str, ...], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell, with a dashed line under the header.

    Control characters are dropped: a title stored by an older namnd could otherwise
    send escape sequences to the terminal.
    """
    cleaned = [tuple(plain_text(cell) for cell in row) for row in rows]
    widths = [max(len(r[i]) for r in [header, *cleaned]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *cleaned]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def assignment_json(view: AssignmentView) -> dict:
    """One nämnduppdrag as JSON (schema version 1); ``overdue`` is derived, never stored."""
    return {
        "id": view.id,
        "organ": view.organ_code,
        "text": view.text,
        "assignee": view.assignee,
        "origin": {
            "meeting_date": _iso(view.origin_meeting_date),
            "dnr": view.origin_dnr,
            "note": view.origin_note or None,
        },
        "given_on": _iso(view.given_on),
        "due": {
            "date": _iso(view.due_date),
            "text": view.due_text or None,
            "kind": view.due_kind.value if view.due_kind else None,
            "label": view.due_label,
        },
        "report_to": view.report_to,
        "status": view.status.value,
        "status_label": view.status_label,
        "status_since": _iso(view.status_since),
        "overdue": view.overdue,
        "report_arende_id": view.report_arende_id,
    }


def assignments_table(views: list[AssignmentView]) -> str:
    """The register as aligned Swedish text; long uppdrag texts are shortened."""
    if not views:
        return "Inga nämnduppdrag matchar. Kör ”namnd demo” för att läsa in demonämnden."
    rows = [
        (
            str(v.id),
            v.status_label,
            v.due_date.isoformat() if v.due_date else "",
            _short(v.text, 60),
            v.assignee,
            v.origin_label,
            v.report_to,
        )
        for v in views
    ]
    return text_table(("Id", "Status", "Senast", "Uppdrag", "Ansvarig", "Ursprung", "Till"), rows)


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def print_result(result: str | Path) -> None:
    """An export's result: Markdown text to stdout as is, a written file as 'Skrev …'."""
    if isinstance(result, str):
        sys.stdout.write(result)
    else:
        print(f"Skrev {result}.")
