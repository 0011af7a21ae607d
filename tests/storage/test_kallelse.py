"""Kallelse status log, late changes after utskick and the details form, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from namnd.domain.changes import ArendeChanges, MeetingDetailsChanges
from namnd.domain.kinds import MeetingStatus
from namnd.domain.models import Attachment, GroupMeeting
from namnd.errors import InvalidInput, StaleEdit
from namnd.operations.standing_items import add_standing_item


@pytest.fixture
def planned(backend_demo_store):
    meeting = backend_demo_store.schedule.find_meeting("2020-01-27")
    return backend_demo_store, meeting.id


def test_status_flow_is_logged_with_who_and_when(planned):
    store, meeting_id = planned
    store.agendas.set_status(meeting_id, MeetingStatus.DRAFT, by="kerstin")
    store.agendas.set_status(meeting_id, MeetingStatus.REVIEWED, by="tuva")
    with pytest.raises(InvalidInput, match="kan inte gå från ”granskad” till ”justerad”"):
        store.agendas.set_status(meeting_id, MeetingStatus.JUSTERAD, by="tuva")
    history = store.agendas.status_history(meeting_id)
    assert [(h.from_status, h.to_status, h.changed_by) for h in history] == [
        (MeetingStatus.PLANNED, MeetingStatus.DRAFT, "kerstin"),
        (MeetingStatus.DRAFT, MeetingStatus.REVIEWED, "tuva"),
    ]
    assert all(isinstance(h.changed_at, dt.datetime) for h in history)
    assert store.schedule.find_meeting(str(meeting_id)).status == MeetingStatus.REVIEWED


def test_changes_after_utskick_are_flagged_not_silent(planned):
    store, meeting_id = planned
    first = add_standing_item(store, meeting_id, "information", by="kerstin")
    assert store.agendas.late_changes(meeting_id) == []  # still a draft: nothing to flag
    # The first ärende turns the planned meeting into a draft kallelse.
    assert store.schedule.find_meeting(str(meeting_id)).status == MeetingStatus.DRAFT
    store.agendas.set_status(meeting_id, MeetingStatus.SENT, by="kerstin")
    second = store.agendas.add_arende(meeting_id, ArendeChanges(title="Extra ärende"), by="kerstin")
    store.agendas.move_arende(meeting_id, second, -1, by="kerstin")
    arende, _ = store.agendas.arende(first)
    store.agendas.save_arende(
        first, arende.version, ArendeChanges(summary_md="Ny text"), by="kerstin"
    )
    store.agendas.remove_arende(meeting_id, second, by="kerstin")
    changes = [
        (c.label, c.arende_title, c.description) for c in store.agendas.late_changes(meeting_id)
    ]
    assert changes == [
        ("Tillägg efter utskick", "Extra ärende", "Nytt ärende som punkt 2."),
        ("Ändring efter utskick", "Extra ärende", "Flyttat från punkt 2 till punkt 1."),
        ("Ändring efter utskick", "Information från förvaltningen", "Ändrat: sammanfattning"),
        ("Ändring efter utskick", "Extra ärende", "Ärendet har strukits från föredragningslistan."),
    ]


def test_editor_round_trip_with_bilagor_and_stale_edit(planned):
    store, meeting_id = planned
    arende_id = store.agendas.add_arende(meeting_id, ArendeChanges(title="Riktlinjer"), by="a")
    arende, attachments = store.agendas.arende(arende_id)
    assert attachments == []
    version = store.agendas.save_arende(
        arende_id,
        arende.version,
        ArendeChanges(proposal=["Nämnden antar riktlinjerna."], dnr=" von/2020:7 "),
        by="a",
        attachments=[Attachment(arende_id=0, position=0, title="Utredning", confidential=True)],
    )
    arende, attachments = store.agendas.arende(arende_id)
    assert (arende.dnr, arende.proposal, version) == (
        "von/2020:7",
        ["Nämnden antar riktlinjerna."],
        2,
    )
    assert [(a.title, a.confidential) for a in attachments] == [("Utredning", True)]
    with pytest.raises(StaleEdit, match="sparats av någon annan"):
        store.agendas.save_arende(arende_id, 1, ArendeChanges(title="Min gamla version"), by="b")
    assert store.agendas.arende(arende_id)[0].title == "Riktlinjer"


def test_meeting_details_and_gruppmoten(planned):
    store, meeting_id = planned
    meeting, groups = store.agendas.meeting_details(meeting_id)
    assert groups == []
    store.agendas.save_meeting_details(
        meeting_id,
        meeting.version,
        MeetingDetailsChanges(
            place="Alytus", start_time=dt.time(18, 30), chair_name="Tuva Lund (S)"
        ),
        [GroupMeeting(meeting_id=0, position=0, parties="S, KD, MP, C och L", place="Helges")],
    )
    meeting2, groups = store.agendas.meeting_details(meeting_id)
    assert (meeting2.place, meeting2.chair_name) == ("Alytus", "Tuva Lund (S)")
    assert [g.parties for g in groups] == ["S, KD, MP, C och L"]
    with pytest.raises(StaleEdit):
        store.agendas.save_meeting_details(
            meeting_id, meeting.version, MeetingDetailsChanges(place="Tumba"), []
        )
