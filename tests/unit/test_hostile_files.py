"""Hostile and broken input files end in a Swedish message naming the line, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from namnd.cli.main import main
from namnd.storage.workspace import resolve, safe_filename

DATA = Path(__file__).parent.parent / "data"
DEMO_PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "2019-09-19-von.md"
SMALL_AGENDA = (DATA / "small-agenda.md").read_text(encoding="utf-8")


def run(capsys, ws: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _meetings(capsys, ws: Path) -> list:
    return json.loads(run(capsys, ws, "meetings", "--json")[1])["meetings"]


@pytest.fixture
def ws(tmp_path) -> Path:
    return tmp_path / "ws"


def _file(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


# --- item 8: paths built from data stay inside the workspace --------------------------


def test_agenda_with_a_path_in_its_kod_is_refused_naming_the_line(ws, tmp_path, capsys):
    hostile = _file(tmp_path, "elak.md", SMALL_AGENDA.replace("kod: von", "kod: x/../../ESCAPED"))
    code, out, err = run(capsys, ws, "import", "agenda", str(hostile))
    assert code == 1 and not out
    assert "elak.md, rad 3" in err and "Koden ”x/../../ESCAPED”" in err
    assert "Traceback" not in err
    assert _meetings(capsys, ws) == []


@pytest.mark.parametrize("code", ["von", "KS", "bun-2", "miljö_bygg", "ÖFN"])
def test_ordinary_organ_codes_are_accepted(ws, tmp_path, capsys, code):
    good = _file(tmp_path, "ok.md", SMALL_AGENDA.replace("kod: von", f"kod: {code}"))
    assert run(capsys, ws, "import", "agenda", str(good))[0] == 0


def test_protocol_file_with_a_path_in_its_kod_is_refused(ws, tmp_path, capsys):
    sample = DEMO_PROTOCOL.read_text(encoding="utf-8")
    hostile = _file(tmp_path, "p.md", sample.replace("kod: von", "kod: ../../x"))
    code, _, err = run(capsys, ws, "import", "protokoll", str(hostile))
    assert code == 1 and "rad 3" in err and "Koden ”../../x”" in err


def test_a_kod_already_stored_cannot_lead_an_export_out_of_the_workspace(ws, capsys):
    """A database filled by an older namnd: the file name is cleaned, the file stays home."""
    assert run(capsys, ws, "demo")[0] == 0
    from namnd.storage.database import make_engine

    engine = make_engine(resolve(ws).database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE organ SET code = 'x/../../../ESCAPED'"))
    engine.dispose()
    code, _, err = run(capsys, ws, "export", "kallelse", "2019-09-19", "--format", "docx")
    assert code == 0, err
    written = [p for p in ws.parent.rglob("*.docx")]
    assert len(written) == 1 and written[0].parent == ws / "agendas"
    assert "ESCAPED" in written[0].name


def test_protocol_paths_are_cleaned_too(ws, capsys):
    from namnd.operations.protocol_export import default_path
    from namnd.storage.store import Store

    assert run(capsys, ws, "demo")[0] == 0
    workspace = resolve(ws)
    store = Store.open(workspace)
    try:
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE organ SET code = '../../ESCAPED'"))
        for number in (None, 90):
            path = default_path(workspace, store, "2019-09-19", "docx", public=False, number=number)
            assert path.parent == workspace.protocols
    finally:
        store.close()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2019-09-19-von.docx", "2019-09-19-von.docx"),
        ("2019-09-19-x/../../E.docx", "2019-09-19-x_.._.._E.docx"),
        ("..", "_.."),
        (".hidden", "_.hidden"),
        ("a\\b:c\x1bd.md", "a_b_c_d.md"),
        ("", "_"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_safe_filename_keeps_the_suffix_of_a_long_name():
    name = safe_filename("å" * 300 + ".docx")
    assert name.endswith(".docx") and len(name) <= 100
