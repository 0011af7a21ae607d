"""Editing a föredragningslista, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session

from namnd.domain.kinds import ArendeKind
from namnd.domain.models import Arende
from namnd.errors import InvalidInput, StaleEdit
from namnd.operations.agenda_files import import_agenda_file
from namnd.rules.standing_items import STANDING_ITEMS, standing_item
from namnd.storage import agenda_editing as editing

SMALL = Path(__file__).parent.parent / "data" / "small-agenda.md"


@pytest.fixture
def meeting_id(backend_store):
    return import_agenda_file(backend_store, SMALL).meeting_id


def titles(store, meeting_id):
    entries = store.agendas.agenda(meeting_id).entries
    return [(n, e.arende.title) for n, e in enumerate(entries, start=1)]


def test_add_from_template_move_and_remove(backend_store, meeting_id):
    template = standing_item("delegation").fill("Vård- och omsorgsnämnden")
    with backend_store.session() as session:
        new = editing.add_new_arende(
            session=session, meeting_id=meeting_id, fields=template.as_dict()
        )
    assert titles(backend_store, meeting_id)[-1] == (3, "Delegationsbeslut")
    assert backend_store.agendas.agenda(meeting_id).entries[-1].arende.proposal == [
        "Vård- och omsorgsnämnden noterar till protokollet att nämnden tagit del av besluten."
    ]
    with backend_store.session() as session:
        assert (
            editing.move_arende(session=session, meeting_id=meeting_id, arende_id=new.id, delta=-1)
            == 2
        )
    assert titles(backend_store, meeting_id) == [
        (1, "Information från förvaltningen"),
        (2, "Delegationsbeslut"),
        (3, "Återrapportering"),
    ]
    with backend_store.session() as session:
        editing.move_arende(session=session, meeting_id=meeting_id, arende_id=new.id, delta=-9)
    first = backend_store.agendas.agenda(meeting_id).entries[1].arende_id
    with backend_store.session() as session:
        editing.remove_arende(session=session, meeting_id=meeting_id, arende_id=first)
    assert titles(backend_store, meeting_id) == [(1, "Delegationsbeslut"), (2, "Återrapportering")]


def test_removed_arende_can_be_placed_again(backend_store, meeting_id):
    first = backend_store.agendas.agenda(meeting_id).entries[0].arende_id
    with backend_store.session() as session:
        editing.remove_arende(session=session, meeting_id=meeting_id, arende_id=first)
        assert [
            a.id for a in editing.undecided_arenden(session=session, meeting_id=meeting_id)
        ] == [first]
        editing.place_arende(session=session, meeting_id=meeting_id, arende_id=first)
    assert titles(backend_store, meeting_id)[-1] == (2, "Information från förvaltningen")
    with backend_store.session() as session, pytest.raises(InvalidInput, match="redan"):
        editing.place_arende(session=session, meeting_id=meeting_id, arende_id=first)


def test_new_arende_needs_a_title_and_a_valid_dnr(backend_store, meeting_id):
    with backend_store.session() as session, pytest.raises(InvalidInput, match="rubrik"):
        editing.add_new_arende(session=session, meeting_id=meeting_id, fields={"title": " "})
    with backend_store.session() as session, pytest.raises(InvalidInput, match="diarienummer"):
        editing.add_new_arende(
            session=session, meeting_id=meeting_id, fields={"title": "X", "dnr": "von-2019"}
        )
    assert len(titles(backend_store, meeting_id)) == 2


def test_two_people_saving_the_same_arende(backend_store, meeting_id):
    """The second save is refused and the first person's text survives."""
    arende_id = backend_store.agendas.agenda(meeting_id).entries[0].arende_id
    with Session(backend_store.engine) as s:
        read_version = s.get(Arende, arende_id).version  # both editors open version 1
    with backend_store.session() as session:
        editing.save_arende(
            session=session,
            arende_id=arende_id,
            version=read_version,
            changes={"summary_md": "Anna skrev detta."},
        )
    with backend_store.session() as session, pytest.raises(StaleEdit, match="någon annan"):
        editing.save_arende(
            session=session,
            arende_id=arende_id,
            version=read_version,
            changes={"summary_md": "Bertil skrev över."},
        )
    view = backend_store.agendas.agenda(meeting_id).entries[0].arende
    assert view.summary_md == "Anna skrev detta."


def test_save_normalises_and_validates(backend_store, meeting_id):
    arende_id = backend_store.agendas.agenda(meeting_id).entries[0].arende_id
    with backend_store.session() as session:
        saved = editing.save_arende(
            session=session,
            arende_id=arende_id,
            version=1,
            changes={"dnr": " von / 2019 : 7", "kind": ArendeKind.DECISION},
        )
        assert (saved.dnr, saved.version, saved.kind) == ("von/2019:7", 2, ArendeKind.DECISION)


def test_every_template_names_the_organ():
    for item in STANDING_ITEMS:
        assert item.fill("Socialnämnden").as_dict()["proposal"][0].startswith("Socialnämnden ")
