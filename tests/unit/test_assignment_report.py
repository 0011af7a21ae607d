"""The Markdown of "Uppföljning av nämnduppdrag": groups, order, escaping."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from namnd.domain.kinds import AssignmentStatus, DueKind
from namnd.domain.views import AssignmentView
from namnd.rules.assignment_report import report_markdown

D = dt.date
ROW = AssignmentView(
    id=1, organ_code="von", text="Ta fram en åtgärdsplan", assignee="förvaltningen",
    report_to="nämnden", status=AssignmentStatus.NOT_STARTED, status_since=None,
    overdue=False, origin_meeting_id=1, origin_meeting_date=D(2019, 9, 19),
    origin_arende_id=3, origin_dnr="von/2018:225", origin_note="", given_on=D(2019, 9, 19),
    due_date=D(2019, 12, 31), due_kind=DueKind.MEETING_IN_MONTH, due_text="december 2019",
    due_label="nämndens sammanträde i december 2019 (datum ej satt)", report_arende_id=None,
)  # fmt: skip


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_groups_by_status_with_overdue_first():
    rows = [
        replace(ROW, id=2, overdue=True, text="Försenat"),
        ROW,
        replace(ROW, id=3, status=AssignmentStatus.IN_PROGRESS, text="Pågår"),
        replace(ROW, id=4, status=AssignmentStatus.REPORTED, status_since=D(2019, 9, 19)),
        replace(ROW, id=5, status=AssignmentStatus.CLOSED, status_since=D(2018, 1, 1)),
    ]
    text = report_markdown(rows, today=D(2019, 10, 1), since=D(2019, 7, 1), organ_name="VON")
    assert text.startswith("# Uppföljning av nämnduppdrag\n\nVON\n")
    assert "3 öppna uppdrag, varav 1 försenade; 1 återrapporterade" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Försenade",
        "## Ej påbörjade",
        "## Pågående",
        "## Återrapporterade sedan måndag 1 juli 2019",
        "## Avslutade sedan måndag 1 juli 2019",
    ]
    assert "| Försenat |" in _section(text, "Försenade")
    assert "Försenat" not in _section(text, "Ej påbörjade")
    assert "Inga uppdrag." in _section(text, "Avslutade sedan måndag 1 juli 2019")
    assert "von/2018:225, sammanträdet 2019-09-19" in text
    assert "december 2019”" not in text  # the label already says it
    worded = replace(ROW, due_text="vid årsskiftet")
    assert "(”vid årsskiftet”)" in report_markdown(
        [worded], today=D(2019, 10, 1), since=D(2019, 1, 1)
    )


def test_rows_by_due_date_then_origin_and_cells_escaped():
    rows = [
        replace(ROW, id=1, due_date=D(2020, 2, 28), text="Senare"),
        replace(ROW, id=2, due_date=None, due_label="ingen tidpunkt", text="Utan | datum*"),
        replace(ROW, id=3, text="Först"),
    ]
    section = _section(
        report_markdown(rows, today=D(2019, 10, 1), since=D(2019, 1, 1)), "Ej påbörjade"
    )
    order = [line.split(" | ")[0][2:] for line in section.splitlines() if line.startswith("| ")]
    assert order == ["Uppdrag", "Först", "Senare", "Utan \\| datum\\*"]


def test_markdown_renders_to_word_with_tables(tmp_path):
    import docx

    from namnd.renderers.docx_document import new_document
    from namnd.renderers.markdown_docx import MarkdownRenderer

    document = new_document()
    MarkdownRenderer(document).render(
        report_markdown([ROW], today=D(2019, 10, 1), since=D(2019, 1, 1))
    )
    document.save(str(tmp_path / "r.docx"))
    read = docx.Document(str(tmp_path / "r.docx"))
    assert read.tables[0].rows[1].cells[0].text == "Ta fram en åtgärdsplan"
