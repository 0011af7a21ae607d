"""A quarter's redovisning placed on a meeting: anmälda handlingar plus sekretess bilagor."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from namnd.cli.main import main
from namnd.operations.unexecuted_placing import place_redovisning
from tests.renderers.docx_helpers import package_text
from tests.storage.test_delegation_import import DATA

SECRET_TEXTS = ("2016-05-30", "MÅNADER", "tackat nej", "Resursbrist")


@pytest.mark.usefixtures("demo_workspace")
def test_placing_on_a_new_meeting_adds_the_item_the_handlingar_and_secret_bilagor(
    workspace, capsys
):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "import", "ej-verkstallda", str(DATA)]) == 0
    place = [*ws, "report", "ej-verkstallda", "--quarter", "2019Q2", "--as-of", "2019-08-27"]
    assert main([*place, "--meeting", "2020-01-27"]) == 0
    out = capsys.readouterr().out
    assert (
        "Anmäld handling: Redovisning av ej verkställda gynnande beslut enligt LSS, kvartal 2 2019"
        in out
    )

    from namnd.storage.store import Store

    store = Store.open(workspace)
    view = store.agendas.agenda(store.schedule.find_meeting("2020-01-27").id)
    (item,) = [e for e in view.entries if e.arende.title == "Anmälningsärenden"]
    titles = [d.title for d in store.agendas.announcements(item.arende_id)]
    assert titles == [
        "Redovisning av ej verkställda gynnande beslut enligt Socialtjänstlagen, kvartal 2 2019",
        "Redovisning av ej verkställda gynnande beslut enligt LSS, kvartal 2 2019",
    ]
    assert all(a.confidential and a.file for a in item.attachments)
    # The bilaga holds the individual tables ...
    bilaga = workspace.agendas / item.attachments[1].file
    cells = {c.text for t in docx.Document(str(bilaga)).tables for r in t.rows for c in r.cells}
    assert "2016-05-30" in cells

    # ... and placing again adds nothing.
    assert main([*place, "--meeting", "2020-01-27"]) == 0
    assert "fanns redan" in capsys.readouterr().out
    assert len(store.agendas.announcements(item.arende_id)) == 2

    # The public kallelse names the handlingar, never a row of the individual tables.
    assert main([*ws, "export", "kallelse", "2020-01-27", "--format", "docx", "--public"]) == 0
    public = package_text(workspace.agendas / "2020-01-27-von-offentlig.docx")
    assert "Redovisning av ej verkställda gynnande beslut enligt LSS" in public
    for secret in (*SECRET_TEXTS, "Sammanställning ej verkställda"):
        assert secret not in public


def test_the_seeds_own_lines_are_recognised_and_get_their_files(demo_store, workspace):
    from namnd.operations.unexecuted_report import import_register

    import_register(demo_store, DATA, by="test")
    placed = place_redovisning(demo_store, workspace, "2019Q2", "2019-09-19", by="test")
    assert placed.announced == [] and placed.attachments == []
    view = demo_store.agendas.agenda(demo_store.schedule.find_meeting("2019-09-19").id)
    bilagor = [a for a in view.entries[8].attachments if a.title.startswith("Sammanställning")]
    assert [a.file for a in bilagor] == [
        "bilagor/ej-verkstallda-2019Q2-lss.docx",
        "bilagor/ej-verkstallda-2019Q2-sol.docx",
    ]


def test_with_another_organ_the_meetings_own_register_is_placed(demo_store, workspace):
    from pathlib import Path

    from namnd.operations.agenda_files import import_agenda_file
    from namnd.operations.unexecuted_report import import_register

    import_register(demo_store, DATA, by="test")
    other = Path(__file__).parent.parent / "data" / "socialnamnd" / "arbetsutskott-kallelse.md"
    import_agenda_file(demo_store, other)  # a second organ: no "which nämnd?" question now
    placed = place_redovisning(
        demo_store, workspace, "2019Q2", "2020-01-27", by="test", as_of=dt.date(2019, 8, 27)
    )
    assert len(placed.announced) == 2
    tables = [t for path in placed.files for t in docx.Document(str(path)).tables]
    cells = {c.text for t in tables for r in t.rows for c in r.cells}
    assert "2016-05-30" in cells, "the vård- och omsorgsnämnd's register, not the utskott's"


@pytest.mark.usefixtures("demo_workspace")
def test_the_redovisning_is_a_tjansteskrivelse_the_registrator_can_diariefora(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "import", "ej-verkstallda", str(DATA)]) == 0
    out = workspace.root / "redovisning.docx"
    report = [*ws, "report", "ej-verkstallda", "--quarter", "2019Q2", "--format", "docx"]
    memo = ["--dnr", "von/2019:2", "--referens", "Maria Benninger"]
    signer = ["--underskrift", "Petra Oxonius, Omsorgsdirektör"]
    assert main([*report, *memo, *signer, "-o", str(out)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "Vård- och omsorgsförvaltningen\nTJÄNSTESKRIVELSE"
    assert texts[1].startswith("Datum ") and texts[1].endswith("\nDnr von/2019:2")
    assert texts[2:4] == ["Referens\nMaria Benninger", "Mottagare\nVård- och omsorgsnämnden"]
    assert texts[-1] == "Petra Oxonius\nOmsorgsdirektör"
