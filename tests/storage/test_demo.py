"""The demo nämnd is the seed kallelse, faithfully: order, titles, numbers, both proposals.

The tables below are written from the seed (``shared/seeds/000_c1208d2cf6a969c8.txt``,
Botkyrka vård- och omsorgsnämnd 2019-09-19), not from the agenda file they check.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import func, select
from sqlmodel import Session, SQLModel
from sqlmodel import select as sqlmodel_select

from namnd.cli.main import main
from namnd.domain.kinds import ArendeKind, Position
from namnd.domain.models import (
    AgendaItem,
    Arende,
    DelegationDecision,
    GroupMeeting,
    Meeting,
    Membership,
    Person,
)
from namnd.formats.agenda_markdown import dump_agenda, parse_agenda
from namnd.operations.demo import demo_dir, load_demo
from namnd.operations.kallelse_export import export_kallelse

K = ArendeKind
# Per-item headings of the seed (lines 40–3002; the list on lines 15–24 misspells 3, 4
# and 9), their Dnr and kind. tests/renderers/test_kallelse_docx.py imports this table.
SEED_AGENDA = [
    ("Information från förvaltningen", "von/2019:5", K.INFORMATION),
    ("Delårsrapport 2", None, K.DECISION),
    ("Återrapportering nämnduppdrag- genomlysning av boendestödet i Botkyrka", "von/2018:225",
     K.REPORT_BACK),
    ("Återrapportering nämnduppdrag- genomlysning Myndighet", "von/2018:234", K.REPORT_BACK),
    ("Statsbidrag för 2019 för förstärkning av äldreomsorgen", "von/2019:126", K.DECISION),
    ("Yttrande över motion- Halvera matsvinnet till 2025 (V), KS/2019:161", "von/2019:76",
     K.STATEMENT),
    ("Yttrande angående Riktlinjer Idéburet offentligt partnerskap", "von/2019:133",
     K.STATEMENT),
    ("Sammanträdesordning 2020", "von/2019:117", K.DECISION),
    ("Anmälningsärenden", "von/2019:2", K.NOTIFICATIONS),
    ("Delegationsbeslut", "von/2019:1", K.DELEGATION_DECISIONS),
]  # fmt: skip
# Each item's tjänsteskrivelse: its date and Referens (none for Delårsrapport 2).
SEED_MEMOS = [
    ("2019-08-22", ["Kerstin Frimodig"]),
    (None, []),
    ("2019-06-24", ["Lindha Constantinou", "Åsa Dahl"]),
    ("2019-06-24", ["Lindha Constantinou", "Åsa Dahl"]),
    ("2019-08-22", ["Emma Åberg"]),
    ("2019-08-12", ["Nico Rönnberg"]),
    ("2019-08-12", ["Nico Rönnberg"]),
    ("2019-08-08", ["Kerstin Frimodig"]),
    ("2019-09-02", ["Kerstin Frimodig"]),
    ("2019-08-27", ["Kerstin Frimodig"]),
]

# Items whose kallelse proposal differs from the tjänsteskrivelse's: position →
# (first att-sats of the kallelse, the tjänsteskrivelse's att-satser).
DIFFERING_PROPOSALS = {
    3: (
        "Vård- och omsorgsnämnden har tagit del av rapporten "
        "”Genomlysning boendestöd Botkyrka kommun”.",
        ["Vård- och omsorgsnämnden har tagit del av rapporten "
         "”Genomlysning boendestöd Botkyrka kommun”."],
    ),
    4: (
        "Vård- och omsorgsnämnden har tagit del av rapporten "
        "”Genomlysning Myndighet Botkyrka kommun”.",
        ["Vård- och omsorgsnämnden har tagit del av rapporten "
         "”Genomlysning Myndighet Botkyrka kommun”."],
    ),
    5: (
        "Vård- och omsorgsnämnden beslutar att vård- och omsorgsförvaltningen rekviderar "
        "utlysta stimulansmedel för 2019.",
        ["Vård- och omsorgsnämnden beslutar att vård- och omsorgsförvaltningen rekviderar "
         "utlysta stimulansmedel för 2019.",
         "Vård- och omsorgsnämnden uppdrar åt omsorgschef att rekvirera och återrapportera "
         "stimulansmedlen till Socialstyrelsen."],
    ),
    6: (
        "Vård- och omsorgsnämnden föreslår kommunfullmäktige att se motionen som besvarad.",
        ["Vård- och omsorgsnämnden avstyrker motionen ”Halvera matsvinnet till 2025” med "
         "hänvisning till vård- och omsorgsförvaltningens yttrande."],
    ),
}  # fmt: skip

SEED_2020 = [
    "2020-01-27", "2020-03-05", "2020-04-02", "2020-05-18", "2020-06-11",
    "2020-08-27", "2020-09-21", "2020-10-15", "2020-11-19", "2020-12-14",
]  # fmt: skip
SEED_2020_WORDS = [
    "måndag 27 januari", "torsdag 5 mars", "torsdag 2 april", "måndag 18 maj",
    "torsdag 11 juni", "torsdag 27 augusti", "måndag 21 september", "torsdag 15 oktober",
    "torsdag 19 november", "måndag 14 december",
]  # fmt: skip

# Item 10's Sammanfattning, seed lines 3014–3030.
SEED_DELEGATION = [
    ("Omsorgsdirektör", "D2", "Attesträtt, lokalstrateg", "von/2019:29:17"),
    ("Omsorgsdirektör", "D2", "Attesträtt, enhetschef OF", "von/2019:29:19"),
    ("Omsorgsdirektör", "D2", "Attesträtt, t.f. enhetschef vård- och omsorgsboende",
     "von/2019:29:20"),
    ("Omsorgsdirektör", "D2", "Attesträtt, enhetschef OF", "von/2019:29:21"),
    ("Medicinskt ansvarig sjuksköterska (MAS)", "G43", "Lex Maria anmälan", "von/2019:90"),
    ("Myndighet", "",
     "Delegationsbeslut fattade av handläggare för LSS; SFB och SOL, 2019-08-01-2019-08-31.",
     None),
]  # fmt: skip

LISTS = ("lss-sfb", "sol-under-65", "sol-over-65")


def _agenda(store):
    return store.agendas.agenda(store.schedule.find_meeting("2019-09-19").id)


def _arenden(store) -> list[Arende]:
    with Session(store.engine) as session:
        return list(
            session.exec(
                sqlmodel_select(Arende)
                .join(AgendaItem)
                .join(Meeting)
                .where(Meeting.date == dt.date(2019, 9, 19))
                .order_by(AgendaItem.position)
            ).all()
        )


def _row_counts(store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def test_demo_meeting_has_the_seeds_ten_arenden(backend_store):
    load_demo(backend_store)
    view = _agenda(backend_store)
    assert [(e.arende.title, e.arende.dnr, e.arende.kind) for e in view.entries] == SEED_AGENDA
    arenden = _arenden(backend_store)
    memos = [(a.memo_date.isoformat() if a.memo_date else None, a.handlers) for a in arenden]
    assert memos == SEED_MEMOS
    assert arenden[5].external_ref == "KS/2019:161"
    assert arenden[8].related_dnrs == ["von/2019:4"]
    assert [a.external_ref for i, a in enumerate(arenden) if i != 5] == [None] * 9
    assert view.entries[1].arende.sent_later == "16 september"


def test_meeting_details_and_people(backend_store):
    load_demo(backend_store)
    view = _agenda(backend_store)
    assert (view.organ.code, view.organ.name) == ("von", "Vård- och omsorgsnämnden")
    meeting = view.meeting
    assert (meeting.chair_name, meeting.secretary_name) == ("Tuva Lund (S)", "Kerstin Frimodig")
    with Session(backend_store.engine) as session:
        row = session.exec(
            sqlmodel_select(Meeting).where(Meeting.date == dt.date(2019, 9, 19))
        ).one()
        assert (row.place, row.start_time.strftime("%H:%M")) == ("Alytus", "18:30")
        assert row.kallelse_date == dt.date(2019, 9, 3)
        assert row.secretary_title == "Nämndsekreterare"
        assert row.justering_text == ""
        groups = session.exec(
            sqlmodel_select(GroupMeeting)
            .where(GroupMeeting.meeting_id == row.id)
            .order_by(GroupMeeting.position)
        ).all()
        assert [(g.parties, g.place, g.date, g.start_time.strftime("%H.%M")) for g in groups] == [
            ("S, KD, MP, C och L", "sammanträdessalen", dt.date(2019, 9, 19), "18.00"),
            ("Övriga partier", "Helges", dt.date(2019, 9, 19), "17.30"),
        ]
        chair = session.exec(sqlmodel_select(Person).where(Person.name == "Tuva Lund")).one()
        seat = session.exec(
            sqlmodel_select(Membership).where(Membership.person_id == chair.id)
        ).one()
        assert (seat.party, seat.position) == ("S", Position.CHAIR)
        assert session.exec(sqlmodel_select(Person).where(Person.name == "Kerstin Frimodig")).one()


def test_both_proposal_layers_where_they_differ(demo_store):
    items = [entry.arende for entry in _agenda(demo_store).entries]
    for number, item in enumerate(items, start=1):
        if number in DIFFERING_PROPOSALS:
            first, administration = DIFFERING_PROPOSALS[number]
            assert item.proposal[0] == first
            assert item.administration_proposal == administration
            assert item.proposal != item.administration_proposal
        else:
            assert item.administration_proposal is None, item.title
    # The kallelse's own att-satser (seed lines 82–84, 837–839, 1878–1879).
    assert [len(items[i].proposal) for i in (2, 3, 4)] == [3, 3, 2]
    assert items[2].proposal[2] == (
        "Åtgärdsplanen och beskrivningen ska återrapporteras till nämnden senast december 2019."
    )
    assert items[1].proposal == []  # Delårsrapport 2: sent out on 16 September


def test_sammantradesordning_2020(demo_store):
    assert [m.date.isoformat() for m in demo_store.schedule.meetings(year=2020)] == SEED_2020
    summary = _agenda(demo_store).entries[7].arende.summary_md
    assert re.findall(r"^- (.+)$", summary, flags=re.M) == SEED_2020_WORDS


def test_delegationsbeslut_groups(demo_store):
    with Session(demo_store.engine) as session:
        decisions = session.exec(
            sqlmodel_select(DelegationDecision).order_by(DelegationDecision.position)
        ).all()
        assert [(d.delegate_group, d.code, d.subject, d.dnr) for d in decisions] == SEED_DELEGATION


def test_sekretess_bilagor(demo_store):
    items = _agenda(demo_store).entries
    lists = items[9].attachments
    assert [a.file for a in lists] == [f"data/delegationsbeslut-2019-08-{n}.tsv" for n in LISTS]
    assert all(a.confidential for a in lists)
    assert all((demo_dir() / a.file).is_file() for a in lists)
    notified = items[8].attachments
    assert [a.confidential for a in notified] == [False, True, True]
    assert notified[0].sent_later
    assert [a.title for a in items[1].attachments] == ["Delårsrapport 2"]
    assert not any(a.confidential for item in items[:8] for a in item.attachments)


def test_demo_twice_changes_nothing(backend_store):
    first = load_demo(backend_store)
    before = _row_counts(backend_store)
    second = load_demo(backend_store)
    assert first.changed and not second.changed
    assert _row_counts(backend_store) == before
    assert before["meeting"] == 11


def test_agenda_file_is_in_canonical_form():
    text = (demo_dir() / "2019-09-19-von.md").read_text(encoding="utf-8")
    doc = parse_agenda(text)
    assert dump_agenda(doc) == text
    assert [e.arende.title for e in doc.entries] == [row[0] for row in SEED_AGENDA]


def test_demo_exports_back_to_the_agenda_file(backend_store):
    load_demo(backend_store)
    text = (demo_dir() / "2019-09-19-von.md").read_text(encoding="utf-8")
    assert export_kallelse(backend_store, "2019-09-19", fmt="md", path=None) == text


def test_delegation_list_files_match_the_readme():
    folder = demo_dir() / "data"
    readme = (folder / "README.md").read_text("utf-8")
    for name in LISTS:
        lines = (folder / f"delegationsbeslut-2019-08-{name}.tsv").read_text("utf-8")
        lines = lines.splitlines()
        row = next(r for r in readme.splitlines() if f"`delegationsbeslut-2019-08-{name}.tsv`" in r)
        beslut, data_lines = re.search(r"(\d+) beslut \((\d+) data lines", row).groups()
        assert len(lines) - 1 == int(data_lines), name
        assert lines[0].split("\t") == [
            "Beslutsfattare", "Beslutsdatum", "Beslut", "Anledning till avslag", "Födelseår", "Kön",
        ]  # fmt: skip
        # Continuation lines (no date) are the only extra lines.
        dated = [r for r in lines[1:] if re.fullmatch(r"2019\d{4}", r.split("\t")[1])]
        assert len(dated) == int(beslut), name
    lss = (folder / "delegationsbeslut-2019-08-lss-sfb.tsv").read_text("utf-8").splitlines()
    assert lss[29].startswith("Vergara Robello,\t20190820\t")
    assert lss[30] == "Sergio\t\t\t\t\t"
    assert "line 31" in readme


def test_cli_demo_then_agenda_json(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "demo"]) == 0
    capsys.readouterr()
    assert main([*ws, "agenda", "2019-09-19", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(i["title"], i["dnr"]) for i in data["items"]] == [row[:2] for row in SEED_AGENDA]
