"""The demo nämnd is the seed kallelse, faithfully: order, titles, numbers, both proposals."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from namnd.cli.main import main
from namnd.domain.kinds import ArendeKind
from namnd.domain.models import AgendaItem, Arende, DelegationDecision, GroupMeeting, Meeting
from namnd.formats.agenda_markdown import dump_agenda, parse_agenda
from namnd.operations.demo import demo_dir, load_demo

# Seed lines 18–27 (the list) and the per-item headings, with the headings' spelling.
SEED_AGENDA = [
    ("Information från förvaltningen", "von/2019:5", ArendeKind.INFORMATION),
    ("Delårsrapport 2", None, ArendeKind.DECISION),
    (
        "Återrapportering nämnduppdrag- genomlysning av boendestödet i Botkyrka",
        "von/2018:225",
        ArendeKind.REPORT_BACK,
    ),
    (
        "Återrapportering nämnduppdrag- genomlysning Myndighet",
        "von/2018:234",
        ArendeKind.REPORT_BACK,
    ),
    ("Statsbidrag för 2019 för förstärkning av äldreomsorgen", "von/2019:126", ArendeKind.DECISION),
    (
        "Yttrande över motion- Halvera matsvinnet till 2025 (V), KS/2019:161",
        "von/2019:76",
        ArendeKind.STATEMENT,
    ),
    (
        "Yttrande angående Riktlinjer Idéburet offentligt partnerskap",
        "von/2019:133",
        ArendeKind.STATEMENT,
    ),
    ("Sammanträdesordning 2020", "von/2019:117", ArendeKind.DECISION),
    ("Anmälningsärenden", "von/2019:2", ArendeKind.NOTIFICATIONS),
    ("Delegationsbeslut", "von/2019:1", ArendeKind.DELEGATION_DECISIONS),
]

SEED_2020 = [
    "2020-01-27", "2020-03-05", "2020-04-02", "2020-05-18", "2020-06-11",
    "2020-08-27", "2020-09-21", "2020-10-15", "2020-11-19", "2020-12-14",
]  # fmt: skip


def _counts(store) -> dict[str, int]:
    with Session(store.engine) as session:
        return {
            table.__name__: session.exec(select(func.count()).select_from(table)).one()
            for table in (Meeting, Arende, AgendaItem, GroupMeeting, DelegationDecision)
        }


def test_demo_meeting_matches_the_seed(backend_store):
    load_demo(backend_store)
    meeting = backend_store.find_meeting("2019-09-19")
    view = backend_store.agenda(meeting.id)
    assert [(i.title, i.dnr, i.kind) for i in view.items] == SEED_AGENDA
    assert [i.position for i in view.items] == list(range(1, 11))
    assert meeting.place == "Alytus" and meeting.start_time.strftime("%H:%M") == "18:30"
    assert (view.chair_name, view.secretary_name) == ("Tuva Lund (S)", "Kerstin Frimodig")
    delarsrapport = view.items[1]
    assert delarsrapport.sent_later == "16 september"


def test_both_proposal_layers_where_they_differ(demo_store):
    items = demo_store.agenda(demo_store.find_meeting("2019-09-19").id).items
    motion = items[5]
    assert motion.proposal == [
        "Vård- och omsorgsnämnden föreslår kommunfullmäktige att se motionen som besvarad."
    ]
    assert "avstyrker motionen" in motion.administration_proposal[0]
    boendestod = items[2]
    assert len(boendestod.proposal) == 3
    assert boendestod.proposal[2].endswith("senast december 2019.")
    assert boendestod.administration_proposal == [
        "Vård- och omsorgsnämnden har tagit del av rapporten "
        "”Genomlysning boendestöd Botkyrka kommun”."
    ]
    assert items[0].administration_proposal is None


def test_sekretess_bilagor_of_the_delegation_lists(demo_store):
    items = demo_store.agenda(demo_store.find_meeting("2019-09-19").id).items
    lists = items[9].attachments
    assert len(lists) == 3 and all(a.confidential for a in lists)
    assert all(a.file and a.file.endswith(".tsv") for a in lists)


def test_group_meetings_schedule_and_delegation(demo_store):
    with Session(demo_store.engine) as session:
        groups = session.exec(select(GroupMeeting).order_by(GroupMeeting.position)).all()
        assert [(g.parties, g.place, g.start_time.strftime("%H:%M")) for g in groups] == [
            ("S, KD, MP, C och L", "sammanträdessalen", "18:00"),
            ("Övriga partier", "Helges", "17:30"),
        ]
        decisions = session.exec(
            select(DelegationDecision).order_by(DelegationDecision.position)
        ).all()
    assert [d.dnr for d in decisions if d.code == "D2"] == [
        "von/2019:29:17", "von/2019:29:19", "von/2019:29:20", "von/2019:29:21",
    ]  # fmt: skip
    assert [m.date.isoformat() for m in demo_store.meetings(year=2020)] == SEED_2020


def test_demo_twice_changes_nothing(backend_store):
    first = load_demo(backend_store)
    before = _counts(backend_store)
    second = load_demo(backend_store)
    assert first.changed and not second.changed
    assert _counts(backend_store) == before


def test_agenda_file_is_in_canonical_form():
    text = (demo_dir() / "2019-09-19-von.md").read_text(encoding="utf-8")
    assert dump_agenda(parse_agenda(text)) == text


def test_delegation_list_files_have_the_seeds_row_counts():
    folder = demo_dir() / "data"
    lines = {
        name: (folder / f"delegationsbeslut-2019-08-{name}.tsv").read_text("utf-8").splitlines()
        for name in ("lss-sfb", "sol-under-65", "sol-over-65")
    }
    # Header plus data lines; LSS has one row wrapped onto a second line (see data/README.md).
    assert {k: len(v) - 1 for k, v in lines.items()} == {
        "lss-sfb": 78,
        "sol-under-65": 34,
        "sol-over-65": 320,
    }
    assert lines["lss-sfb"][30].split("\t")[0] == "Sergio"
    assert Path(folder / "README.md").read_text("utf-8").count("line 31") >= 1


def test_cli_demo_then_agenda_json(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "demo"]) == 0
    capsys.readouterr()
    assert main([*ws, "agenda", "2019-09-19", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(i["title"], i["dnr"]) for i in data["items"]] == [(t, d) for t, d, _ in SEED_AGENDA]
