"""Hostile table files: zip bombs, sheets past the limits, mixed encodings, endless prose.

Each is refused with a Swedish message naming the limit or the line, quickly and with
little memory, and the database is unchanged.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from sqlmodel import Session, func, select

from namnd.domain.delegation_tables import DelegationListImport, DelegationListRow
from namnd.errors import InvalidInput
from namnd.formats import xlsx_tables
from namnd.formats.delegation_lists import parse_delegation_list
from namnd.formats.roster_table import parse_roster_table
from namnd.operations.delegation_import import import_delegation_list
from tests.workbooks import xlsx_bytes

HEADER = ["Beslutsfattare", "Beslutsdatum", "Beslut", "Anledning till avslag", "Födelseår", "Kön"]
ROW = ["Östman, Ylva", 20190827, "Bifall Boendestöd enligt 4 kap, 1§ SoL", None, 1985, "Kvinna"]


def _counts(store) -> tuple[int, int]:
    with Session(store.engine) as session:
        imports = session.exec(select(func.count()).select_from(DelegationListImport)).one()
        rows = session.exec(select(func.count()).select_from(DelegationListRow)).one()
    return imports, rows


def _bomb(megabytes: int) -> bytes:
    """A valid workbook whose first sheet is ``megabytes`` MB of XML packed to a few MB."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([HEADER, ROW])))
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


@pytest.fixture
def demo(backend_demo_store):
    """The demo workspace on SQLite and on a real PostgreSQL."""
    return backend_demo_store


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


def test_a_zip_bomb_import_leaves_the_database_unchanged(demo, tmp_path, bomb):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb)
    before = _counts(demo)
    with pytest.raises(InvalidInput, match="för stor"):
        import_delegation_list(demo.delegation, path, meeting="2019-09-19", by="test")
    assert _counts(demo) == before


def test_a_sheet_with_more_rows_than_allowed_is_refused_while_streaming(monkeypatch):
    monkeypatch.setattr(xlsx_tables, "MAX_ROWS", 50)
    data = xlsx_bytes([HEADER, *[ROW] * 60])
    with pytest.raises(InvalidInput, match="fler än 50 rader"):
        parse_delegation_list(data, name="Filen stor.xlsx")
    assert len(parse_delegation_list(xlsx_bytes([HEADER, *[ROW] * 40])).rows) == 40


def test_a_sheet_with_more_cells_than_allowed_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx_tables, "MAX_CELLS", 100)
    with pytest.raises(InvalidInput, match="fler än 100 ifyllda celler"):
        parse_delegation_list(xlsx_bytes([HEADER, *[ROW] * 30]), name="Filen stor.xlsx")


def _rewritten(data: bytes, old: bytes, new: bytes) -> bytes:
    """The workbook with ``old`` replaced by ``new`` in every member (what Excel cannot save)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            package.writestr(info, source.read(info).replace(old, new))
    return out.getvalue()


def test_a_cell_longer_than_excel_allows_is_named():
    data = xlsx_bytes([HEADER, ["Ek, Per", 20190805, "x" * 32_767, None, 1940, "Man"]])
    data = _rewritten(data, b"x" * 32_767, b"x" * 40_000)
    with pytest.raises(InvalidInput, match=r"Cell C2 har 40000 tecken.*högst 32767"):
        parse_delegation_list(data, name="Filen lång.xlsx")


# --- text files: mixed encodings, endless prose, too many errors ------------------------

TSV_HEADER = "\t".join(HEADER)
TSV_ROW = "Östman, Ylva\t20190827\tBifall Boendestöd enligt 4 kap, 1§ SoL\t\t1985\tKvinna"


def test_a_file_mixing_utf8_and_windows_1252_names_the_first_line_that_is_not_utf8():
    data = "\n".join([TSV_HEADER, TSV_ROW, TSV_ROW]).encode("utf-8") + b"\n"
    data += TSV_ROW.replace("Östman", "Åberg").encode("cp1252") + b"\n"
    data += TSV_ROW.encode("utf-8")
    with pytest.raises(InvalidInput, match="rad 4 är inte UTF-8") as refused:
        parse_delegation_list(data, name="Filen blandad.tsv")
    assert "Ã" not in str(refused.value)
    assert str(refused.value).startswith("Filen blandad.tsv blandar teckenkodningar")
    roster = "Namn\tParti\tRoll\nÖsten Ek\tS\tledamot\n".encode() + "Åsa Berg\tM\tledamot\n".encode(
        "cp1252"
    )
    with pytest.raises(InvalidInput, match="rad 3 är inte UTF-8"):
        parse_roster_table(roster, name="ledamöter.csv", first_day=None)


def test_a_mixed_file_import_leaves_the_database_unchanged(demo, tmp_path):
    path = tmp_path / "blandad.tsv"
    path.write_bytes(
        f"{TSV_HEADER}\n{TSV_ROW}\n".encode() + TSV_ROW.replace("Östman", "Åberg").encode("cp1252")
    )
    before = _counts(demo)
    with pytest.raises(InvalidInput, match="blandar teckenkodningar: rad 3"):
        import_delegation_list(demo.delegation, path, meeting="2019-09-19", by="test")
    assert _counts(demo) == before


def test_a_valid_list_followed_by_fifty_mb_of_prose_is_refused_quickly():
    prose = "Detta är löptext som någon klistrat in under listan, rad efter rad utan tabbar.\n"
    data = ("\n".join([TSV_HEADER, *[TSV_ROW] * 10]) + "\n" + prose * 650_000).encode()
    assert len(data) > 50 << 20
    started = time.perf_counter()
    with pytest.raises(InvalidInput, match="ser inte ut som en lista") as refused:
        parse_delegation_list(data, name="Filen prosa.tsv")
    assert time.perf_counter() - started < 20
    assert len(str(refused.value)) < 2000
    assert "rad 12" in str(refused.value)


def test_a_wrapped_list_with_many_repaired_lines_is_still_read():
    pairs = [f"Ek,\t20190801\tBifall\t\t1950\tMan\nPer{n}" for n in range(300)]
    parsed = parse_delegation_list("\n".join([TSV_HEADER, *pairs]).encode())
    assert len(parsed.rows) == 300 and len(parsed.warnings) == 300


def test_reading_stops_after_a_thousand_errors_and_says_how_many_more():
    data = "\n".join([TSV_HEADER, *[TSV_ROW.replace("20190827", "2019-02-30")] * 5000]).encode()
    with pytest.raises(InvalidInput) as refused:
        parse_delegation_list(data, name="Filen fel.tsv")
    message = str(refused.value)
    assert message.count("inget giltigt datum") == 20
    assert "… och ytterligare 980 fel" in message
    assert "Läsningen avbröts efter 1000 fel (rad 1001)" in message


def test_a_text_file_over_the_size_limit_is_refused_naming_the_limit(monkeypatch, tmp_path):
    from namnd.formats import text_files

    monkeypatch.setattr(text_files, "MAX_FILE_MB", 1)
    data = "\n".join([TSV_HEADER, *[TSV_ROW] * 20_000]).encode()
    with pytest.raises(InvalidInput, match=r"är för stor \(1,\d MB; gränsen är 1 MB\)"):
        parse_delegation_list(data, name="Filen stor.tsv")
    path = tmp_path / "stor.tsv"
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match="gränsen är 1 MB"):
        text_files.read_text(path)


def test_a_roster_table_followed_by_prose_stops_at_the_first_line_that_is_not_a_seat():
    data = "Namn\tParti\tRoll\tFrån\nTuva Lund\tS\tledamot\t2019-01-01\n".encode()
    data += ("Löptext som inte hör till tabellen.\n" * 1_500_000).encode()
    started = time.perf_counter()
    with pytest.raises(InvalidInput, match="rad 3: ") as refused:
        parse_roster_table(data, name="ledamöter.tsv")
    assert time.perf_counter() - started < 20
    assert len(str(refused.value)) < 500
