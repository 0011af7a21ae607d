"""Delegationsbeslut lists: the seed's August 2019 files, other exports, hostile files."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import zipfile

import pytest

from namnd.errors import InvalidInput
from namnd.formats.delegation_lists import (
    MAX_ERRORS,
    DelegationListError,
    parse_delegation_list,
)
from namnd.formats.text_files import decode
from namnd.operations.demo import demo_dir
from tests.workbooks import xlsx_bytes

HEADER = "Beslutsfattare\tBeslutsdatum\tBeslut\tAnledning till avslag\tFödelseår\tKön"
ROW = "Östman, Ylva\t20190827\tBifall Boendestöd enligt 4 kap, 1§ SoL\t\t1985\tKvinna"


def _tsv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode("utf-8")


def _demo(name: str) -> bytes:
    return (demo_dir() / "data" / f"delegationsbeslut-2019-08-{name}.tsv").read_bytes()


# --- the seed's lists ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "rows", "line"),
    [("lss-sfb", 77, 31), ("sol-under-65", 33, 25), ("sol-over-65", 319, 17)],
)
def test_seed_lists_have_the_seeds_row_counts(name, rows, line):
    parsed = parse_delegation_list(_demo(name), name=name)
    assert len(parsed.rows) == rows
    assert [w.split(":")[0] for w in parsed.warnings] == [f"Rad {line}"]


def test_wrapped_row_of_the_lss_list_is_repaired_with_a_warning_naming_its_line():
    parsed = parse_delegation_list(_demo("lss-sfb"), name="lss")
    (row,) = [r for r in parsed.rows if r.decided_by.startswith("Vergara")]
    assert row.decided_by == "Vergara Robello, Sergio"
    assert (row.line, row.decision_date, row.birth_year) == (30, dt.date(2019, 8, 20), 1966)
    assert parsed.warnings == [
        "Rad 31: fortsättning av raden ovan (rad 30, Beslutsfattare); raderna har satts ihop."
    ]


def test_repeated_fragment_on_a_continuation_line_is_not_added_twice():
    parsed = parse_delegation_list(_demo("sol-under-65"), name="sol")
    assert all(not r.decision.endswith("SoL SoL") for r in parsed.rows)
    assert "upprepad text utelämnad" in parsed.warnings[0]


def test_wrapped_reason_is_joined_to_the_row_above():
    parsed = parse_delegation_list(_demo("sol-over-65"), name="sol")
    row = next(r for r in parsed.rows if r.line == 16)
    assert row.rejection_reason.endswith("promenad 2 ggr/v, ledsagning, trygghetslarm.")


def test_short_row_completed_by_the_next_line():
    data = _tsv(
        ROW,
        "Vergara Robello,",
        "Sergio\t20190820\tBifall Daglig verksamhet enligt 9 § 10 LSS\t\t1966\tMan",
    )
    parsed = parse_delegation_list(data)
    assert [r.decided_by for r in parsed.rows] == ["Östman, Ylva", "Vergara Robello, Sergio"]
    assert parsed.warnings == ["Rad 3: raden fortsatte på rad 4; raderna har satts ihop."]


# --- formats, encodings, column mappings ---------------------------------------------


def test_csv_with_semicolons_in_windows_1252():
    text = "Handläggare;Datum;Beslut;Anledning till avslag;Födelseår;Kön\r\n"
    text += "Åberg, Märta;2019-08-05;Avslag Särskilt boende enligt 4 kap, 1§ SoL;"
    text += "Behov ej styrkt;1931;Kvinna\r\n"
    parsed = parse_delegation_list(text.encode("cp1252"))
    assert parsed.file_format == "csv"
    (row,) = parsed.rows
    assert (row.decided_by, row.decision_date) == ("Åberg, Märta", dt.date(2019, 8, 5))
    assert row.rejection_reason == "Behov ej styrkt"


def test_quoted_csv_with_commas_and_a_configured_mapping():
    text = "Delegat handläggare,Dag,Beslut,Skäl\n"
    text += '"Ek, Per",20190801,"Bifall Hemtjänst enligt 4 kap, 1§ SoL",\n'
    parsed = parse_delegation_list(
        text.encode(),
        columns={"Delegat handläggare": "Beslutsfattare", "Dag": "Beslutsdatum",
                 "Skäl": "Anledning till avslag"},
    )  # fmt: skip
    assert parsed.rows[0].decided_by == "Ek, Per"
    assert parsed.rows[0].decision == "Bifall Hemtjänst enligt 4 kap, 1§ SoL"
    assert parsed.warnings == ["Kolumnen Födelseår, Kön finns inte i filen."]


def test_mapping_to_an_unknown_column_is_a_swedish_error():
    with pytest.raises(InvalidInput, match="ingen känd kolumn"):
        parse_delegation_list(_tsv(ROW), columns={"Handl": "Handläggare"})


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM, as Excel's "Unicode text"
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("cp1252"),
    ],
    ids=["utf-8-bom", "utf-16-bom", "utf-16-le", "cp1252"],
)
def test_encodings_are_detected(encode):
    parsed = parse_delegation_list(encode("\n".join([HEADER, ROW])))
    assert parsed.rows[0].decided_by == "Östman, Ylva"
    assert parsed.rows[0].sex == "Kvinna"


def test_decode_rejects_cut_off_utf16_and_binary_data():
    with pytest.raises(InvalidInput, match="avkortad"):
        decode("Beslut\tÖ".encode("utf-16")[:-1], name="lista.txt")
    with pytest.raises(InvalidInput, match="binära data"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="lista.txt")


def test_text_in_an_unknown_encoding_is_a_swedish_error():
    with pytest.raises(InvalidInput, match="går inte att läsa som text"):
        parse_delegation_list(HEADER.encode() + b"\n\x81\x8d\x8f\x90\x9d", name="lista.txt")


def test_utf8_read_as_windows_1252_gets_a_hint():
    garbled = HEADER.encode("utf-8").decode("cp1252").replace("Beslutsfattare", "BeslutsfÃ¥ttare")
    with pytest.raises(InvalidInput, match="felkodade"):
        parse_delegation_list(garbled.encode("utf-8"))


# --- errors ----------------------------------------------------------------------------


def test_empty_file_and_header_only():
    with pytest.raises(InvalidInput, match="är tom"):
        parse_delegation_list(b"", name="Filen x.tsv")
    with pytest.raises(InvalidInput, match="är tom"):
        parse_delegation_list(b"\n\n  \n", name="Filen x.tsv")
    with pytest.raises(InvalidInput, match="inga beslut"):
        parse_delegation_list(HEADER.encode(), name="Filen x.tsv")


def test_missing_required_column_names_the_header_line():
    data = "Beslutsfattare\tBeslut\tKön\nEk, Per\tBifall\tMan\n".encode()
    with pytest.raises(DelegationListError) as caught:
        parse_delegation_list(data)
    assert caught.value.errors[0].startswith("Rad 1: kolumnen Beslutsdatum saknas")


def test_all_errors_are_collected_with_line_numbers():
    data = _tsv(
        ROW.replace("20190827", "20191327"),
        ROW,
        ROW.replace("1985", "19x5"),
        "\t20190801\tBifall\t\t1950\tMan",
        ROW + "\textra",
    )
    with pytest.raises(DelegationListError) as caught:
        parse_delegation_list(data, name="Filen x.tsv")
    assert caught.value.errors == [
        "Rad 2: Beslutsdatum ”20191327” är inget giltigt datum (ÅÅÅÅMMDD eller ÅÅÅÅ-MM-DD).",
        "Rad 4: Födelseår ”19x5” är inget årtal.",
        "Rad 5: Beslutsfattare saknas.",
        "Rad 6: 7 fält, men rubrikraden har 6.",
    ]
    assert str(caught.value).startswith("Filen x.tsv kan inte läsas in: 4 fel. Inget sparades.")


def test_at_most_twenty_errors_are_shown():
    data = _tsv(*[ROW.replace("20190827", "2019-02-30")] * 30)
    with pytest.raises(DelegationListError) as caught:
        parse_delegation_list(data)
    message = str(caught.value)
    assert "30 fel (de första 20 visas)" in message
    assert message.count("inget giltigt datum") == MAX_ERRORS


def test_hundred_thousand_rows_parse_and_report_progress():
    calls: list[tuple[int, int]] = []
    data = _tsv(*[ROW] * 100_000)
    parsed = parse_delegation_list(data, progress=lambda done, total: calls.append((done, total)))
    assert len(parsed.rows) == 100_000
    assert calls[-1][0] == calls[-1][1] >= 100_000
    assert len(calls) >= 100


# --- Excel -----------------------------------------------------------------------------


def _with_cached_value(data: bytes, cell: str, value: str) -> bytes:
    """Add the value Excel would have saved beside a formula (openpyxl never writes one)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                kind = ' t="e"' if value.startswith("#") else ""
                content = re.sub(
                    rf'<c r="{cell}"[^>]*>(<f>[^<]*</f>)<v\s*/?>(</v>)?'.encode(),
                    f'<c r="{cell}"{kind}>'.encode() + rb"\1<v>" + value.encode() + b"</v>",
                    content,
                )
            target.writestr(info, content)
    return out.getvalue()


XLSX_HEADER = [
    "Beslutsfattare",
    "Beslutsdatum",
    "Beslut",
    "Anledning till avslag",
    "Födelseår",
    "Kön",
]


def test_xlsx_with_date_cells_and_numbers():
    data = xlsx_bytes(
        [
            XLSX_HEADER,
            ["Ek, Per", dt.datetime(2019, 8, 5), "Bifall Hemtjänst", None, 1940, "Man"],
            ["Ås, Eva", 20190806, "Avslag Korttidsplats", "Skäl", 1950.0, "Kvinna"],
        ]
    )  # fmt: skip
    parsed = parse_delegation_list(data)
    assert parsed.file_format == "xlsx"
    assert [(r.line, r.decision_date, r.birth_year) for r in parsed.rows] == [
        (2, dt.date(2019, 8, 5), 1940),
        (3, dt.date(2019, 8, 6), 1950),
    ]


def test_xlsx_formula_with_a_saved_value_is_read():
    data = xlsx_bytes(
        [XLSX_HEADER, ["Ek, Per", 20190805, "Bifall Hemtjänst", None, "=1900+40", "Man"]]
    )
    parsed = parse_delegation_list(_with_cached_value(data, "E2", "1940"))
    assert parsed.rows[0].birth_year == 1940


def test_xlsx_formula_without_a_saved_value_names_the_cell():
    data = xlsx_bytes([XLSX_HEADER, ["Ek, Per", "=TODAY()", "Bifall Hemtjänst", None, 1940, "Man"]])
    with pytest.raises(DelegationListError) as caught:
        parse_delegation_list(data)
    assert caught.value.errors[0].startswith("Cell B2: formeln =TODAY() saknar sparat värde")


def test_xlsx_error_value_names_the_cell():
    data = xlsx_bytes([XLSX_HEADER, ["Ek, Per", 20190805, "Bifall Hemtjänst", None, "=1/0", "Man"]])
    with pytest.raises(DelegationListError) as caught:
        parse_delegation_list(_with_cached_value(data, "E2", "#DIV/0!"))
    assert "Cell E2: formeln gav felvärdet #DIV/0!." in caught.value.errors


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_xlsx_is_a_swedish_error(keep):
    data = xlsx_bytes([XLSX_HEADER, *[["Ek, Per", 20190805, "Bifall", None, 1940, "Man"]] * 200])
    with pytest.raises(InvalidInput, match=r"skadad eller ofullständig .*\(\.xlsx\)"):
        parse_delegation_list(data[: int(len(data) * keep)], name="Filen lista.xlsx")


def test_old_binary_excel_is_named():
    with pytest.raises(InvalidInput, match=r"äldre Excel-fil \(\.xls\)"):
        parse_delegation_list(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
