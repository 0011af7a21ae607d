"""The quarterly redovisning of ej verkställda beslut as Markdown, from a template.

The template (``templates/ej_verkstallda.md``) holds the layout; this module fills it.
With ``public=True`` the two tables on individual level become "Sekretessbelagd
handling" and only counts remain, so no birth year, date of a single beslut, kön of a
single person or free-text reason can reach a published version.
"""

from __future__ import annotations

from importlib import resources
from string import Template

from namnd.formats.markdown_table import markdown_table
from namnd.services.ej_verkstallda import (
    SEX_COLUMNS,
    Redovisning,
    ReportedCase,
    comment,
)
from namnd.services.publication import NOT_FOR_PUBLICATION, SECRET_PLACEHOLDER
from namnd.services.small_counts import NOTE, suppress

NOT_EXECUTED_HEADING = "Gynnande beslut som inte verkställts inom tre månader"
INTERRUPTED_HEADING = "Avbrott i verkställighet"
_NOT_EXECUTED_COLUMNS = (
    "Insats och lagrum som beslutet gäller",
    "Beslutsdatum",
    "Tid som förflutit från beslutsdag",
    "Kön",
    "Övriga kommentarer",
)
_INTERRUPTED_COLUMNS = (
    "Insats och lagrum som beslutet gäller",
    "Datum för avbrottet",
    "Tid som förflutit från datum för avbrottet",
    "Kön",
    "Övriga kommentarer",
)


def _template() -> Template:
    text = (resources.files("namnd.renderers") / "templates" / "ej_verkstallda.md").read_text(
        encoding="utf-8"
    )
    return Template(text)


def render_redovisning(report: Redovisning, *, public: bool = False) -> str:
    """The redovisning as Markdown; ``public`` keeps counts only."""
    notice = "" if public else f"**{NOT_FOR_PUBLICATION}.**\n\n"
    return _template().substitute(
        title=report.texts.title,
        notice=notice,
        quarter=report.quarter.words,
        as_of=report.as_of.isoformat(),
        summary="\n\n".join(report.summary()),
        background=report.texts.background,
        tables=_tables(report, public),
        by_insats=_by_insats_public(report) if public else _by_insats(report),
        by_elapsed=_by_elapsed(report, public),
    )


def render_redovisningar(reports: list[Redovisning], *, public: bool = False) -> str:
    """Several laws' redovisningar in one document, separated by a rule."""
    return "\n---\n\n".join(render_redovisning(r, public=public) for r in reports)


def _tables(report: Redovisning, public: bool) -> str:
    sections = []
    for heading, columns, rows in (
        (NOT_EXECUTED_HEADING, _NOT_EXECUTED_COLUMNS, report.not_executed),
        (INTERRUPTED_HEADING, _INTERRUPTED_COLUMNS, report.interruptions),
    ):
        if public:
            body = SECRET_PLACEHOLDER
        elif rows:
            body = markdown_table(columns, [_row(r) for r in rows])
        else:
            body = "Inga beslut."
        sections.append(f"### {heading}\n\n{body}")
    return "\n\n".join(sections)


def _row(reported: ReportedCase) -> tuple[str, ...]:
    case = reported.case
    return (
        f"{case.insats} enligt {case.lagrum}",
        reported.start.isoformat(),
        reported.elapsed,
        case.sex,
        comment(case, reported.executed_on),
    )


def _by_elapsed(report: Redovisning, public: bool) -> str:
    labels, counts = zip(*report.counts_by_elapsed(), strict=True)
    shown = suppress(counts) if public else [str(n) for n in counts]
    table = markdown_table(("Tid som förflutit", "Antal"), list(zip(labels, shown, strict=True)))
    return f"{table}\n\n{NOTE}" if public else table


def _by_insats_public(report: Redovisning) -> str:
    """Per insats and per kön as two lists, small counts suppressed.

    No cross table: its cells are the smallest and the easiest to trace to a person.
    """
    rows = report.counts_by_insats_and_sex()
    per_insats = suppress([total for _, _, total in rows])
    per_sex = suppress([sum(counts[i] for _, counts, _ in rows) for i in range(len(SEX_COLUMNS))])
    total = str(report.total)
    insats_table = markdown_table(
        ("Insats", "Antal"),
        [
            *((insats, n) for (insats, _, _), n in zip(rows, per_insats, strict=True)),
            ("Totalt", total),
        ],
    )
    sex_table = markdown_table(
        ("Kön", "Antal"),
        [
            *((label, n) for (_, label), n in zip(SEX_COLUMNS, per_sex, strict=True)),
            ("Totalt", total),
        ],
    )
    return f"{insats_table}\n\n{sex_table}"


def _by_insats(report: Redovisning) -> str:
    rows = [
        (insats, *(str(n) for n in counts), str(total))
        for insats, counts, total in report.counts_by_insats_and_sex()
    ]
    totals = [sum(int(row[i]) for row in rows) for i in range(1, len(SEX_COLUMNS) + 2)]
    rows.append(("Totalt", *(str(n) for n in totals)))
    return markdown_table(("Insats", *(label for _, label in SEX_COLUMNS), "Totalt"), rows)
