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
    """No --workspace and no NAMND_HOME: a namnd.db here, else the user's data folder."""
    monkeypatch.delenv("NAMND_HOME")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_reading_command_in_an_empty_folder_creates_nothing(ws, capsys, tmp_path):
    before = sorted(tmp_path.rglob("*"))
    for argv in (["meetings"], ["organ", "list"], ["members"], ["search", "x"], ["todo"]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and not out
        assert "Det finns ingen databas" in err and "namnd organ add" in err
    assert sorted(tmp_path.rglob("*")) == before


def test_without_a_database_here_the_users_data_folder_is_the_workspace(ws, capsys, tmp_path):
    import platformdirs

    run(capsys, "import", "agenda", str(DATA / "small-agenda.md"))
    data = Path(platformdirs.user_data_dir("namnd", appauthor=False))
    assert (data / "namnd.db").is_file() and not (ws / "namnd.db").exists()
    assert len(json.loads(run(capsys, "meetings", "--json")[1])["meetings"]) == 1
    # A namnd.db in the current folder wins.
    run(capsys, "--workspace", str(ws), "organ", "add", "sn", "--name", "Socialnämnden")
    assert json.loads(run(capsys, "meetings", "--json")[1]) == {"meetings": []}


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
    exported = tmp_path / "export" / "exported.md"
    exported.parent.mkdir()
    exported.write_text(first, encoding="utf-8")
    shutil.copytree(demo_dir() / "data", exported.parent / "data")  # its [fil: …] beside it
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
    run(capsys, "organ", "add", "sn", "--name", "Socialnämnden")
    code, out, err = run(capsys, *argv)
    assert code == 1 and not out
    assert err.startswith("namnd: ") and message in err


def test_a_busy_database_is_a_swedish_message_with_exit_1(ws, capsys, monkeypatch):
    """Another process holds the write lock past the busy timeout: no traceback."""
    import sqlite3

    monkeypatch.setenv("NAMND_BUSY_TIMEOUT_MS", "100")
    # The workspace exists here and is up to date.
    assert run(capsys, "--workspace", str(ws), "organ", "add", "x", "--name", "X")[0] == 0
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
        "assert 'docx' not in sys.modules and 'pyhanko' not in sys.modules; "
        "raise SystemExit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "namnd: " in result.stderr


def _add_socialnamnd(capsys):
    """Another kommun's nämnd, numbering its ärenden SN 2026/142."""
    sn = ["organ", "add", "sn", "--name", "Socialnämnden", "--prefix", "SN"]
    return run(capsys, *sn, "--dnr-format", "{prefix} {year}/{number}")


def test_an_organ_with_its_own_dnr_format_imports_and_exports_unchanged(ws, capsys, tmp_path):
    """The kommun's own diarienummer (SN 2026/142) and Regeringskansliet's, as typed."""
    code, out, err = _add_socialnamnd(capsys)
    assert code == 0 and "SN 2026/142" in out, err
    source = DATA / "socialnamnd" / "kallelse-sn-dnr.md"
    assert run(capsys, "import", "agenda", str(source))[0] == 0
    code, out, _ = run(capsys, "export", "kallelse", "2026-04-16", "--format", "md")
    assert code == 0 and out == source.read_text(encoding="utf-8")


def test_a_dnr_in_another_format_is_refused_quoting_the_organs(ws, capsys, tmp_path):
    _add_socialnamnd(capsys)
    wrong = tmp_path / "fel.md"
    text = (DATA / "socialnamnd" / "kallelse-sn-dnr.md").read_text(encoding="utf-8")
    wrong.write_text(text.replace("SN 2026/142", "SN/2026:142"), encoding="utf-8")
    code, _, err = run(capsys, "import", "agenda", str(wrong))
    assert code == 1 and "rad 19" in err and "{prefix} {year}/{number}" in err
    assert json.loads(run(capsys, "meetings", "--json")[1]) == {"meetings": []}


def test_organ_add_edit_and_list(ws, capsys, tmp_path):
    run(
        capsys,
        "organ",
        "add",
        "sn",
        "--name",
        "Socialnämnden",
        "--prefix",
        "SN",
        "--kommun",
        "Exempelby kommun",
        "--forvaring",
        "Stadsarkivet",
    )
    code, out, _ = run(
        capsys,
        "organ",
        "add",
        "sn-au",
        "--name",
        "Socialnämndens arbetsutskott",
        "--prefix",
        "SNAU",
        "--parent",
        "sn",
    )
    assert code == 0
    code, _, err = run(capsys, "organ", "add", "iu", "--name", "Individutskottet", "--prefix", "sn")
    assert code == 1 and "Diarieprefix" in err and "används redan" in err
    code, _, err = run(capsys, "organ", "edit", "sn", "--parent", "sn-au")
    assert code == 1 and "slinga" in err
    code, _, err = run(capsys, "organ", "edit", "sn", "--dnr-format", "{prefix}/{year}")
    assert code == 1 and "{number}" in err
    assert run(capsys, "organ", "edit", "sn", "--sekreterare", "Iris Holm")[0] == 0
    organs = json.loads(run(capsys, "organ", "list", "--json")[1])["organs"]
    assert [(o["code"], o["parent"]) for o in organs] == [("sn", ""), ("sn-au", "sn")]
    assert organs[0] | {} == organs[0] and organs[0]["secretary_name"] == "Iris Holm"
    assert organs[0]["archive_place"] == "Stadsarkivet"
    assert organs[0]["dnr_format"] == "{prefix}/{year}:{number}"
    code, out, _ = run(capsys, "organ", "list")
    assert "Socialnämndens arbetsutskott" in out and "SNAU/2026:142" in out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--workspace", "mapp"],
        ["--workspace=mapp", "--db", "postgresql://u@h/namnd"],
        ["--db=sqlite:///x.db"],
        ["--workspace", "mapp", "meetings", "--year", "2019"],
        ["--work", "mapp"],  # an abbreviation: only the whole parser allows it
    ],
)
def test_the_terminal_programs_arguments_read_as_the_whole_parser_reads_them(argv):
    from namnd.cli.parser import build_parser, parse_arguments

    assert parse_arguments(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--workspace"], "--workspace: ett värde behövs"),
        (["--nonsense"], "okända argument: --nonsense"),
        (["-h"], "kommandon:"),
    ],
)
def test_help_and_mistakes_with_only_options_are_the_whole_parsers(argv, message, capsys):
    from namnd.cli.parser import parse_arguments

    with pytest.raises(SystemExit):
        parse_arguments(argv)
    out, err = capsys.readouterr()
    assert message in out + err


def test_namnd_alone_builds_no_verbs_parser():
    """The first screen waits for nothing of the verbs: their modules stay unimported."""
    code = (
        "import sys; from namnd.cli.parser import parse_arguments; "
        "args = parse_arguments(['--workspace', 'mapp']); "
        "assert args.command is None and args.workspace == 'mapp', args; "
        "loaded = [m for m in sys.modules if m.startswith(('namnd.cli.', 'namnd.operations'))]; "
        "assert loaded == ['namnd.cli.parser'], loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
