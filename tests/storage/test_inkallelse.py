"""Förhinder → inkallelse of the right ersättare, sent for real, and the närvaro after it."""

from __future__ import annotations

import datetime as dt
import io
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from namnd.cli.main import main
from namnd.domain.kinds import AttendeeKind, CallInMethod, MemberRole
from namnd.domain.models import Person
from namnd.errors import InvalidInput
from namnd.formats.smtp_url import parse_smtp_url
from namnd.operations import inkallelse
from namnd.operations.agenda_files import import_agenda_file
from namnd.rules.roster import Seat
from namnd.storage import preferences

DAY = "2019-09-19"
DATA = Path(__file__).parent.parent / "data" / "socialnamnd"
FIRST = dt.date(2023, 1, 1)
SENDER = "Nämndsekreterare <sekreterare@example.org>"


def first_proposed(store, ref: str) -> dict[str, str]:
    state = inkallelse.meeting_forhinder(store, ref)
    return {member.name: order[0].name for member, order in state.proposals if order}


def give_email(store, name: str, address: str, phone: str = "") -> None:
    with store.session() as session:
        person = session.exec(select(Person).where(Person.name == name)).one()
        person.email, person.phone = address, phone
        session.add(person)


def test_demo_forhinder_proposes_the_same_party_first_and_is_stored(backend_demo_store):
    store = backend_demo_store
    at = dt.datetime(2019, 9, 16, 8, 15, tzinfo=dt.UTC)
    seat = inkallelse.report_forhinder(store, DAY, "per ek", note="sjuk", by="sekr", at=at)
    assert seat.display == "Per Ek (M)"
    assert first_proposed(store, DAY) == {"Per Ek": "Anna Berg"}, "the only M ersättare"
    with pytest.raises(InvalidInput, match="redan anmält förhinder"):
        inkallelse.report_forhinder(store, DAY, "Per Ek", by="sekr")
    with pytest.raises(InvalidInput, match="ingen plats i nämnden"):
        inkallelse.report_forhinder(store, DAY, "Ingen Alls", by="sekr")
    # Anna Berg cannot come either: the next in inkallelseordning is proposed.
    inkallelse.report_forhinder(store, DAY, "Anna Berg", by="sekr", at=at)
    assert first_proposed(store, DAY) == {"Per Ek": "Fredrik Olsson"}
    outcome = inkallelse.call_in(store, DAY, "Per Ek", mode="phone", by="sekr", now=at)
    assert (outcome.substitute, outcome.method) == ("Fredrik Olsson", CallInMethod.PHONE)
    listed = inkallelse.meeting_forhinder(store, DAY)
    per = listed.forhinder[0]
    assert (per.name, per.note, per.recorded_by, per.reported_at) == ("Per Ek", "sjuk", "sekr", at)
    assert per.called_in is not None and per.called_in.substitute == "Fredrik Olsson"
    assert listed.proposals == [], "nobody left waiting"
    inkallelse.withdraw_forhinder(store, DAY, "Per Ek")
    assert [f.name for f in inkallelse.meeting_forhinder(store, DAY).forhinder] == ["Anna Berg"]


@pytest.fixture
def socialnamnd(store):
    import_agenda_file(store, DATA / "kallelse.md")
    member, substitute = MemberRole.MEMBER, MemberRole.SUBSTITUTE
    store.members.import_seats(
        [
            Seat("Mona Sahlin", "S", member, FIRST),
            Seat("Olof Lund", "M", member, FIRST),
            Seat("Kim Ek", "S", substitute, FIRST, order=1),
            Seat("Lars Berg", "M", substitute, FIRST, order=2),
            Seat("Eva Holm", "M", substitute, FIRST, order=3),
        ],
        "sn",
    )
    return store


def test_non_demo_organ_skips_ersattare_with_forhinder_or_already_called(socialnamnd):
    store, ref = socialnamnd, "2026-03-12"
    inkallelse.report_forhinder(store, ref, "Olof Lund", by="sekr")
    assert first_proposed(store, ref) == {"Olof Lund": "Lars Berg"}, "M before S's order 1"
    inkallelse.report_forhinder(store, ref, "Lars Berg (M)", by="sekr")
    assert first_proposed(store, ref) == {"Olof Lund": "Eva Holm"}
    inkallelse.call_in(store, ref, "Olof Lund", mode="phone", by="sekr")
    inkallelse.report_forhinder(store, ref, "Mona Sahlin", by="sekr")
    state = inkallelse.meeting_forhinder(store, ref)
    assert [(m.name, [s.name for s in order]) for m, order in state.proposals] == [
        ("Mona Sahlin", ["Kim Ek"])
    ], "Eva Holm is called in already, Lars Berg has förhinder"
    with pytest.raises(InvalidInput, match="kan inte kallas in"):
        inkallelse.call_in(store, ref, "Mona Sahlin", "Eva Holm", mode="phone", by="sekr")


def test_inkallelse_sent_with_the_handlingar_and_a_refusal_shown(
    demo_store, demo_pdf_cache, smtp_server
):
    store = demo_store
    preferences.save(preferences.Preferences(mail_from=SENDER))
    give_email(store, "Anna Berg", "anna.berg@example.org")
    give_email(store, "Fredrik Olsson", "fredrik.olsson@example.org")
    server = parse_smtp_url(smtp_server.url)
    inkallelse.report_forhinder(store, DAY, "Per Ek", by="sekr")
    smtp_server.sink.refuse.add("anna.berg@example.org")
    refused = inkallelse.call_in(store, DAY, "Per Ek", mode="email", server=server, by="sekr")
    assert not refused.sent and "550" in refused.error
    assert "Anna Berg" in refused.message() and "skickades inte" in refused.message()
    per = inkallelse.meeting_forhinder(store, DAY).forhinder[0]
    assert per.called_in is None and per.call_ins[-1].sent_at is None, "nothing marked sent"
    assert first_proposed(store, DAY) == {"Per Ek": "Anna Berg"}, "still open"

    smtp_server.sink.refuse.clear()
    sent = inkallelse.call_in(store, DAY, "Per Ek", mode="email", server=server, by="sekr")
    assert sent.sent
    [message] = smtp_server.sink.to("anna.berg@example.org")
    assert message["From"] == SENDER
    text = message.get_body(("plain",)).get_content()
    assert "Du kallas in som tjänstgörande ersättare för Per Ek (M)" in text
    assert "torsdag 19 september 2019" in text
    [attachment] = list(message.iter_attachments())
    pdf = PdfReader(io.BytesIO(attachment.get_content()))
    assert len(pdf.pages) > 3 and "Kallelse" in pdf.pages[0].extract_text()
    per = inkallelse.meeting_forhinder(store, DAY).forhinder[0]
    assert per.called_in is not None and per.called_in.sent_at is not None
    assert smtp_server.sink.to("fredrik.olsson@example.org") == []


def test_dry_run_eml_and_the_protocol_starts_from_the_call_in(demo_store, demo_pdf_cache, tmp_path):
    store = demo_store
    give_email(store, "Anna Berg", "anna.berg@example.org")
    workspace = ["--workspace", str(store.workspace.root)]
    assert main([*workspace, "forhinder", DAY, "Per Ek", "--note", "sjuk"]) == 0
    assert main([*workspace, "inkalla", DAY, "--dry-run", str(tmp_path / "utkast")]) == 0
    [eml] = sorted((tmp_path / "utkast").glob("*.eml"))
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "anna.berg@example.org"
    assert message["X-Unsent"] == "1"
    assert "ersättare för Per Ek (M)" in message.get_body(("plain",)).get_content()

    meeting_id = store.schedule.find_meeting(DAY).id
    store.protocols.open(meeting_id, by="sekr")
    attendees = store.protocols.get(meeting_id).protocol.attendees
    names = [a.name for a in attendees]
    assert "Per Ek" not in names, "förhinder: absent"
    serving = next(a for a in attendees if a.name == "Anna Berg")
    assert (serving.kind, serving.replaces, serving.party) == (
        AttendeeKind.SUBSTITUTE,
        "Per Ek",
        "M",
    )


def test_cli_lists_and_speaks_swedish(demo_store, capsys):
    workspace = ["--workspace", str(demo_store.workspace.root)]
    assert main([*workspace, "forhinder", DAY, "--list"]) == 0
    assert "Inga förhinder anmälda." in capsys.readouterr().out
    assert main([*workspace, "forhinder", DAY, "Per Ek"]) == 0
    out = capsys.readouterr().out
    assert "Förhinder registrerat för Per Ek (M)." in out
    assert "Per Ek (M) saknas: kalla in Anna Berg (M)" in out
    assert main([*workspace, "inkalla", DAY]) == 1
    assert "Ingen e-postserver är inställd" in capsys.readouterr().err
    assert main([*workspace, "inkalla", DAY, "--phone"]) == 0
    assert "Ring Anna Berg (för Per Ek (M))" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main([*workspace, "inkalla", DAY, "--phone", "--dry-run", "utkast"])
    assert "--dry-run går inte att kombinera med --phone" in capsys.readouterr().err
    assert main([*workspace, "forhinder", DAY, "Kalle Anka"]) == 1
    assert "Kalle Anka har ingen plats i nämnden" in capsys.readouterr().err


def test_cli_inkalla_names_a_refusal_and_a_missing_address(
    demo_store, demo_pdf_cache, smtp_server, capsys
):
    workspace = ["--workspace", str(demo_store.workspace.root)]
    preferences.save(preferences.Preferences(mail_from=SENDER))
    assert main([*workspace, "forhinder", DAY, "Per Ek"]) == 0
    give_email(demo_store, "Anna Berg", "")  # the demo's ersättare all have one
    assert main([*workspace, "inkalla", DAY, "--smtp", smtp_server.url]) == 1
    assert "Anna Berg har ingen e-postadress i ledamotsregistret" in capsys.readouterr().err
    give_email(demo_store, "Anna Berg", "anna.berg@example.org")
    smtp_server.sink.refuse.add("anna.berg@example.org")
    assert main([*workspace, "inkalla", DAY, "--smtp", smtp_server.url]) == 1
    out = capsys.readouterr().out
    assert "Inkallelsen till Anna Berg (för Per Ek (M)) skickades inte: servern svarade 550" in out
    assert main([*workspace, "forhinder", DAY, "--list"]) == 0
    assert "Anna Berg: ej skickad: servern svarade 550" in capsys.readouterr().out
    assert smtp_server.sink.received == []
