"""Hostile and broken input files end in a Swedish message naming the line, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from namnd.cli.main import main
from namnd.domain.changes import ArendeChanges
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


@pytest.fixture
def demo_in_ws(ws, templates) -> None:
    """The demo nämnd in ``ws``, as ``namnd demo`` leaves it (tests/templates.py)."""
    templates.sqlite_into("demo", resolve(ws))


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


@pytest.mark.usefixtures("demo_in_ws")
def test_a_kod_already_stored_cannot_lead_an_export_out_of_the_workspace(ws, capsys):
    """A database filled by an older namnd: the file name is cleaned, the file stays home."""
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


@pytest.mark.usefixtures("demo_in_ws")
def test_protocol_paths_are_cleaned_too(ws, capsys):
    from namnd.operations.exports import default_path
    from namnd.storage.store import Store

    workspace = resolve(ws)
    store = Store.open(workspace)
    try:
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE organ SET code = '../../ESCAPED'"))
        for number in (None, 90):
            path = default_path(workspace, store, "2019-09-19", "protokoll", "docx", number=number)
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


# --- item 9: control characters ----------------------------------------------------------

ESC_TITLE = "## 1. Information \x1b[2J\x1b]0;hackad\x07från förvaltningen"


def test_agenda_with_an_escape_sequence_is_refused_naming_the_line(ws, tmp_path, capsys):
    hostile = _file(
        tmp_path, "esc.md", SMALL_AGENDA.replace("## 1. Information från förvaltningen", ESC_TITLE)
    )
    code, out, err = run(capsys, ws, "import", "agenda", str(hostile))
    line = SMALL_AGENDA.splitlines().index("## 1. Information från förvaltningen") + 1
    assert code == 1 and not out
    assert f"esc.md, rad {line}" in err and "U+001B (ESC)" in err and "Traceback" not in err
    assert "\x1b" not in err  # the message itself never echoes the sequence
    assert _meetings(capsys, ws) == []


@pytest.mark.usefixtures("demo_in_ws")
def test_protocol_file_with_a_control_character_is_refused(ws, tmp_path, capsys):
    sample = DEMO_PROTOCOL.read_text(encoding="utf-8")
    hostile = _file(tmp_path, "p.md", sample.replace("plats: Alytus", "plats: Aly\x0ctus"))
    code, _, err = run(capsys, ws, "import", "protokoll", str(hostile))
    assert code == 1 and "p.md, rad 5" in err and "U+000C" in err
    assert "har inget protokoll" in run(capsys, ws, "export", "protokoll", "2019-09-19")[2]


ROSTER_YAML = (
    "från: 2019-01-01\nledamöter:\n"
    "- {namn: Tuva Lund, parti: S}\n- {namn: Erik\x1b Holm, parti: S}\n"
)
ROSTER_CSV = "Namn;Parti;Roll\nTuva Lund;S;ledamot\nErik Holm\x9b;S;ledamot\n"


@pytest.mark.usefixtures("demo_in_ws")
@pytest.mark.parametrize(
    ("name", "content", "line"), [("r.yaml", ROSTER_YAML, 4), ("r.csv", ROSTER_CSV, 3)]
)
def test_roster_with_a_control_character_is_refused(ws, tmp_path, capsys, name, content, line):
    before = run(capsys, ws, "members", "--all", "--json")[1]
    hostile = _file(tmp_path, name, content)
    code, _, err = run(capsys, ws, "import", "ledamoter", str(hostile), "--from", "2019-01-01")
    assert code == 1 and f"rad {line}" in err and "styrtecknet" in err, err
    assert run(capsys, ws, "members", "--all", "--json")[1] == before


@pytest.mark.usefixtures("demo_in_ws")
def test_delegation_list_with_a_control_character_is_refused(ws, tmp_path, capsys):
    listing = "Beslutsfattare\tBeslutsdatum\tBeslut\nAnna\t2019-08-02\tHemtjänst\x1b[31m\n"
    hostile = _file(tmp_path, "lista.tsv", listing)
    before = run(capsys, ws, "report", "delegationsbeslut", "2019-09-19")[1]
    code, _, err = run(
        capsys, ws, "import", "delegationsbeslut", str(hostile), "--meeting", "2019-09-19"
    )
    assert code == 1 and "rad 2" in err and "U+001B" in err
    assert run(capsys, ws, "report", "delegationsbeslut", "2019-09-19")[1] == before


def test_text_pasted_into_an_arende_loses_its_control_characters(demo_store, tmp_path):
    """The TUI editor saves through save_arende: what is stored can always be exported."""
    from namnd.operations.kallelse_export import export_kallelse

    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    arende_id = demo_store.agendas.agenda(meeting).entries[0].arende_id
    arende, _ = demo_store.agendas.arende(arende_id)
    demo_store.agendas.save_arende(
        arende_id,
        arende.version,
        ArendeChanges(title="Ny\x1b[31m rubrik", summary_md="Rad ett\x0b\nRad\ttvå\x00"),
        by="sekr",
    )
    saved, _ = demo_store.agendas.arende(arende_id)
    assert (saved.title, saved.summary_md) == ("Ny[31m rubrik", "Rad ett\nRad\ttvå")
    path = export_kallelse(demo_store, "2019-09-19", fmt="docx", path=tmp_path / "k.docx")
    assert path.is_file()


def test_a_decision_pasted_into_a_paragraph_loses_its_control_characters(demo_store, tmp_path):
    import dataclasses

    from namnd.operations.protocol_export import export_protocol

    meeting = demo_store.schedule.find_meeting("2019-09-19").id
    demo_store.protocols.open(meeting, by="sekr", first_number=82)
    view = demo_store.protocols.get(meeting)
    first = view.protocol.paragraphs[0]
    pasted = dataclasses.replace(first, decision_md="Nämnden\x1b[1m beslutar\x07 att")
    demo_store.protocols.save_paragraph(
        meeting, pasted, view.versions[first.number], paragraph_id=view.ids[first.number]
    )
    stored = demo_store.protocols.get(meeting).protocol.paragraph(first.number)
    assert stored.decision_md == "Nämnden[1m beslutar att"
    assert export_protocol(demo_store, "2019-09-19", fmt="docx", path=tmp_path / "p.docx")


# --- item 10: Swedish messages instead of tracebacks --------------------------------------


@pytest.mark.usefixtures("demo_in_ws")
def test_a_table_field_over_the_csv_limit_names_its_line(ws, tmp_path, capsys):
    before = run(capsys, ws, "report", "delegationsbeslut", "2019-09-19")[1]
    listing = "Beslutsfattare\tBeslutsdatum\tBeslut\nAnna\t2019-08-02\tHemtjänst\n"
    listing += "Anna\t2019-08-03\t" + "x" * 140_000 + "\n"
    hostile = _file(tmp_path, "lång.tsv", listing)
    code, _, err = run(
        capsys, ws, "import", "delegationsbeslut", str(hostile), "--meeting", "2019-09-19"
    )
    assert code == 1 and "rad 3" in err and "längre än 131 072 tecken" in err, err
    assert "Traceback" not in err and "_csv" not in err
    assert run(capsys, ws, "report", "delegationsbeslut", "2019-09-19")[1] == before


@pytest.mark.usefixtures("demo_in_ws")
def test_an_unclosed_quote_in_a_roster_csv_is_a_swedish_error(ws, tmp_path, capsys):
    roster = 'Namn;Parti;Roll\nTuva Lund;S;ledamot\n"Erik Holm;S;ledamot\n' + "x" * 140_000
    code, _, err = run(
        capsys, ws, "import", "ledamoter", str(_file(tmp_path, "r.csv", roster)), "--from",
        "2019-01-01",
    )  # fmt: skip
    assert code == 1 and "r.csv, rad 3" in err and "citattecken" in err


@pytest.mark.usefixtures("demo_in_ws")
def test_an_impossible_date_in_the_unexecuted_file_names_item_and_line(ws, tmp_path, capsys):
    from namnd.storage.store import Store

    seed = (DATA / "ej-verkstallda-2019Q2.yaml").read_text(encoding="utf-8")
    hostile = _file(
        tmp_path, "ev.yaml", seed.replace("beslutsdatum: 2018-08-01", "beslutsdatum: 2019-02-30")
    )
    line = next(i for i, text in enumerate(seed.splitlines(), 1) if "2018-08-01" in text)
    store = Store.open(resolve(ws))
    try:
        before = len(store.delegation.unexecuted_decisions())
        code, _, err = run(capsys, ws, "import", "ej-verkstallda", str(hostile))
        assert code == 1 and "Traceback" not in err
        assert f"Rad {line} – Beslut 3: beslutsdatum ”2019-02-30” är inget datum" in err
        assert len(store.delegation.unexecuted_decisions()) == before
        assert (
            run(capsys, ws, "import", "ej-verkstallda", str(DATA / "ej-verkstallda-2019Q2.yaml"))[0]
            == 0
        )
        assert len(store.delegation.unexecuted_decisions()) == before + 28
    finally:
        store.close()


def _template(tmp_path: Path, name: str, change, drop: tuple[str, ...] = ()) -> Path:
    """python-docx's own template with its parts rewritten by ``change(name, data)``."""
    import zipfile

    import docx

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    target = tmp_path / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            if item.filename not in drop:
                out.writestr(item, change(item.filename, source.read(item.filename)))
    return target


def _without_styles(name: str, data: bytes) -> bytes:
    import re

    if name == "word/styles.xml":
        used = rb"Title|Heading\d|List\w*|Quote|NoSpacing|TableGrid"
        return re.sub(
            rb'<w:style [^>]*w:styleId="(' + used + rb')".*?</w:style>', b"", data, flags=re.S
        )
    if name in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
        return re.sub(rb"<(Relationship|Override) [^>]*numbering[^>]*/>", b"", data)
    return data


@pytest.mark.usefixtures("demo_in_ws")
def test_a_template_with_broken_styles_is_a_swedish_error_and_writes_nothing(ws, tmp_path, capsys):
    broken = _template(
        tmp_path,
        "trasig.docx",
        lambda name, data: data[: len(data) // 2] if name == "word/styles.xml" else data,
    )
    code, _, err = run(
        capsys,
        ws,
        "export",
        "kallelse",
        "2019-09-19",
        "--format",
        "docx",
        "--template",
        str(broken),
    )
    assert code == 1 and f"Mallen {broken} är skadad" in err and "styles.xml" in err
    # (the demo's bilagor are in agendas/handlingar/; no kallelse beside them)
    assert "Traceback" not in err and not list((ws / "agendas").glob("*.docx"))


@pytest.mark.parametrize("numbering", [True, False], ids=["med-numrering", "utan-numrering"])
@pytest.mark.usefixtures("demo_in_ws")
def test_a_template_without_title_heading_and_list_styles_gets_them(
    ws, tmp_path, capsys, numbering
):
    import docx

    drop = () if numbering else ("word/numbering.xml",)
    template = _template(tmp_path, "mall.docx", _without_styles, drop)
    assert "Title" not in docx.Document(str(template)).styles
    out = tmp_path / "kallelse.docx"
    code, _, err = run(
        capsys, ws, "export", "kallelse", "2019-09-19", "--format", "docx", "--template",
        str(template), "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    styles = {p.style.name for p in docx.Document(str(out)).paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles


@pytest.mark.usefixtures("demo_in_ws")
def test_namnd_agenda_never_prints_an_escape_sequence_stored_earlier(ws, capsys):
    """A database filled before import refused control characters."""
    from namnd.storage.database import make_engine

    engine = make_engine(resolve(ws).database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE arende SET title = title || char(27) || '[2J'"))
        connection.execute(
            text("UPDATE meeting SET place = 'Aly' || char(27) || ']0;x' || char(7)")
        )
    engine.dispose()
    code, out, _ = run(capsys, ws, "agenda", "2019-09-19")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "[2J" in out  # the visible rest of the text is still shown


@pytest.mark.usefixtures("demo_in_ws")
def test_word_export_of_a_control_character_stored_earlier_is_a_swedish_error(ws, capsys):
    from namnd.storage.database import make_engine

    engine = make_engine(resolve(ws).database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE arende SET summary_md = 'Text' || char(27) || '[2J'"))
    engine.dispose()
    code, _, err = run(capsys, ws, "export", "kallelse", "2019-09-19", "--format", "docx")
    assert code == 1 and "Kallelsen kunde inte skrivas som Word" in err and "styrtecken" in err
    assert not list((ws / "agendas").glob("*.docx")) if (ws / "agendas").exists() else True
