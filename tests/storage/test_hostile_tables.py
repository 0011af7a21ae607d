"""Hostile table files: zip bombs, sheets past the limits, mixed encodings, endless prose.

Each is refused with a Swedish message naming the limit or the line, quickly and with
little memory, and the database is unchanged.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import openpyxl
import pytest
from sqlmodel import Session, func, select

from namnd.domain.delegation_tables import DelegationListImport, DelegationListRow
from namnd.errors import InvalidInput
from namnd.formats import xlsx_tables
from namnd.formats.delegation_lists import parse_delegation_list
from namnd.formats.roster_table import parse_roster_table
from namnd.operations.delegation_import import import_delegation_list

HEADER = ["Beslutsfattare", "Beslutsdatum", "Beslut", "Anledning till avslag", "Födelseår", "Kön"]
ROW = ["Östman, Ylva", 20190827, "Bifall Boendestöd enligt 4 kap, 1§ SoL", None, 1985, "Kvinna"]


def _counts(store) -> tuple[int, int]:
    with Session(store.engine) as session:
        imports = session.exec(select(func.count()).select_from(DelegationListImport)).one()
        rows = session.exec(select(func.count()).select_from(DelegationListRow)).one()
    return imports, rows


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _bomb(megabytes: int) -> bytes:
    """A valid workbook whose first sheet is ``megabytes`` MB of XML packed to a few MB."""
    source = zipfile.ZipFile(io.BytesIO(_xlsx([HEADER, ROW])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                package.writestr(info, data)
                continue
            head, _, _ = data.partition(b"<sheetData")
            with package.open(info.filename, "w", force_zip64=True) as sheet:
                sheet.write(head + b"<sheetData>")
                chunk = b" " * (1 << 20)
                for _ in range(megabytes):
                    sheet.write(chunk)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb(1024)


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(bomb):
    assert len(bomb) < 8 << 20
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InvalidInput, match="packas upp till 1024 MB") as refused:
            parse_delegation_list(bomb, name="Filen bomb.xlsx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 64 << 20, f"peak {peak >> 20} MB"
    assert str(refused.value).startswith("Filen bomb.xlsx är för stor")
    with pytest.raises(InvalidInput, match="packas upp"):
        parse_roster_table(bomb, name="bomb.xlsx")


def test_a_zip_bomb_import_leaves_the_database_unchanged(demo_store, tmp_path, bomb):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb)
    before = _counts(demo_store)
    with pytest.raises(InvalidInput, match="för stor"):
        import_delegation_list(demo_store, path, meeting="2019-09-19", by="test")
    assert _counts(demo_store) == before


def test_a_sheet_with_more_rows_than_allowed_is_refused_while_streaming(monkeypatch):
    monkeypatch.setattr(xlsx_tables, "MAX_ROWS", 50)
    data = _xlsx([HEADER, *[ROW] * 60])
    with pytest.raises(InvalidInput, match="fler än 50 rader"):
        parse_delegation_list(data, name="Filen stor.xlsx")
    assert len(parse_delegation_list(_xlsx([HEADER, *[ROW] * 40])).rows) == 40


def test_a_sheet_with_more_cells_than_allowed_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx_tables, "MAX_CELLS", 100)
    with pytest.raises(InvalidInput, match="fler än 100 ifyllda celler"):
        parse_delegation_list(_xlsx([HEADER, *[ROW] * 30]), name="Filen stor.xlsx")


def _rewritten(data: bytes, old: bytes, new: bytes) -> bytes:
    """The workbook with ``old`` replaced by ``new`` in every member (what Excel cannot save)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            package.writestr(info, source.read(info).replace(old, new))
    return out.getvalue()


def test_a_cell_longer_than_excel_allows_is_named():
    data = _xlsx([HEADER, ["Ek, Per", 20190805, "x" * 32_767, None, 1940, "Man"]])
    data = _rewritten(data, b"x" * 32_767, b"x" * 40_000)
    with pytest.raises(InvalidInput, match=r"Cell C2 har 40000 tecken.*högst 32767"):
        parse_delegation_list(data, name="Filen lång.xlsx")
