"""A nämnd and its arbetsutskott in one database (SQLite and PostgreSQL): §-numbering,
seats, rules and year plans stay each organ's own, and the utskott's förslag goes on to
the nämnd's föredragningslista.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from namnd.domain.changes import ArendeChanges, OrganRulesChanges
from namnd.domain.kinds import MemberRole
from namnd.errors import InvalidInput, NotFound
from namnd.operations.agenda_files import export_agenda_markdown, import_agenda_file
from namnd.operations.protocol_export import import_protocol
from namnd.operations.schedule import year_plan
from namnd.rules.roster import Seat

DATA = Path(__file__).parent.parent / "data" / "socialnamnd"
FIRST = dt.date(2023, 1, 1)


@pytest.fixture
def organs(backend_store):
    store = backend_store
    import_agenda_file(store, DATA / "kallelse.md")
    import_agenda_file(store, DATA / "arbetsutskott-kallelse.md")
    import_protocol(store, DATA / "arbetsutskott-protokoll.md")
    store.members.import_seats(
        [
            Seat("Mona Sahlin", "S", MemberRole.MEMBER, FIRST),
            Seat("Siv Berg", "V", MemberRole.MEMBER, FIRST),
        ],
        "sn",
    )
    store.members.import_seats([Seat("Olof Ek", "M", MemberRole.MEMBER, FIRST)], "snau")
    return store


def meeting(store, code: str, day: str) -> int:
    return next(
        m.id
        for m in store.schedule.meetings()
        if m.organ_code == code and m.date.isoformat() == day
    )


def test_each_organ_numbers_its_own_paragraphs(organs):
    assert [(o.code, o.name) for o in organs.organs.all()] == [
        ("sn", "Socialnämnden"),
        ("snau", "Socialnämndens arbetsutskott"),
    ]
    au = organs.protocols.get(meeting(organs, "snau", "2026-02-26")).protocol
    assert [p.number for p in au.paragraphs] == [1, 2]
    nämnd = meeting(organs, "sn", "2026-03-12")
    organs.protocols.open(nämnd, by="sekreteraren")
    numbers = [p.number for p in organs.protocols.get(nämnd).protocol.paragraphs]
    assert numbers[0] == 1, "the utskott's §§ 1–2 do not move the nämnd's numbering"
    # The utskott's next meeting goes on from its own § 2.
    organs.schedule.plan_meetings([dt.date(2026, 4, 2)], "snau")
    april = meeting(organs, "snau", "2026-04-02")
    organs.agendas.add_arende(april, ArendeChanges(title="Lokalfrågor"), by="sekreteraren")
    organs.protocols.open(april, by="sekreteraren")
    assert organs.protocols.get(april).protocol.paragraphs[0].number == 3


def test_seats_belong_to_one_organ(organs):
    assert [s.name for s in organs.members.seats("sn")] == ["Mona Sahlin", "Siv Berg"]
    assert [s.name for s in organs.members.seats("snau")] == ["Olof Ek"]
    olof = organs.members.seats("snau")[0]
    with pytest.raises(NotFound):
        organs.members.end_seat(olof.id, dt.date(2026, 6, 30), "sn")
    assert organs.members.seats("snau")[0].last_day is None
    with pytest.raises(InvalidInput, match="--organ"):
        organs.members.seats()  # the CLI's message; the TUI always names the organ


def test_year_plans_and_rules_do_not_mix(organs):
    organs.schedule.plan_meetings([dt.date(2026, 4, 16)], "sn")
    organs.schedule.plan_meetings([dt.date(2026, 4, 2)], "snau")
    organs.schedule.save_rules(OrganRulesChanges(kallelse_days=3), "snau")
    sn, au = year_plan(organs, 2026, "sn"), year_plan(organs, 2026, "snau")
    assert [p.meeting.date.isoformat() for p in sn.meetings] == ["2026-03-12", "2026-04-16"]
    assert [p.meeting.date.isoformat() for p in au.meetings] == ["2026-02-26", "2026-04-02"]
    assert (sn.rules.kallelse_days, au.rules.kallelse_days) == (7, 3)
    with pytest.raises(NotFound):
        organs.schedule.remove_planned_meetings([dt.date(2026, 4, 2)], "sn")
    assert len(year_plan(organs, 2026, "snau").meetings) == 2


def test_the_utskotts_forslag_goes_to_the_namnd(organs):
    nämnd = meeting(organs, "sn", "2026-03-12")
    offered = organs.agendas.utskott_proposals(nämnd)
    assert [(o.organ_name, o.number, o.title) for o in offered] == [
        ("Socialnämndens arbetsutskott", 1, "Taxor för familjerådgivning 2026"),
        ("Socialnämndens arbetsutskott", 2, "Uppföljning av placeringar"),
    ]
    assert organs.agendas.utskott_proposals(meeting(organs, "snau", "2026-02-26")) == []

    arende_id = organs.agendas.place_from_utskott(nämnd, offered[0].paragraph_id, by="sekreteraren")
    entry = organs.agendas.agenda(nämnd).entries[-1]
    item = entry.arende
    assert (item.id, item.title, item.dnr) == (
        arende_id,
        "Taxor för familjerådgivning 2026",
        "sn/2026:115",
    )
    assert item.proposal == [
        "Arbetsutskottet föreslår socialnämnden besluta att anta taxorna för "
        "familjerådgivning 2026 med den ändringen att höjningen gäller från 1 maj."
    ]
    assert item.administration_proposal == [
        "Arbetsutskottet föreslår socialnämnden besluta att anta taxorna för "
        "familjerådgivning 2026."
    ]
    assert [a.title for a in entry.attachments] == ["Taxor för familjerådgivning 2026"]
    text = export_agenda_markdown(organs, str(nämnd))
    assert "Arbetsutskottets förslag, torsdag 26 februari 2026 § 1." in text

    # Once there, it is not offered again, and placing it twice is refused.
    assert [o.number for o in organs.agendas.utskott_proposals(nämnd)] == [2]
    with pytest.raises(InvalidInput, match="finns redan hos nämnden"):
        organs.agendas.place_from_utskott(nämnd, offered[0].paragraph_id, by="sekreteraren")
    # The utskott's own ärende and list are as they were.
    au = organs.agendas.agenda(meeting(organs, "snau", "2026-02-26"))
    assert [e.arende.title for e in au.entries] == [
        "Taxor för familjerådgivning 2026",
        "Uppföljning av placeringar",
    ]
    assert au.entries[0].arende_id != arende_id
