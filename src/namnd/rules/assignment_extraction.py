"""Find the nämnduppdrag in a decision's att-satser, so none is lost between meetings.

A proposal gives an uppdrag in a few fixed ways: "uppdrar åt vård- och
omsorgsförvaltningen att …", "ger förvaltningen i uppdrag att …", "förvaltningen får i
uppdrag att …", and often puts the report-back in the next att-sats ("Åtgärdsplanen ska
återrapporteras till nämnden senast december 2019"). Each uppdrag found is a
*proposal* for the secretary to confirm: the notes say what was assumed or fetched from
elsewhere (the tjänsteskrivelse), and an unreadable due stays flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from namnd.rules.due_phrases import DueReading, read_due

NAMND = "nämnden"


@dataclass(frozen=True)
class ProposedAssignment:
    """One uppdrag read from the att-satser, for the secretary to confirm."""

    text: str
    """What is to be done, as the decision words it (from "att …")."""
    assignee: str
    """Who was given it, e.g. ``vård- och omsorgsförvaltningen``; empty if not said."""
    report_to: str
    """Who the report goes to: ``nämnden``, ``Socialstyrelsen`` …"""
    due: DueReading
    clauses: tuple[int, ...]
    """0-based positions of the att-satser it was read from."""
    notes: tuple[str, ...] = ()
    """Swedish: what was assumed or taken from elsewhere."""


_NUMBERING = re.compile(r"^\s*\d+\s*[.)]\s*")
_GIVES = [
    re.compile(r"\buppdrar\s+åt\s+(?P<who>.+?)\s+att\s+(?P<what>.+)", re.IGNORECASE),
    re.compile(r"\bger\s+(?P<who>.+?)\s+(?:i\s+uppdrag|uppdraget)\s+att\s+(?P<what>.+)", re.I),
    re.compile(
        r"(?:^|\batt\s+)(?P<who>[^,;]+?)\s+får\s+(?:i\s+uppdrag|uppdraget)\s+att\s+(?P<what>.+)",
        re.IGNORECASE,
    ),
]
_REPORTS = re.compile(r"\b(?:åter)?(?:rapportera|redovisa)(?:s|t|r)?\b", re.IGNORECASE)
_REPORT_TO = re.compile(
    r"\b(?:åter)?(?:rapportera|redovisa)(?:s|t|r)?\b[^.;]*?\btill\s+(?P<to>[^,.;]+?)"
    r"(?=\s+(?:senast|i|på|under|vid|inom|före|till|och|den|per)\b|[,.;]|$)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def extract_assignments(
    clauses: Sequence[str],
    *,
    given_on: dt.date | None = None,
    meetings: Iterable[dt.date] = (),
    supporting_text: str = "",
    default_assignee: str = "",
) -> list[ProposedAssignment]:
    """The uppdrag given by ``clauses`` (a proposal's att-satser), in order.

    ``supporting_text`` is the tjänsteskrivelse: when an att-sats names who to report
    to but not when, a sentence there naming the same recipient and a date supplies
    it (and a note says so). ``default_assignee`` (the förvaltning) stands in for a
    report-back att-sats that names nobody.
    """
    meetings = tuple(meetings)
    cleaned = [_NUMBERING.sub("", c).strip() for c in clauses]
    found: list[ProposedAssignment] = []
    used: set[int] = set()
    for i, clause in enumerate(cleaned):
        if i in used:
            continue
        given = _gives(clause)
        if given is None and not _is_report_back(clause):
            continue
        parts = [i]
        if given is not None and i + 1 < len(cleaned) and _is_report_back(cleaned[i + 1]):
            if _gives(cleaned[i + 1]) is None:
                parts.append(i + 1)
        used.update(parts)
        found.append(
            _propose(
                [cleaned[p] for p in parts],
                tuple(parts),
                given,
                given_on=given_on,
                meetings=meetings,
                supporting_text=supporting_text,
                default_assignee=default_assignee,
            )
        )
    return found


def _gives(clause: str) -> tuple[str, str] | None:
    for pattern in _GIVES:
        m = pattern.search(clause)
        if m:
            return m["who"].strip(), m["what"].strip()
    return None


def _is_report_back(clause: str) -> bool:
    """``… ska återrapporteras …`` or ``… ska redovisas till …``: a report-back att-sats."""
    return bool(_REPORTS.search(clause)) and bool(re.search(r"\bska\b", clause, re.I))


def _report_to(text: str) -> str:
    m = _REPORT_TO.search(text)
    if not m:
        return ""
    to = m["to"].strip()
    return NAMND if to.casefold().startswith("nämnd") else to


def _sentence_case(text: str) -> str:
    text = text.strip().rstrip(".").strip()
    return text[:1].upper() + text[1:]


def _propose(
    texts: list[str],
    clauses: tuple[int, ...],
    given: tuple[str, str] | None,
    *,
    given_on: dt.date | None,
    meetings: tuple[dt.date, ...],
    supporting_text: str,
    default_assignee: str,
) -> ProposedAssignment:
    notes: list[str] = []
    if given is not None:
        assignee, what = given
    else:
        assignee, what = default_assignee, texts[0]
        if default_assignee:
            notes.append(f"Att-satsen säger inte vem som ska återrapportera; {assignee} antas.")
    report_to = next((to for to in map(_report_to, reversed(texts)) if to), "")
    if not report_to:
        report_to = NAMND
        notes.append("Det står inte vart uppdraget ska återrapporteras; nämnden antas.")
    to_meeting = report_to == NAMND
    due = _due_in(texts, given_on=given_on, meetings=meetings, to_meeting=to_meeting)
    if due.date is None and due.matched == "" and supporting_text:
        found = _due_from_support(
            supporting_text, report_to, given_on=given_on, meetings=meetings, to_meeting=to_meeting
        )
        if found is not None:
            due, sentence = found
            notes.append(f"Tidpunkten är hämtad ur tjänsteskrivelsen: ”{sentence}”")
    return ProposedAssignment(
        text=_sentence_case(what),
        assignee=assignee,
        report_to=report_to,
        due=due,
        clauses=clauses,
        notes=tuple(notes),
    )


def _due_in(texts: list[str], **context: Any) -> DueReading:
    """The due of the last att-sats that names one (the report-back follows the uppdrag)."""
    readings = [read_due(t, **context) for t in texts]
    for reading in reversed(readings):
        if reading.readable or reading.matched:
            return reading
    return readings[-1]


def _due_from_support(text: str, report_to: str, **context: Any) -> tuple[DueReading, str] | None:
    """A sentence of the tjänsteskrivelse that reports to the same recipient, with a date."""
    for sentence in _SENTENCE.split(text):
        sentence = " ".join(sentence.split())
        if not _REPORTS.search(sentence) or _report_to(sentence).casefold() != report_to.casefold():
            continue
        reading = read_due(sentence, **context)
        if reading.readable:
            return reading, sentence
    return None
