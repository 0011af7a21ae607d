"""The quarterly redovisning of ej verkställda beslut as Markdown, from a template.

The template (``templates/unexecuted_decisions.md``) holds the layout; this module fills it.
With ``public=True`` only ``rules.publication``'s public statistics are printed: the
two tables on individual level become "Sekretessbelagd handling", counts are suppressed
and the Sammanfattning is written from the suppressed lists, so no birth year, date of a
single beslut, kön of a single person, free-text reason or small count is published.
"""

from __future__ import annotations

from importlib import resources
from string import Template

from namnd.formats.markdown_table import markdown_table
from namnd.rules.publication import (
    NOT_FOR_PUBLICATION,
    SECRET_PLACEHOLDER,
    public_redovisning,
)
from namnd.rules.small_counts import NOTE
from namnd.rules.unexecuted_decisions import (
    SEX_COLUMNS,
    Redovisning,
    ReportedDecision,
    comment,
)

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
    text = (resources.files("namnd.renderers") / "templates" / "unexecuted_decisions.md").read_text(
        encoding="utf-8"
    )
    return Template(text)


def render_redovisning(report: Redovisning, *, public: bool = False) -> str:
    """The redovisning as Markdown; ``public`` prints the public projection's statistics."""
    common = {
        "title": report.texts.title,
        "quarter": report.quarter.words,
        "as_of": report.as_of.isoformat(),
        "background": report.texts.background,
    }
    if public:
        stats = public_redovisning(report)
        return _template().substitute(
            common,
            notice="",
            summary="\n\n".join(stats.summary),
            tables="\n\n".join(
                f"### {heading}\n\n{SECRET_PLACEHOLDER}"
                for heading in (NOT_EXECUTED_HEADING, INTERRUPTED_HEADING)
            ),
            by_insats=f"{markdown_table(('Insats', 'Antal'), stats.by_insats)}\n\n"
            f"{markdown_table(('Kön', 'Antal'), stats.by_sex)}",
            by_elapsed=f"{markdown_table(('Tid som förflutit', 'Antal'), stats.by_elapsed)}"
            f"\n\n{NOTE}",
        )
    return _template().substitute(
        common,
        notice=f"**{NOT_FOR_PUBLICATION}.**\n\n",
        summary="\n\n".join(report.summary()),
        tables=_tables(report),
        by_insats=_by_insats(report),
        by_elapsed=markdown_table(
            ("Tid som förflutit", "Antal"),
            [(label, str(n)) for label, n in report.counts_by_elapsed()],
        ),
    )


def render_redovisningar(reports: list[Redovisning], *, public: bool = False) -> str:
    """Several laws' redovisningar in one document, separated by a rule."""
    return "\n---\n\n".join(render_redovisning(r, public=public) for r in reports)


def _tables(report: Redovisning) -> str:
    sections = []
    for heading, columns, rows in (
        (NOT_EXECUTED_HEADING, _NOT_EXECUTED_COLUMNS, report.not_executed),
        (INTERRUPTED_HEADING, _INTERRUPTED_COLUMNS, report.interruptions),
    ):
        if rows:
            body = markdown_table(columns, [_row(r) for r in rows])
        else:
            body = "Inga beslut."
        sections.append(f"### {heading}\n\n{body}")
    return "\n\n".join(sections)


def _row(reported: ReportedDecision) -> tuple[str, ...]:
    decision = reported.decision
    return (
        f"{decision.insats} enligt {decision.lagrum}",
        reported.start.isoformat(),
        reported.elapsed,
        decision.sex,
        comment(decision, reported.executed_on),
    )


def _by_insats(report: Redovisning) -> str:
    rows = [
        (insats, *(str(n) for n in counts), str(total))
        for insats, counts, total in report.counts_by_insats_and_sex()
    ]
    totals = [sum(int(row[i]) for row in rows) for i in range(1, len(SEX_COLUMNS) + 2)]
    rows.append(("Totalt", *(str(n) for n in totals)))
    return markdown_table(("Insats", *(label for _, label in SEX_COLUMNS), "Totalt"), rows)
