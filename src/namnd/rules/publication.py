"""What may be published: the one public projection every public output renders from.

Kallelser, protokoll and reports go on the municipality's website. Rather than each
renderer deciding what to leave out, the internal view of a document goes through one
function here and the renderer only ever sees the result, so it cannot print what the
projection withheld. The rules (README, "Vad som publiceras"):

- A sekretess ärende keeps its number, title and dnr; its text becomes the placeholder
  naming the ground in the OSL (an organ setting). A sekretess bilaga or anmäld
  handling keeps nothing, not even its title.
- A § is sekretess when it is marked so *or* its ärende is; it keeps number, heading and
  dnr. A rättelse of a sekretess § says only that § N was corrected on a day.
- Everything that is published has its HTML comments (notes) removed and every
  personnummer or samordningsnummer masked.
- Statistics are printed from suppressed tables (``small_counts``) and their prose is
  written from those tables, never from the raw counts.

Works on unsaved copies, never on stored rows.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from namnd.domain.agenda import AgendaDocument, AgendaEntry
from namnd.domain.protocol import Correction, Protocol, ProtocolParagraph
from namnd.rules.delegation_summary import (
    AVSLAG,
    BIFALL,
    DecisionRow,
    SummaryTable,
    classify,
    month_name,
)
from namnd.rules.personnummer import redact_personnummer
from namnd.rules.plain_text import map_texts, without_comments
from namnd.rules.small_counts import SUPPRESSED, suppress_grid, suppress_line
from namnd.rules.swedish_numbers import lower_first, number_word

if TYPE_CHECKING:
    from sqlmodel import SQLModel

    # Only the redovisning needs it; its tables would load for every public kallelse.
    from namnd.rules.unexecuted_decisions import Redovisning

SECRET_PLACEHOLDER = "Sekretessbelagd handling"
NOT_FOR_PUBLICATION = "Innehåller sekretessbelagda uppgifter – ej för publicering"
DEFAULT_OSL_REFERENCE = "26 kap. 1 § OSL"

T = TypeVar("T")


def secret_text(osl_reference: str = "") -> str:
    """The placeholder naming the ground, e.g. '… sekretess (26 kap. 1 § OSL).'."""
    ground = (osl_reference or DEFAULT_OSL_REFERENCE).strip()
    return f"Ärendet redovisas inte med hänvisning till sekretess ({ground})."


def public_text(text: str) -> str:
    """Published text: no HTML comments, every personnummer masked."""
    return redact_personnummer(without_comments(text))


def has_secrets(doc: AgendaDocument) -> bool:
    """True if any ärende, bilaga or anmäld handling is marked sekretess."""
    return any(
        entry.arende.confidential
        or any(a.confidential for a in entry.attachments)
        or any(d.confidential for d in entry.announcements)
        for entry in doc.entries
    )


# --- the kallelse ----------------------------------------------------------------------


def public_version(doc: AgendaDocument, osl_reference: str = "") -> AgendaDocument:
    """The kallelse as published: sekretess withheld, every text cleaned."""
    return AgendaDocument(
        organ=_scrubbed_model(doc.organ),
        meeting=_scrubbed_model(doc.meeting),
        group_meetings=[_scrubbed_model(g) for g in doc.group_meetings],
        entries=[_public_entry(entry, osl_reference) for entry in doc.entries],
    )


def _public_entry(entry: AgendaEntry, osl_reference: str) -> AgendaEntry:
    # The tables load with the first kallelse published: the protokoll's own rules
    # (``public_protocol``, ``public_text``) are used where the ORM is not loaded.
    from namnd.domain.models import AnnouncedDocument, Arende, Attachment

    arende = entry.arende
    if arende.confidential:
        secret = Arende(
            id=arende.id,
            organ_id=arende.organ_id,
            dnr=arende.dnr,
            title=public_text(arende.title),
            kind=arende.kind,
            confidential=True,
            summary_md=secret_text(osl_reference),
        )
        return AgendaEntry(arende=secret, attachments=[])
    attachments = [
        Attachment(arende_id=0, position=a.position, title=SECRET_PLACEHOLDER, confidential=True)
        if a.confidential
        else _scrubbed_model(a)
        for a in entry.attachments
    ]
    announcements = [
        AnnouncedDocument(
            arende_id=0,
            position=d.position,
            title=SECRET_PLACEHOLDER,
            source=public_text(d.source),
            confidential=True,
        )
        if d.confidential
        else _scrubbed_model(d)
        for d in entry.announcements
    ]
    return AgendaEntry(
        arende=_scrubbed_model(arende), attachments=attachments, announcements=announcements
    )


# --- the protokoll ---------------------------------------------------------------------


def secret_items(agenda: AgendaDocument | None) -> set[int]:
    """The list positions of the sekretess ärenden: their §§ are sekretess too."""
    if agenda is None:
        return set()
    return {n for n, e in enumerate(agenda.entries, start=1) if e.arende.confidential}


def public_protocol(
    protocol: Protocol, agenda: AgendaDocument | None = None, osl_reference: str = ""
) -> Protocol:
    """The protokoll as published: a sekretess § keeps number, heading and dnr only."""
    secret = secret_items(agenda)
    placeholder = secret_text(osl_reference)
    paragraphs = tuple(
        ProtocolParagraph(
            p.number,
            public_text(p.title),
            p.dnr,
            p.item,
            decision_md=placeholder,
            confidential=True,
        )
        if p.confidential or p.item in secret
        else _scrubbed(p)
        for p in protocol.paragraphs
    )
    closed = {p.number for p in paragraphs if p.confidential}
    corrections = tuple(
        Correction(c.number, "", "", "", c.at, confidential=True)
        if c.number in closed
        else _scrubbed(c)
        for c in protocol.corrections
    )
    return dataclasses.replace(
        _scrubbed(dataclasses.replace(protocol, paragraphs=(), corrections=())),
        paragraphs=paragraphs,
        corrections=corrections,
    )


# --- the year plan ---------------------------------------------------------------------


def public_plan(plan: T) -> T:
    """The year plan as published in the calendar: every title and remiss text cleaned.

    A meeting carries its föredragningslista's titles and an open remiss its ärende's
    rubrik: public (a sekretess ärende keeps its title) but they may hold a
    personnummer typed by mistake or a note in an HTML comment.
    """
    return dataclasses.replace(
        plan,  # type: ignore[type-var]
        meetings=[_scrubbed(p) for p in plan.meetings],  # type: ignore[attr-defined]
        remisser=[_scrubbed(r) for r in plan.remisser],  # type: ignore[attr-defined]
    )


# --- the seats register --------------------------------------------------------------


def public_seats(seats: Iterable[T]) -> list[T]:
    """The ledamöter and ersättare as published (open data): names and parties cleaned.

    Who sits in a nämnd is public; the register's texts are cleaned like every other
    published text, since a personnummer typed into a name field must not leave.
    """
    return [_scrubbed(seat) for seat in seats]


# --- statistics ------------------------------------------------------------------------

OTHER = "Övrigt"


def public_delegation_tables(rows: Iterable[DecisionRow]) -> list[SummaryTable]:
    """Counts of a delegation list as published: by lagrum and by month, suppressed.

    The case system's Beslut text is free text, so no category is taken from it: a row
    is counted under its lagrum (read as chapter and paragraph numbers, never copied),
    or under "Övrigt" when none is written.
    """
    by_lagrum: dict[str, Counter[str]] = {}
    by_month: dict[str, Counter[str]] = {}
    for row in rows:
        c = classify(row.decision, row.rejection_reason)
        by_lagrum.setdefault(c.lagrum or OTHER, Counter())[c.outcome] += 1
        by_month.setdefault(row.decision_date.strftime("%Y-%m"), Counter())[c.outcome] += 1
    lagrum = sorted(by_lagrum, key=lambda k: (k == OTHER, k))
    return [
        _suppressed("Beslut per lagrum", "Lagrum", [(k, by_lagrum[k]) for k in lagrum]),
        _suppressed(
            "Beslut per månad",
            "Månad",
            [(month_name(k), by_month[k]) for k in sorted(by_month)],
        ),
    ]


def _suppressed(title: str, label: str, counted: list[tuple[str, Counter[str]]]) -> SummaryTable:
    grid = suppress_grid([[c[BIFALL], c[AVSLAG]] for _, c in counted])
    names = [name for name, _ in counted] + ["Totalt"]
    rows = [(name, *cells) for name, cells in zip(names, grid, strict=True)]
    return SummaryTable(title, (label, BIFALL, AVSLAG, "Totalt"), rows)


@dataclass(frozen=True)
class PublicStatistics:
    """A redovisning of ej verkställda beslut as published: suppressed lists and prose.

    Each list is (label, count as printed) pairs ending with its "Totalt"; ``summary``
    is written from these lists, so it states no count the tables hide.
    """

    summary: list[str]
    by_insats: list[tuple[str, str]]
    by_sex: list[tuple[str, str]]
    by_elapsed: list[tuple[str, str]]


def public_redovisning(report: Redovisning) -> PublicStatistics:
    """The published statistics of ``report``; no individual case reaches it."""
    from namnd.rules.unexecuted_decisions import SEX_COLUMNS

    rows = report.counts_by_insats_and_sex()
    by_insats = _suppressed_list([(public_text(insats), total) for insats, _, total in rows])
    by_sex = _suppressed_list(
        [
            (label, sum(counts[i] for _, counts, _ in rows))
            for i, (_, label) in enumerate(SEX_COLUMNS)
        ]
    )
    by_elapsed = _suppressed_list(report.counts_by_elapsed())
    return PublicStatistics(_public_summary(report, by_insats), by_insats, by_sex, by_elapsed)


def _suppressed_list(counted: list[tuple[str, int]]) -> list[tuple[str, str]]:
    shown, total = suppress_line([n for _, n in counted])
    return [*((label, n) for (label, _), n in zip(counted, shown, strict=True)), ("Totalt", total)]


def _in_words(shown: str) -> str:
    return "färre än tre" if shown == SUPPRESSED else number_word(int(shown))


def _public_summary(report: Redovisning, by_insats: list[tuple[str, str]]) -> list[str]:
    total = by_insats[-1][1]
    if total == "0":
        return [
            f"Inga beslut enligt {report.texts.short} har rapporterats ej verkställda till "
            f"IVO {report.quarter.words}."
        ]
    parts = [f"{_in_words(n)} gällande {lower_first(label)}" for label, n in by_insats[:-1]]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} samt {parts[-1]}"
    return [
        f"Totalt har {_in_words(total)} beslut enligt {report.texts.short} rapporterats ej "
        f"verkställda eller med avbrott i verkställighet till IVO {report.quarter.words}.",
        f"Fördelat på insats: {listed}. Antal färre än tre redovisas inte, så att ingen "
        "enskild kan identifieras.",
    ]


# --- cleaning every text of a copy -----------------------------------------------------


def _scrubbed(value: T) -> T:
    """A copy of a frozen dataclass with every text in it cleaned for publication."""
    return map_texts(value, public_text)


def _scrubbed_model(model: SQLModel) -> Any:
    """A detached copy of a row with every text (and list of texts) cleaned."""
    data = {name: map_texts(getattr(model, name), public_text) for name in type(model).model_fields}
    return type(model)(**data)
