"""Seats of the nämnd: what is a valid seat, clashes, order, the roster file's errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.domain.kinds import MemberRole, Position
from namnd.errors import InvalidInput
from namnd.formats.roster_file import parse_roster
from namnd.rules.roster import (
    Seat,
    call_in,
    call_in_text,
    checked,
    conflicts,
    next_order,
    roster_order,
    seat_cells,
    seat_from_fields,
)

DEMO_ROSTER = Path(__file__).resolve().parents[2] / "agendas" / "data" / "ledamoter.yaml"
START, END = dt.date(2019, 1, 1), dt.date(2022, 12, 31)


def _seat(name, party="S", role=MemberRole.MEMBER, **kw) -> Seat:
    return Seat(name=name, party=party, role=role, first_day=kw.pop("first_day", START), **kw)


def test_checked_trims_and_explains_in_swedish():
    assert checked(_seat("  Tuva   Lund ", " S ")).name == "Tuva Lund"
    assert checked(_seat("Ola Obunden", "-")).display == "Ola Obunden (-)"
    with pytest.raises(InvalidInput, match="Namn saknas"):
        checked(_seat(" "))
    with pytest.raises(InvalidInput, match="förkortning"):
        checked(_seat("Tuva Lund", "Socialdemokraterna"))
    with pytest.raises(InvalidInput, match="sluta före det börjar"):
        checked(_seat("Tuva Lund", last_day=dt.date(2018, 12, 31)))
    with pytest.raises(InvalidInput, match="ersättare kan inte vara ordförande"):
        checked(_seat("Tuva Lund", role=MemberRole.SUBSTITUTE, position=Position.CHAIR))


def test_the_same_person_or_two_chairs_clash_only_when_periods_overlap():
    tuva = _seat("Tuva Lund", position=Position.CHAIR, last_day=END, id=1)
    assert conflicts(_seat("Tuva Lund", first_day=dt.date(2023, 1, 1)), [tuva]) == []
    assert "har redan en plats" in conflicts(_seat("Tuva Lund", "S"), [tuva])[0]
    two_chairs = conflicts(_seat("Per Ek", "M", position=Position.CHAIR), [tuva])
    assert two_chairs == [
        "Tuva Lund (S) är redan ordförande under samma tid (2019-01-01–2022-12-31)."
    ]
    assert conflicts(tuva, [tuva]) == [], "editing a seat does not clash with itself"


def test_presidium_first_then_members_then_ersattare_in_order():
    seats = [
        _seat("Erik Holm", id=1),
        _seat("Fredrik Olsson", role=MemberRole.SUBSTITUTE, order=2, id=2),
        _seat("Per Ek", "M", position=Position.SECOND_VICE_CHAIR, id=3),
        _seat("Anna Berg", "M", role=MemberRole.SUBSTITUTE, order=1, id=4),
        _seat("Tuva Lund", position=Position.CHAIR, id=5),
    ]
    names = [s.name for s in roster_order(seats)]
    assert names == ["Tuva Lund", "Per Ek", "Erik Holm", "Anna Berg", "Fredrik Olsson"]
    assert next_order(seats, dt.date(2020, 1, 1)) == 3


def test_the_form_reads_its_fields_or_names_the_mistake():
    values = {
        "name": "Lina Ek",
        "party": "MP",
        "role": "substitute",
        "position": "",
        "first_day": "2021-03-01",
        "last_day": "",
        "order": "7",
    }
    seat = seat_from_fields(values)
    assert seat_cells(seat) == ("ersättare", "7", "Lina Ek", "MP", "", "2021-03-01–")
    with pytest.raises(InvalidInput, match="första dag ”1 mars”"):
        seat_from_fields({**values, "first_day": "1 mars"})
    with pytest.raises(InvalidInput, match="heltal"):
        seat_from_fields({**values, "order": "sjunde"})


def test_the_demo_roster_file():
    seats = parse_roster(DEMO_ROSTER.read_text(encoding="utf-8"))
    members = [s for s in seats if s.role is MemberRole.MEMBER]
    substitutes = [s for s in seats if s.role is MemberRole.SUBSTITUTE]
    assert (len(members), len(substitutes)) == (13, 6)
    assert members[0].display == "Tuva Lund (S)" and members[0].position is Position.CHAIR
    assert [s.order for s in substitutes] == [1, 2, 3, 4, 5, 6]
    assert {(s.first_day, s.last_day) for s in seats} == {(START, END)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ledamöter:\n- {namn: A, parti: S}\n", "rad 1: från: saknas"),
        ("från: 1 januari\nledamöter: []\n", "rad 1: från: ”1 januari” är inget datum"),
        ("från: 2019-01-01\nledamöter:\n- {namn: A, parti: S}\n- {namn: B}\n", "rad 4: Partiet"),
        (
            "från: 2019-01-01\nledamöter:\n- {namn: A, parti: S}\n- {namn: A, parti: S}\n",
            "rad 4: A har redan en plats",
        ),
        ("från: 2019-01-01\nledamöter:\n- {namn: A, parti: S, roll: x}\n", "rad 3: okänt fält"),
        ("från: 2019-01-01\nledamöter:\n- {namn: A, parti: S, funktion: kung}\n", "rad 3: Okänt"),
        ("från: 2019-01-01\nledamot:\n- {namn: A, parti: S}\n", "rad 2: okänd rubrik"),
        ("från: 2019-01-01\n", "varken ledamöter eller ersättare"),
        ("från: [2019\n", "inte giltig YAML"),
        ("? [a]\n: b\n", "rad 1: här ska stå en text"),
        ("från: 2019-01-01\nledamöter:\n- {namn: [a], parti: S}\n", "rad 3: här ska stå en text"),
    ],
)
def test_mistakes_name_their_line(text, message):
    with pytest.raises(InvalidInput, match=message):
        parse_roster(text)


YAMLISH = st.text(alphabet="[]{}:-,?&*!#'\" \nabcåä019", max_size=80)


@given(YAMLISH | st.text(max_size=200) | YAMLISH.map(lambda t: f"från: 2019-01-01\n{t}"))
def test_any_text_is_seats_or_a_swedish_error(text):
    try:
        seats = parse_roster(text)
    except InvalidInput as err:
        assert str(err).startswith("rad ")
    else:
        assert seats and all(s.name and s.party for s in seats)


def test_call_in_own_party_first_then_the_rest_each_once():
    seats = parse_roster(DEMO_ROSTER.read_text(encoding="utf-8"))
    day = dt.date(2019, 9, 19)
    members = {s.name for s in seats if s.role is MemberRole.MEMBER}
    present = members - {"Per Ek", "Anna Wikström", "Karin Sjöberg"}
    proposals = call_in(seats, day, present, replaced=set())
    first = {member.name: order[0].display for member, order in proposals}
    # Anna Berg is the only M ersättare and goes to the first M seat on the list; the
    # others are filled in list order (Sjöberg before Wikström) from the inkallelseordning.
    assert first == {
        "Per Ek": "Anna Berg (M)",
        "Karin Sjöberg": "Fredrik Olsson (S)",
        "Anna Wikström": "Elin Strand (SD)",
    }
    text = call_in_text(proposals)
    assert text.splitlines()[0] == (
        "Per Ek (M) saknas: kalla in Anna Berg (M) (sedan Fredrik Olsson (S), Elin Strand (SD))."
    )
    later = call_in(seats, day, present | {"Anna Berg"}, replaced={"Per Ek"})
    assert [member.name for member, _ in later] == ["Karin Sjöberg", "Anna Wikström"]
    assert "Anna Berg" not in {s.name for _, order in later for s in order}, "in the room"
    assert call_in(seats, dt.date(2023, 1, 1), set(), set()) == [], "no seats that day"


CSV_ROSTER = (
    "Namn;Parti;Roll;Funktion\n"
    "Tuva Lund;S;ledamot;ordförande\n"
    "Per Ek;M;Ledamot;\n"
    "\n"
    "Fredrik Olsson;S;ersättare;\n"
    "Anna Berg;M;ersättare;\n"
)


def test_a_table_from_excel_or_csv_reads_like_the_file():
    from namnd.formats.roster_table import parse_roster_table

    seats = parse_roster_table(CSV_ROSTER.encode("cp1252"), first_day=START, last_day=END)
    assert [seat_cells(s)[:5] for s in seats] == [
        ("ledamot", "", "Tuva Lund", "S", "ordförande"),
        ("ledamot", "", "Per Ek", "M", ""),
        ("ersättare", "1", "Fredrik Olsson", "S", ""),
        ("ersättare", "2", "Anna Berg", "M", ""),
    ]
    assert {(s.first_day, s.last_day) for s in seats} == {(START, END)}


def test_an_xlsx_roster_with_its_own_dates(tmp_path):
    import io

    import openpyxl

    from namnd.formats.roster_table import parse_roster_table

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Namn", "Parti", "Roll", "Från", "Till"])
    sheet.append(["Sofia Ahl", "S", "ledamot", dt.datetime(2021, 3, 1), None])
    data = io.BytesIO()
    book.save(data)
    (seat,) = parse_roster_table(data.getvalue())
    assert (seat.name, seat.first_day, seat.last_day) == ("Sofia Ahl", dt.date(2021, 3, 1), None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Namn;Parti\nA;S\n", "rad 1: kolumnen Roll saknas"),
        ("Namn;Parti;Roll\nA;S;ordförande\n", "rad 2: Okänt värde ”ordförande”"),
        ("Namn;Parti;Roll\nA;S;ledamot\nA;S;ersättare\n", "rad 3: A har redan en plats"),
        ("Namn;Parti;Roll;Från\nA;S;ledamot;i våras\n", "rad 2: Ogiltigt datum i kolumnen Från"),
        ("Namn;Parti;Roll\n", "listar varken ledamöter eller ersättare"),
    ],
)
def test_table_mistakes_name_their_line(text, message):
    from namnd.formats.roster_table import parse_roster_table

    with pytest.raises(InvalidInput, match=message):
        parse_roster_table(text.encode(), first_day=START)


def test_a_table_without_dates_needs_the_mandate_period():
    from namnd.formats.roster_table import parse_roster_table

    with pytest.raises(InvalidInput, match=r"rad 2: Från saknas: .*\(--from\)"):
        parse_roster_table(b"Namn;Parti;Roll\nA;S;ledamot\n")
