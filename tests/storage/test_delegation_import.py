"""Importing delegationsbeslut lists: all or nothing, never twice, hostile files refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from namnd.cli.main import main
from namnd.domain.delegation_tables import DelegationListImport, DelegationListRow
from namnd.errors import NamndError
from namnd.operations.delegation_import import import_delegation_list
from namnd.operations.delegation_section import delegation_summary
from namnd.operations.demo import demo_dir
from namnd.storage.delegation_direct import SqliteImports
from tests.workbooks import xlsx_bytes

DATA = Path(__file__).parents[1] / "data" / "ej-verkstallda-2019Q2.yaml"
HEADER = "Beslutsfattare\tBeslutsdatum\tBeslut\tAnledning till avslag\tFödelseår\tKön"
ROW = "Östman, Ylva\t20190827\tBifall Boendestöd enligt 4 kap, 1§ SoL\t\t1985\tKvinna"


@pytest.fixture
def demo_store(backend_demo_store):
    """Every import test on the embedded SQLite and on a real PostgreSQL server."""
    return backend_demo_store


#: Who stores the list: the Store on both backends, and on SQLite the CLI's ORM-free path.
WRITERS = [("sqlite", "store"), ("sqlite", "sqlite3"), ("postgresql", "store")]


each_writer = pytest.mark.parametrize(
    ("backend_workspace", "writer"),
    WRITERS,
    indirect=["backend_workspace"],
    ids=[f"{backend}-{writer}" for backend, writer in WRITERS],
)


@pytest.fixture
def storage(writer, demo_store, backend_workspace):
    """``demo_store.delegation``, or ``SqliteImports`` on the same SQLite workspace."""
    if writer == "store":
        yield demo_store.delegation
        return
    direct = SqliteImports.open(backend_workspace)
    assert direct is not None, "an up-to-date SQLite workspace"
    yield direct
    direct.close()


def _counts(store) -> tuple[int, int]:
    with Session(store.engine) as session:
        imports = session.exec(select(func.count()).select_from(DelegationListImport)).one()
        rows = session.exec(select(func.count()).select_from(DelegationListRow)).one()
    return imports, rows


def _import(storage, path: Path, **kw):
    return import_delegation_list(storage, path, meeting="2019-09-19", by="test", **kw)


@each_writer
def test_seed_lists_import_with_the_seeds_row_counts(demo_store, storage):
    counts = {}
    for name in ("lss-sfb", "sol-under-65", "sol-over-65"):
        path = demo_dir() / "data" / f"delegationsbeslut-2019-08-{name}.tsv"
        result = _import(storage, path, period="2019-08", list_name=name)
        counts[name] = result.imported.row_count
    assert counts == {"lss-sfb": 77, "sol-under-65": 33, "sol-over-65": 319}
    (lss, *_) = demo_store.delegation.imports(demo_store.schedule.find_meeting("2019-09-19").id)
    assert lss.warnings == [
        "Rad 31: fortsättning av raden ovan (rad 30, Beslutsfattare); raderna har satts ihop."
    ]
    assert _counts(demo_store) == (3, 429)
    tables = delegation_summary(demo_store, lss.meeting_id)
    assert tables[0].rows[-1] == ("Totalt", "", "400", "29", "429")
    with Session(demo_store.engine) as session:
        batch = session.get(DelegationListImport, lss.id)
        assert batch.arende_id is not None  # linked to the Delegationsbeslut ärende


@each_writer
def test_same_file_twice_changes_nothing(demo_store, storage, tmp_path):
    path = demo_dir() / "data" / "delegationsbeslut-2019-08-lss-sfb.tsv"
    _import(storage, path)
    before = _counts(demo_store)
    copy = tmp_path / "kopia.tsv"
    copy.write_bytes(path.read_bytes())
    again = _import(storage, copy)
    assert again.imported is None and again.duplicate is not None
    assert again.message.startswith("Filen är redan inläst (delegationsbeslut-2019-08-lss-sfb")
    assert again.message.endswith("inget ändrades.")
    assert _counts(demo_store) == before


HOSTILE = {
    "empty.tsv": (b"", "är tom"),
    "cp1252-broken.tsv": ((HEADER + "\n").encode("cp1252") + b"\x81\x8d\x90", "går inte att läsa"),
    "cut.xlsx": (xlsx_bytes([HEADER.split("\t")] + [ROW.split("\t")] * 50)[:900], "skadad"),
    "formula.xlsx": (
        xlsx_bytes([HEADER.split("\t"), ["Ek, Per", "=TODAY()", "Bifall", None, 1950, "Man"]]),
        "Cell B2: formeln =TODAY() saknar sparat värde",
    ),
    "bad-date.tsv": (f"{HEADER}\n{ROW}\n{ROW.replace('20190827', '2019-02-30')}".encode(), "Rad 3"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_in_swedish_and_the_database_is_unchanged(
    demo_store, tmp_path, name
):
    data, message = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = _counts(demo_store)
    with pytest.raises(NamndError, match=re.escape(message)):
        _import(demo_store.delegation, path)
    assert _counts(demo_store) == before


@each_writer
def test_error_in_the_transaction_leaves_nothing(demo_store, storage, tmp_path):
    path = tmp_path / "lista.tsv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    with pytest.raises(NamndError, match="inget sammanträde den 2030-01-01"):
        import_delegation_list(storage, path, meeting="2030-01-01", by="test")
    assert _counts(demo_store) == (0, 0)


@each_writer
def test_hundred_thousand_rows_import(demo_store, storage, tmp_path):
    path = tmp_path / "stor.tsv"
    path.write_text("\n".join([HEADER, *[ROW] * 100_000]), encoding="utf-16")
    calls = []
    result = _import(storage, path, progress=lambda d, t, what: calls.append((d, t, what)))
    assert result.imported.row_count == 100_000
    assert _counts(demo_store) == (1, 100_000)
    assert calls[-1] == (100_000, 100_000, "Sparar")
    assert demo_store.delegation.delete_import(result.imported.id) == 100_000
    assert _counts(demo_store) == (0, 0)


def test_period_outside_rows_warns_and_bad_period_is_refused(demo_store, tmp_path):
    path = tmp_path / "lista.tsv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    with pytest.raises(NamndError, match="ÅÅÅÅ-MM"):
        _import(demo_store.delegation, path, period="aug 2019")
    result = _import(demo_store.delegation, path, period="2019-07")
    assert result.warnings == ["1 beslut har beslutsdatum utanför perioden 2019-07 (rad 2)."]


@pytest.mark.usefixtures("demo_workspace")
def test_cli_import_and_public_report_carry_no_individual_rows(workspace, capsys, tmp_path):
    ws = ["--workspace", str(workspace.root)]
    lss = demo_dir() / "data" / "delegationsbeslut-2019-08-lss-sfb.tsv"
    args = [*ws, "import", "delegationsbeslut", str(lss), "--meeting", "2019-09-19"]
    assert main([*args, "--period", "2019-08", "--list-name", "LSS/SFB"]) == 0
    assert main(args) == 0
    assert main([*ws, "import", "ej-verkstallda", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "Läste in 77 delegationsbeslut (LSS/SFB, 2019-08)." in out
    assert "Obs: Rad 31:" in out and "inget ändrades" in out
    assert "Lade in 28 ej verkställda beslut" in out

    assert main([*ws, "report", "delegationsbeslut", "2019-09-19"]) == 0
    summary = capsys.readouterr().out
    assert "| Totalt |  | 66 | 11 | 77 |" in summary
    assert "Vergara" not in summary and "1966" not in summary

    report = [*ws, "report", "ej-verkstallda", "--quarter", "2019Q2", "--as-of", "2019-08-27"]
    assert main([*report, "--lag", "lss", "--public"]) == 0
    public = capsys.readouterr().out
    assert "Totalt har fjorton beslut enligt 9 § LSS" in public
    for secret in ("2016-05-30", "MÅNADER", "tackat nej", "Resursbrist", "Gnesta"):
        assert secret not in public
    out_file = tmp_path / "r.docx"
    assert main([*report, "--format", "docx", "--public", "-o", str(out_file)]) == 0
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out_file)).paragraphs)
    cells = [c.text for t in docx.Document(str(out_file)).tables for r in t.rows for c in r.cells]
    assert "Sekretessbelagd handling" in text and "fjorton" in text
    assert not any("MÅNADER" in c or "2018-" in c for c in cells)
