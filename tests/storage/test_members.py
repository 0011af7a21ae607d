"""The seats register on SQLite and a real PostgreSQL, and the närvaro drawn from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from namnd.cli.main import main
from namnd.domain.kinds import MemberRole, Position
from namnd.errors import InvalidInput, StaleEdit
from namnd.formats.roster_file import parse_roster
from namnd.rules.roster import Seat

ROSTER = Path(__file__).resolve().parents[2] / "agendas" / "data" / "ledamoter.yaml"
DAY = dt.date(2019, 9, 19)


@pytest.fixture
def demo(backend_demo_store):
    return backend_demo_store


def test_the_demo_roster_is_registered_and_a_reimport_changes_nothing(demo):
    seats = demo.members.seats()
    assert len(seats) == 19 and seats[0].display == "Tuva Lund (S)"
    assert demo.members.import_seats(parse_roster(ROSTER.read_text(encoding="utf-8"))) == 0
    assert demo.members.seats() == seats


def test_a_new_ersattare_is_called_last_and_an_ended_seat_leaves_the_narvaro(demo):
    lina = demo.members.save_seat(
        Seat("Lina Ek", "MP", MemberRole.SUBSTITUTE, first_day=dt.date(2019, 6, 1))
    )
    assert lina.order == 7
    holm = next(s for s in demo.members.seats() if s.name == "Erik Holm")
    demo.members.end_seat(holm.id, dt.date(2019, 8, 31))
    successor = demo.members.save_seat(
        Seat("Sofia Ahl", "S", MemberRole.MEMBER, first_day=dt.date(2019, 9, 1))
    )
    meeting = demo.schedule.find_meeting(DAY.isoformat()).id
    demo.protocols.open(meeting, by="sekr")
    names = [a.name for a in demo.protocols.get(meeting).protocol.attendees]
    assert "Erik Holm" not in names and successor.name in names
    assert [s.name for s in demo.members.seats()].count("Erik Holm") == 1, "history is kept"


def test_clashes_are_refused_and_change_nothing(demo):
    before = demo.members.seats()
    with pytest.raises(InvalidInput, match="Tuva Lund \\(S\\) är redan ordförande"):
        demo.members.save_seat(Seat("Per Ek", "M", MemberRole.MEMBER, DAY, position=Position.CHAIR))
    per = next(s for s in before if s.name == "Per Ek")
    with pytest.raises(InvalidInput, match="Per Ek har redan en plats"):
        demo.members.save_seat(Seat("Per Ek", "M", MemberRole.SUBSTITUTE, DAY))
    with pytest.raises(InvalidInput, match="sluta före"):
        demo.members.end_seat(per.id, dt.date(2018, 1, 1))
    clash = [
        Seat("Ny Person", "C", MemberRole.MEMBER, DAY),
        Seat("Tuva Lund", "S", MemberRole.MEMBER, DAY),
    ]
    with pytest.raises(InvalidInput, match="Tuva Lund har redan en plats"):
        demo.members.import_seats(clash)
    assert demo.members.seats() == before, "an import is all or nothing"
    renamed = demo.members.save_seat(dataclasses.replace(per, party="KD"), expected=per)
    assert renamed.id == per.id and demo.members.seats()[2].party == "KD"
    # A second secretary's form still shows the old seat: nothing is overwritten.
    with pytest.raises(StaleEdit, match="har ändrats av någon annan"):
        demo.members.save_seat(dataclasses.replace(per, party="L"), expected=per)
    assert demo.members.seats()[2].party == "KD"


@pytest.mark.usefixtures("demo_workspace")
def test_cli_lists_and_imports(workspace, capsys, tmp_path):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "members", "--on", "2019-09-19"]) == 0
    out = capsys.readouterr().out
    assert "Tuva Lund" in out and "förste vice ordförande" in out and "ersättare  6" in out
    assert main([*ws, "members", "--on", "2023-01-01"]) == 0
    assert "Nämnden har inga ledamöter den söndag 1 januari 2023" in capsys.readouterr().out
    roster = tmp_path / "ny-period.yaml"
    roster.write_text(
        "från: 2023-01-01\nledamöter:\n- {namn: Tuva Lund, parti: S, funktion: ordförande}\n",
        encoding="cp1252",
    )
    assert main([*ws, "import", "ledamoter", str(roster)]) == 0
    assert "Läste in 1 av 1 plats." in capsys.readouterr().out
    assert main([*ws, "members", "--on", "2023-01-01", "--json"]) == 0
    assert '"position": "chair"' in capsys.readouterr().out
    roster.write_text("från: 2023-01-01\nledamöter:\n- {namn: Per Ek}\n", encoding="utf-8")
    assert main([*ws, "import", "ledamoter", str(roster)]) == 1
    assert "rad 3: Partiet ”” ska skrivas" in capsys.readouterr().err
    table = tmp_path / "ledamöter 2023.csv"
    table.write_text("Namn;Parti;Roll\nPer Ek;M;ledamot\nAnna Berg;M;ersättare\n", "utf-16")
    command = [*ws, "import", "ledamoter", str(table), "--from", "2023-01-01"]
    assert main([*command, "--to", "2026-12-31"]) == 0
    assert "Läste in 2 av 2 platser." in capsys.readouterr().out
    assert main([*ws, "members", "--on", "2023-06-01"]) == 0
    assert "Per Ek" in capsys.readouterr().out
