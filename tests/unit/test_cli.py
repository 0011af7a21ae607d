from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from namnd.cli.main import main

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """The current folder is the workspace when neither --workspace nor NAMND_HOME is set."""
    monkeypatch.delenv("NAMND_HOME")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_empty_workspace_says_how_to_start(ws, capsys):
    code, out, err = run(capsys, "meetings")
    assert code == 0 and "namnd demo" in out and not err
    assert (ws / "namnd.db").exists()


def test_import_then_list_and_agenda(ws, capsys):
    code, out, _ = run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    assert code == 0 and "2 ärenden" in out
    code, out, _ = run(capsys, "meetings", "--json")
    (meeting,) = json.loads(out)["meetings"]
    assert meeting | {"id": 1} == {
        "id": 1,
        "organ": "von",
        "organ_name": "Vård- och omsorgsnämnden",
        "date": "2019-09-19",
        "time": "18:30",
        "place": "Alytus",
        "status": "sent",
        "status_label": "utskickad",
        "items": 2,
    }
    code, out, _ = run(capsys, "agenda", "2019-09-19")
    assert "torsdag 19 september 2019 kl 18:30, Alytus" in out
    assert "von/2018:225" in out and "återrapportering" in out
    code, out, _ = run(capsys, "agenda", "1", "--json")
    items = json.loads(out)["items"]
    assert [(i["number"], i["dnr"], i["kind"]) for i in items] == [
        (1, "von/2019:5", "information"),
        (2, "von/2018:225", "report_back"),
    ]


def test_meetings_filtered_by_year(ws, capsys):
    run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    assert json.loads(run(capsys, "meetings", "--year", "2020", "--json")[1]) == {"meetings": []}
    assert len(json.loads(run(capsys, "meetings", "--year", "2019", "--json")[1])["meetings"]) == 1


def test_export_md_round_trips_through_an_empty_database(ws, capsys, tmp_path):
    run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    first = tmp_path / "first.md"
    assert (
        run(capsys, "export", "kallelse", "2019-09-19", "--format", "md", "-o", str(first))[0] == 0
    )
    other = tmp_path / "other"
    run(capsys, "--workspace", str(other), "import", "agenda", str(first))
    code, out, _ = run(capsys, "--workspace", str(other), "export", "kallelse", "2019-09-19")
    assert code == 0 and out == first.read_text(encoding="utf-8")


def test_demo_meeting_round_trips_through_an_empty_database(ws, capsys, tmp_path):
    from namnd.operations.demo import demo_dir

    seed_file = demo_dir() / "2019-09-19-von.md"
    run(capsys, "import", "agenda", str(seed_file))
    code, first, _ = run(capsys, "export", "kallelse", "2019-09-19", "--format", "md")
    assert code == 0 and first == seed_file.read_text(encoding="utf-8")
    exported = tmp_path / "exported.md"
    exported.write_text(first, encoding="utf-8")
    shutil.copytree(demo_dir() / "data", tmp_path / "data")  # its [fil: …] beside it
    other = tmp_path / "other"
    run(capsys, "--workspace", str(other), "import", "agenda", str(exported))
    code, again, _ = run(capsys, "--workspace", str(other), "export", "kallelse", "2019-09-19")
    assert code == 0 and again == first


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["agenda", "2019-09-32"], "varken ett datum"),
        (["agenda", "2019-09-20"], "inget sammanträde den 2019-09-20"),
        (["agenda", "99"], "inget sammanträde med id 99"),
        (["import", "agenda", "finns-inte.md"], "finns inte"),
    ],
)
def test_errors_are_swedish_on_stderr_with_exit_1(ws, capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and not out
    assert err.startswith("namnd: ") and message in err


def test_a_busy_database_is_a_swedish_message_with_exit_1(ws, capsys, monkeypatch):
    """Another process holds the write lock past the busy timeout: no traceback."""
    import sqlite3

    monkeypatch.setenv("NAMND_BUSY_TIMEOUT_MS", "100")
    assert run(capsys, "meetings")[0] == 0  # the workspace exists and is up to date
    other = sqlite3.connect(ws / "namnd.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1 and not out
    assert err.startswith("namnd: Databasen är upptagen") and "Traceback" not in err
    # Nothing was written: the same import goes through once the lock is gone.
    code, out, _ = run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    assert code == 0 and "2 ärenden" in out


def test_importing_the_same_meeting_twice_changes_nothing(ws, capsys):
    run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    code, _, err = run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    assert code == 1 and "redan ett sammanträde" in err
    assert json.loads(run(capsys, "meetings", "--json")[1])["meetings"][0]["items"] == 2


def test_broken_agenda_file_names_the_line_and_stores_nothing(ws, capsys, tmp_path):
    text = (DATA / "small-agenda.md").read_text(encoding="utf-8")
    broken = tmp_path / "broken.md"
    broken.write_text(text.replace("Dnr: von/2018:225", "Dnr: von/18:225"), encoding="utf-8")
    code, _, err = run(capsys, "import", "agenda", str(broken))
    assert code == 1 and "broken.md, rad" in err and "Ogiltigt diarienummer" in err
    assert json.loads(run(capsys, "meetings", "--json")[1]) == {"meetings": []}


def test_cp1252_agenda_file_is_read(ws, capsys, tmp_path):
    text = (DATA / "small-agenda.md").read_text(encoding="utf-8")
    legacy = tmp_path / "legacy.md"
    legacy.write_bytes(text.replace("”", '"').encode("cp1252"))
    assert run(capsys, "import", "agenda", str(legacy))[0] == 0
    assert "Vård- och omsorgsnämnden" in run(capsys, "meetings")[1]


def test_usage_errors_are_swedish(ws, capsys):
    with pytest.raises(SystemExit) as info:
        main(["agenda"])
    assert info.value.code == 2
    assert "dessa argument saknas: SAMMANTRÄDE" in capsys.readouterr().err


def test_no_traceback_and_no_textual_for_cli_commands(tmp_path):
    code = (
        "import sys; from namnd.cli.main import main; "
        "rc = main(['--workspace', sys.argv[1], 'agenda', 'nonsense']); "
        "assert 'textual' not in sys.modules, 'textual imported'; "
        "assert 'docx' not in sys.modules; raise SystemExit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "namnd: " in result.stderr
