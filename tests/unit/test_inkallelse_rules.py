"""The rules of förhinder and inkallelse, without a database, and the message's text."""

from __future__ import annotations

import datetime as dt

from namnd.domain.kinds import AttendeeKind, CallInMethod, MemberRole
from namnd.domain.protocol import Attendee
from namnd.renderers.inkallelse_mail import InkallelseLetter, body, inkallelse_message
from namnd.rules.inkallelse import CallIn, Forhinder, proposals, starting_attendance
from namnd.rules.roster import Seat

DAY = dt.date(2026, 3, 12)
FIRST = dt.date(2023, 1, 1)
AT = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
SEATS = [
    Seat("Mona Sahlin", "S", MemberRole.MEMBER, FIRST, id=1),
    Seat("Olof Lund", "M", MemberRole.MEMBER, FIRST, id=2),
    Seat("Siv Berg", "V", MemberRole.MEMBER, FIRST, id=3),
    Seat("Kim Ek", "S", MemberRole.SUBSTITUTE, FIRST, order=1, id=4),
    Seat("Lars Berg", "M", MemberRole.SUBSTITUTE, FIRST, order=2, id=5),
]


def forhinder(name: str, role=MemberRole.MEMBER, *calls: CallIn) -> Forhinder:
    return Forhinder(id=1, name=name, party="", role=role, reported_at=AT, call_ins=calls)


def test_only_those_with_forhinder_get_a_proposal():
    assert proposals(SEATS, DAY, []) == []
    [(member, order)] = proposals(SEATS, DAY, [forhinder("Olof Lund")])
    assert (member.name, [s.name for s in order]) == ("Olof Lund", ["Lars Berg", "Kim Ek"])


def test_a_refused_email_calls_nobody_in_a_phone_call_does():
    refused = CallIn("Lars Berg", CallInMethod.EMAIL, AT, delivery="servern svarade 550")
    olof = forhinder("Olof Lund", MemberRole.MEMBER, refused)
    assert olof.called_in is None
    assert [m.name for m, _ in proposals(SEATS, DAY, [olof])] == ["Olof Lund"]
    rung = CallIn("Lars Berg", CallInMethod.PHONE, AT, delivery="070-123 45 67")
    olof = forhinder("Olof Lund", MemberRole.MEMBER, refused, rung)
    siv = forhinder("Siv Berg")
    [(member, order)] = proposals(SEATS, DAY, [olof, siv])
    assert (member.name, [s.name for s in order]) == ("Siv Berg", ["Kim Ek"]), "Lars is taken"
    assert "ringer själv: 070-123 45 67" in olof.line()


def test_the_called_in_ersattare_serves_in_the_ledamots_place():
    members = [Attendee(s.name, s.party, AttendeeKind.MEMBER) for s in SEATS[:3]]
    rung = CallIn("Lars Berg", CallInMethod.PHONE, AT)
    people = starting_attendance(
        members,
        SEATS,
        DAY,
        [forhinder("Olof Lund", MemberRole.MEMBER, rung), forhinder("Siv Berg")],
    )
    assert [(a.name, a.party, a.kind, a.replaces) for a in people] == [
        ("Mona Sahlin", "S", AttendeeKind.MEMBER, None),
        ("Lars Berg", "M", AttendeeKind.SUBSTITUTE, "Olof Lund"),
    ], "Siv Berg absent, nobody called in for her yet"


def test_the_message_without_time_or_place_still_reads_right():
    letter = InkallelseLetter(
        organ_name="Socialnämnden",
        date=DAY,
        start_time=None,
        place="",
        substitute="Lars Berg",
        substitute_address="lars.berg@example.org",
        member="Olof Lund (M)",
    )
    text = body(letter)
    assert (
        "Olof Lund (M) har anmält förhinder till Socialnämndens sammanträde torsdag 12 mars 2026."
        in text
    )
    assert text.rstrip().endswith("Nämndsekreteraren")
    message = inkallelse_message(letter, b"%PDF-1.7", "handlingar.pdf", now=AT)
    assert message["From"] is None, "an Outlook draft: Outlook fills in the sender"
    assert str(message["To"]) == "Lars Berg <lars.berg@example.org>"
