"""Word tables are written in one pass: the work grows with the rows, not their square.

Not a timed test: it counts the python-docx cell objects made while a table is written
(``table.cell(r, c)`` rebuilt every cell of the table on each call, so writing n rows made
about n² of them: 400 delegation rows took 89 s).
"""

from __future__ import annotations

import docx
import docx.table
import pytest

from namnd.formats.markdown_table import markdown_table
from namnd.renderers.docx_document import new_document
from namnd.renderers.markdown_docx import MarkdownRenderer


def _table_markdown(rows: int) -> str:
    return markdown_table(
        ("Beslutsfattare", "Datum", "Beslut"),
        [(f"Handläggare {n}", "2019-08-14", f"Bifall {n}") for n in range(rows)],
    )


def _cells_made(monkeypatch: pytest.MonkeyPatch, rows: int) -> int:
    made = 0
    original = docx.table._Cell.__init__

    def counting(self, *args, **kwargs):
        nonlocal made
        made += 1
        original(self, *args, **kwargs)

    monkeypatch.setattr(docx.table._Cell, "__init__", counting)
    MarkdownRenderer(new_document()).render(_table_markdown(rows))
    monkeypatch.setattr(docx.table._Cell, "__init__", original)
    return made


def test_writing_a_markdown_table_is_linear_in_its_rows(monkeypatch):
    small, large = _cells_made(monkeypatch, 50), _cells_made(monkeypatch, 200)
    assert large / small < 6, f"50 rows: {small} cells made, 200 rows: {large}"


def test_every_row_of_a_long_table_reaches_the_document(tmp_path):
    document = new_document()
    MarkdownRenderer(document).render(_table_markdown(1500))
    document.save(str(tmp_path / "t.docx"))
    table = docx.Document(str(tmp_path / "t.docx")).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert len(rows) == 1501
    assert rows[0] == ["Beslutsfattare", "Datum", "Beslut"]
    assert rows[-1] == ["Handläggare 1499", "2019-08-14", "Bifall 1499"]
