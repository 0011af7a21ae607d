"""The register of nämnduppdrag on both backends: demo chain, filters, history, återrapportering."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from namnd.cli.main import main
from namnd.domain.changes import ArendeChanges, AssignmentChanges
from namnd.domain.kinds import ArendeKind, AssignmentStatus, DueKind
from namnd.domain.models import Arende, Assignment, AssignmentChange
from namnd.errors import InvalidInput, NotFound
from namnd.operations.demo import load_demo
from tests.finders import assignment_containing

D = dt.date
AUTUMN_2019 = D(2019, 10, 1)  # a day after the demo meeting, before anything is due
VOF = "vård- och omsorgsförvaltningen"


def _arende_id(store, dnr: str) -> int:
    entries = store.agendas.agenda(store.schedule.find_meeting("2019-09-19").id).entries
    return next(e.arende_id for e in entries if e.arende.dnr == dnr)


@pytest.mark.usefixtures("backend_demo_store")
def test_demo_register_follows_the_seed(backend_store):
    plan = assignment_containing(
        backend_store, "ta fram en åtgärdsplan för boendestödet", today=AUTUMN_2019
    )
    assert (plan.origin_dnr, plan.origin_meeting_date, plan.given_on) == (
        "von/2018:225",
        D(2019, 9, 19),
        D(2019, 9, 19),
    )
    assert (plan.due_date, plan.due_kind) == (D(2019, 12, 31), DueKind.MEETING_IN_MONTH)
    assert plan.due_label == "nämndens sammanträde i december 2019 (datum ej satt)"
    assert (plan.assignee, plan.report_to, plan.status) == (
        VOF,
        "nämnden",
        AssignmentStatus.NOT_STARTED,
    )

    genomlysning = assignment_containing(
        backend_store, "Genomlysning av boendestödet", today=AUTUMN_2019
    )
    assert genomlysning.status is AssignmentStatus.REPORTED
    assert genomlysning.status_since == D(2019, 9, 19)
    assert genomlysning.origin_note == "beslut i december 2018"
    assert genomlysning.report_arende_id == _arende_id(backend_store, "von/2018:225")

    myndighet = assignment_containing(backend_store, "Genomlysning Myndighet", today=AUTUMN_2019)
    assert myndighet.status is AssignmentStatus.REPORTED and myndighet.origin_dnr == "von/2018:234"
    assert myndighet.due_date == D(2019, 9, 19)  # "på nämndens sammanträde i september 2019"

    new_myndighet = assignment_containing(
        backend_store, "ta fram en åtgärdsplan för Myndighet", today=AUTUMN_2019
    )
    assert new_myndighet.origin_dnr == "von/2018:234" and new_myndighet.due_date == D(2019, 12, 31)

    statsbidrag = assignment_containing(backend_store, "stimulansmedlen", today=AUTUMN_2019)
    assert (statsbidrag.report_to, statsbidrag.assignee) == ("Socialstyrelsen", "omsorgschef")
    assert (statsbidrag.due_date, statsbidrag.due_kind) == (D(2020, 2, 28), DueKind.EXACT_DATE)
    assert len(backend_store.assignments.find(today=AUTUMN_2019)) == 5


def test_demo_twice_adds_no_uppdrag(backend_store):
    load_demo(backend_store)
    second = load_demo(backend_store)
    assert not second.changed
    with Session(backend_store.engine) as session:
        assert session.exec(select(func.count()).select_from(Assignment)).one() == 5


def test_overdue_is_derived_from_today(demo_store):
    before = demo_store.assignments.find(today=AUTUMN_2019, overdue=True)
    after = demo_store.assignments.find(today=D(2020, 1, 1), overdue=True)
    assert before == []
    assert [v.text.endswith(("i boendestödet", "för Myndighet")) for v in after] == [True, True]
    assert {v.status_label for v in after} == {"försenad"}
    late = assignment_containing(demo_store, "åtgärdsplan för boendestödet", today=D(2020, 1, 1))
    assert late.overdue and late.status is AssignmentStatus.NOT_STARTED  # nothing stored


def test_filters(demo_store):
    reported = demo_store.assignments.find(today=AUTUMN_2019, statuses={AssignmentStatus.REPORTED})
    assert {v.origin_dnr for v in reported} == {"von/2018:225", "von/2018:234"}
    due = demo_store.assignments.find(today=AUTUMN_2019, due_before=D(2020, 1, 1))
    assert [v.due_date for v in due] == [D(2019, 9, 19), D(2019, 12, 31), D(2019, 12, 31)]
    by_dnr = demo_store.assignments.find(today=AUTUMN_2019, origin_dnr="von/2019:126")
    assert [v.report_to for v in by_dnr] == ["Socialstyrelsen"]


def test_meeting_in_month_resolves_once_the_meeting_is_planned(demo_store):
    from namnd.operations.schedule import add_dates

    add_dates(demo_store, [D(2019, 12, 12)], None)
    plan = assignment_containing(demo_store, "åtgärdsplan för boendestödet", today=AUTUMN_2019)
    assert plan.due_date == D(2019, 12, 12)
    assert plan.due_label == "nämndens sammanträde i december 2019 (12 december)"


@pytest.mark.usefixtures("backend_demo_store")
def test_status_history_names_who_and_when(backend_store):
    plan = assignment_containing(backend_store, "åtgärdsplan för boendestödet", today=AUTUMN_2019)
    backend_store.assignments.set_status(plan.id, AssignmentStatus.IN_PROGRESS, by="kerstin")
    backend_store.assignments.set_status(plan.id, AssignmentStatus.IN_PROGRESS, by="kerstin")
    backend_store.assignments.update(
        plan.id,
        AssignmentChanges(due_date=D(2020, 1, 27), due_kind=DueKind.MEETING_IN_MONTH),
        by="tuva",
    )
    detail = backend_store.assignments.get(plan.id, today=AUTUMN_2019)
    assert [(h.field_label, h.old_value, h.new_value, h.changed_by) for h in detail.history] == [
        ("registrerat", "", plan.text, "demo"),
        ("status", "ej påbörjad", "pågår", "kerstin"),
        ("senast", "2019-12-31", "2020-01-27", "tuva"),
    ]
    assert all(isinstance(h.changed_at, dt.datetime) for h in detail.history)
    assert detail.assignment.due_date == D(2020, 1, 27)  # the planned January meeting


@pytest.mark.usefixtures("backend_demo_store")
def test_deciding_a_report_back_marks_its_uppdrag_reported(backend_store):
    meeting_id = backend_store.schedule.find_meeting("2020-01-27").id
    report_id = backend_store.agendas.add_arende(
        meeting_id,
        ArendeChanges(title="Återrapportering åtgärdsplan boendestöd", kind=ArendeKind.REPORT_BACK),
        by="kerstin",
    )
    plan = assignment_containing(backend_store, "åtgärdsplan för boendestödet", today=AUTUMN_2019)
    other = assignment_containing(backend_store, "åtgärdsplan för Myndighet", today=AUTUMN_2019)
    backend_store.assignments.link_report_back(plan.id, report_id, by="kerstin")
    backend_store.assignments.link_report_back(other.id, report_id, by="kerstin")

    assert backend_store.assignments.decide_report_back(
        report_id, by="kerstin", keep_open={other.id}
    ) == [plan.id]
    done = backend_store.assignments.get(plan.id, today=AUTUMN_2019)
    assert done.assignment.status is AssignmentStatus.REPORTED
    assert done.assignment.status_since == D(2020, 1, 27)
    assert done.report_arende_title == "Återrapportering åtgärdsplan boendestöd"
    assert "Återrapporterad genom" in done.history[-1].note
    kept = backend_store.assignments.get(other.id, today=AUTUMN_2019)
    assert kept.assignment.status is AssignmentStatus.IN_PROGRESS
    assert "hålls öppet" in kept.history[-1].note
    arende, _ = backend_store.agendas.arende(report_id)
    assert arende.decided


def test_only_a_report_back_arende_can_answer_an_uppdrag(demo_store):
    plan = assignment_containing(demo_store, "åtgärdsplan för boendestödet", today=AUTUMN_2019)
    with pytest.raises(InvalidInput, match="inget återrapporteringsärende"):
        demo_store.assignments.link_report_back(
            plan.id, _arende_id(demo_store, "von/2019:126"), by="k"
        )
    with pytest.raises(NotFound, match="inget nämnduppdrag med id 999"):
        demo_store.assignments.get(999)


def test_add_assignment_and_invalid_fields(store):
    from namnd.operations.demo import load_demo as demo

    demo(store)
    with Session(store.engine) as session:
        organ_id = session.exec(select(Arende.organ_id)).first()
    new_id = store.assignments.add(
        organ_id,
        AssignmentChanges(
            text="Utreda taxor",
            assignee=VOF,
            due_date=D(2020, 6, 30),
            due_kind=DueKind.END_OF_PERIOD,
            due_text="under våren 2020",
        ),
        by="kerstin",
    )
    view = store.assignments.get(new_id, today=AUTUMN_2019).assignment
    assert view.due_label == "senast 30 juni 2020 (periodens slut)"
    assert view.report_to == "" and view.origin_label == ""
    with pytest.raises(InvalidInput, match="text"):
        store.assignments.add(organ_id, AssignmentChanges(text="  "), by="kerstin")
    store.assignments.update(
        new_id, AssignmentChanges(due_kind=DueKind.MEETING_IN_MONTH), by="kerstin"
    )
    with pytest.raises(InvalidInput, match="kräver ett datum"):
        store.assignments.update(new_id, AssignmentChanges(due_date=None), by="kerstin")
    # Rolled back; the meeting in June 2020 (seed item 8) is the due now.
    assert store.assignments.get(new_id).assignment.due_date == D(2020, 6, 11)
    with pytest.raises(TypeError, match="status"):  # status has its own method
        store.assignments.update(new_id, AssignmentChanges(status="closed"), by="kerstin")


def test_history_is_removed_with_its_uppdrag(demo_store):
    with demo_store.session() as session:
        assignment = session.exec(select(Assignment)).first()
        session.delete(assignment)
    with Session(demo_store.engine) as session:
        ids = session.exec(select(AssignmentChange.assignment_id)).all()
    assert assignment.id not in ids


@pytest.mark.usefixtures("demo_workspace")
def test_cli_uppdrag_json_after_demo(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "uppdrag", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["assignments"]
    plan = next(a for a in data if "åtgärdsplan för boendestödet" in a["text"])
    assert plan["origin"] == {"meeting_date": "2019-09-19", "dnr": "von/2018:225", "note": None}
    assert plan["given_on"] == "2019-09-19"
    assert plan["due"] == {
        "date": "2019-12-31",
        "text": "december 2019",
        "kind": "meeting_in_month",
        "label": "nämndens sammanträde i december 2019 (datum ej satt)",
    }
    genomlysning = next(a for a in data if a["text"].startswith("Genomlysning av boendestödet"))
    assert genomlysning["status"] == "reported" and genomlysning["overdue"] is False
    assert genomlysning["origin"] == {
        "meeting_date": None,
        "dnr": "von/2018:225",
        "note": "beslut i december 2018",
    }


@pytest.mark.usefixtures("demo_workspace")
def test_cli_filters_and_swedish_table(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "uppdrag", "--status", "försenad", "--today", "2020-01-05", "--json"]) == 0
    late = json.loads(capsys.readouterr().out)["assignments"]
    assert [a["status_label"] for a in late] == ["försenad", "försenad"]
    assert all(a["overdue"] and a["status"] == "not_started" for a in late)
    assert main([*ws, "uppdrag", "--status", "återrapporterad", "--today", "2019-10-01"]) == 0
    table = capsys.readouterr().out
    assert table.startswith("Id  Status") and table.count("återrapporterad") == 2
    assert main([*ws, "uppdrag", "--due-before", "2019-10-01", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["assignments"]) == 1
    assert main([*ws, "uppdrag", "--status", "klar"]) == 1
    assert "försenad" in capsys.readouterr().err


@pytest.mark.usefixtures("demo_workspace")
def test_cli_export_uppdrag_word_report(workspace, capsys, tmp_path):
    import docx

    ws = ["--workspace", str(workspace.root)]
    out = tmp_path / "rapport.docx"
    args = [*ws, "export", "uppdrag", "-o", str(out), "--today", "2020-01-05"]
    assert main([*args, "--since", "2019-09-01"]) == 0
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == ["Försenade", "Ej påbörjade", "Pågående"]
    assert headings[3].startswith("Återrapporterade sedan")
    assert document.core_properties.title == "Uppföljning av nämnduppdrag"
    late, _open, reported = (t for t in document.tables)
    assert [r.cells[2].text for r in late.rows[1:]] == [
        "von/2018:225, sammanträdet 2019-09-19",
        "von/2018:234, sammanträdet 2019-09-19",
    ]
    assert len(reported.rows) == 3  # header and the two December 2018 genomlysningar
