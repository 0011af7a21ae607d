"""Utskick by e-mail through a real SMTP server (aiosmtpd): lists, versions, the send log.

The PDFs are built by LibreOffice, so each test sends a whole scenario: the demo to its
lists with a refusal, the retry, a run that finds nobody left, and a tillägg.
"""

from __future__ import annotations

import threading
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from namnd.cli.main import main
from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import MeetingStatus
from namnd.errors import InvalidInput
from namnd.formats.public_files import page_texts
from namnd.operations import mailing_lists
from namnd.operations.agenda_files import import_agenda_file
from namnd.operations.send_kallelse import plan, send
from namnd.rules.mailing import Recipient
from namnd.rules.roster import Seat
from namnd.storage import send_log
from namnd.storage.store import Store
from tests.renderers.docx_helpers import require_libreoffice

SENDER = "Nämndsekreterare <sekreterare@example.org>"
DEMO = "2019-09-19"
# Text of sekretess bilagor in the demo: in the handlingar, never in a public file.
SECRETS = ("Vergara Robello", "Gynnande beslut som inte verkställts inom tre månader")
PRESS = ("redaktion@example.org", "nyheter@example.org")


def _pdf_text(message) -> tuple[str, str]:
    (attachment,) = list(message.iter_attachments())
    text = " ".join(page_texts(attachment.get_content()))
    return attachment.get_filename(), " ".join(text.split())  # lines joined as read


def _pdf_holds(message, *needles: str) -> tuple[str, list[str]]:
    """The attachment's name and the ``needles`` its text lacks (none: it holds them all)."""
    name, text = _pdf_text(message)
    return name, [needle for needle in needles if needle not in text]


def _addresses(store: Store) -> list[str]:
    return [r.address for r in mailing_lists.members_of(store, "von", _day()).recipients]


def _day():
    import datetime as dt

    return dt.date.fromisoformat(DEMO)


def test_the_demo_reaches_each_list_once_with_its_version(demo_store, demo_pdf_cache, smtp_server):
    require_libreoffice()
    sink = smtp_server.sink
    everyone = _addresses(demo_store)
    assert len(everyone) == 23 and set(PRESS) <= set(everyone)
    sink.refuse.add("per.ek@example.org")

    first = send(demo_store, DEMO, smtp=smtp_server.url, sender=SENDER, by="kerstin")

    assert [r.recipient.name for r in first.refused] == ["Per Ek (M)"]
    assert "550" in first.refused[0].error
    assert not first.marked_sent  # (the demo's kallelse is utskickad in the seed already)
    for address in everyone:
        assert sink.count(address) == (0 if address == "per.ek@example.org" else 1), address
    ledamot = sink.to("tuva.lund@example.org")[0]
    assert ledamot["From"] == SENDER and ledamot["Subject"].startswith("Kallelse: Vård- och")
    body = ledamot.get_body(("plain",)).get_content()
    assert "Tid: torsdag 19 september 2019, kl 18:30" in body and "Plats: Alytus" in body
    assert "Gruppmöten:" in body and "Övriga partier: Träffas i Helges" in body
    name, lacking = _pdf_holds(ledamot, *SECRETS)
    assert name == "2019-09-19-von-handlingar.pdf"
    assert lacking == []
    for address in PRESS:
        name, public = _pdf_text(sink.to(address)[0])
        assert name == "2019-09-19-von-offentlig.pdf"
        assert "Delårsrapport 2" in public
        assert not any(secret in public for secret in SECRETS)
    with demo_store.session() as session:
        log = send_log.entries(session=session, meeting_id=first.plan.meeting_id)
    refused = [row for row in log if row.state == send_log.REFUSED]
    assert [(row.recipient, row.address) for row in refused] == [
        ("Per Ek (M)", "per.ek@example.org")
    ]
    assert "550" in refused[0].error
    assert {row.address for row in log if row.public} == set(PRESS)

    sink.refuse.clear()
    again = plan(demo_store, DEMO)
    assert [r.address for r in again.to_send] == ["per.ek@example.org"] and again.already == 22
    second = send(demo_store, DEMO, smtp=smtp_server.url, sender=SENDER, by="kerstin")
    assert [r.recipient.address for r in second.results] == ["per.ek@example.org"]
    assert all(sink.count(address) == 1 for address in everyone), "nobody twice"

    third = send(demo_store, DEMO, smtp=smtp_server.url, sender=SENDER)
    assert third.results == [] and third.plan.already == 23
    assert len(sink.received) == 23

    meeting_id = first.plan.meeting_id
    demo_store.agendas.add_arende(
        meeting_id, ArendeChanges(title="Lokalförsörjningsplan 2020"), by="kerstin"
    )
    tillagg = send(demo_store, DEMO, smtp=smtp_server.url, sender=SENDER, tillagg=True)
    assert not tillagg.refused and len(tillagg.results) == 23
    extra = sink.to("omar.haddad@example.org")[-1]
    assert extra["Subject"].startswith("Tillägg till kallelse: Vård- och omsorgsnämnden")
    assert (
        "Tillägg efter utskick: Lokalförsörjningsplan 2020"
        in extra.get_body(("plain",)).get_content()
    )
    assert _pdf_holds(extra, "Lokalförsörjningsplan 2020")[1] == []
    again = send(demo_store, DEMO, smtp=smtp_server.url, sender=SENDER, tillagg=True)
    assert again.results == [], "the same tillägg is not sent twice"


def test_dry_run_writes_eml_files_the_email_parser_reads_back(
    demo_store, demo_pdf_cache, tmp_path, capsys
):
    require_libreoffice()
    folder = tmp_path / "utkast"
    workspace = str(demo_store.workspace.root)
    # The handlingar (about 1.5 MB) are over a 1 MB limit: linked; the public kallelse is not.
    mailing_lists.set_limit(demo_store, "von", megabytes=1, url="https://botkyrka.example.org/h/")
    code = main(
        [
            "--workspace",
            workspace,
            *(["--db", demo_store.workspace.database_url]),
            "send",
            "kallelse",
            DEMO,
            "--to",
            "press",
            "--to",
            "revisorer",
            "--dry-run",
            str(folder),
            "--from",
            SENDER,
        ]
    )
    assert code == 0, capsys.readouterr().err
    printed = capsys.readouterr().out
    assert "skriven  Lokaltidningen <redaktion@example.org> – offentlig kallelse" in printed
    files = sorted(folder.glob("*.eml"))
    assert [f.name for f in files] == [
        "001-redaktion@example.org.eml",
        "002-nyheter@example.org.eml",
        "003-revisorer@example.org.eml",
    ]
    revisorer = BytesParser(policy=policy.default).parse(files.pop().open("rb"))
    assert not list(revisorer.iter_attachments())
    assert (
        "Kallelsen med handlingar är för stor för e-post och finns här: "
        "https://botkyrka.example.org/h/2019-09-19-von-handlingar.pdf"
    ) in revisorer.get_body(("plain",)).get_content()
    for path, address in zip(files, PRESS, strict=True):
        message = BytesParser(policy=policy.default).parse(path.open("rb"))
        assert message["X-Unsent"] == "1" and message["From"] == SENDER
        assert message["To"].addresses[0].addr_spec == address
        assert message["Subject"] == "Kallelse: Vård- och omsorgsnämnden torsdag 19 september 2019"
        assert "Tid: torsdag 19 september 2019" in message.get_body(("plain",)).get_content()
        name, text = _pdf_text(message)
        assert name.endswith("-offentlig.pdf") and not any(s in text for s in SECRETS)
    meeting_id = demo_store.schedule.find_meeting(DEMO).id
    with demo_store.session() as session:
        assert send_log.entries(session=session, meeting_id=meeting_id) == [], "nothing logged"
    assert [r.address for r in plan(demo_store, DEMO, lists=["press"]).to_send] == list(PRESS)
    with pytest.raises(InvalidInput, match="https://"):
        mailing_lists.set_limit(demo_store, "von", megabytes=None, url="botkyrka.se/handlingar")


SMALL = """---
nämnd: Kultur- och fritidsnämnden
kod: kfn
förvaltning: Kultur- och fritidsförvaltningen
datum: 2027-02-03
tid: 13:00
plats: Kulturhuset, rum 4
sekreterare: Bo Lind
---

## 1. Bidrag till föreningar 2027

Dnr: kfn/2027:3

### Förslag till beslut

Nämnden fördelar bidragen enligt förvaltningens förslag.
"""


def test_another_organ_sends_to_its_own_lists(store, tmp_path, smtp_server):
    require_libreoffice()
    agenda = tmp_path / "kfn.md"
    agenda.write_text(SMALL, encoding="utf-8")
    import_agenda_file(store, agenda)
    import datetime as dt

    start = dt.date(2027, 1, 1)
    from namnd.domain.kinds import MemberRole

    store.members.save_seat(
        Seat("Ida Berg", "S", MemberRole.MEMBER, start, email="ida@example.org"), "kfn"
    )
    store.members.save_seat(Seat("Ola Ek", "M", MemberRole.MEMBER, start), "kfn")  # no e-post
    mailing_lists.add_list(store, "kfn", "Föreningsrådet", public=True)
    mailing_lists.change_addresses(store, "kfn", "Föreningsrådet", add=["Rådet <rad@example.org>"])
    smtp_server.sink.refuse.add("ida@example.org")
    refused = send(store, "2027-02-03", smtp=smtp_server.url, sender=SENDER)
    assert [r.recipient.name for r in refused.refused] == ["Ida Berg (S)"]
    assert not refused.marked_sent, "nothing marked utskickad that was not sent"
    assert store.schedule.find_meeting("2027-02-03").status is not MeetingStatus.SENT
    smtp_server.sink.refuse.clear()
    outcome = send(store, "2027-02-03", smtp=smtp_server.url, sender=SENDER)
    assert outcome.plan.without_address == ["Ola Ek (M)"]
    assert [r.recipient.address for r in outcome.results] == ["ida@example.org"]
    (council,) = smtp_server.sink.to("rad@example.org")
    assert council["Subject"] == "Kallelse: Kultur- och fritidsnämnden onsdag 3 februari 2027"
    assert _pdf_holds(council)[0] == "2027-02-03-kfn-offentlig.pdf"
    assert (
        _pdf_holds(smtp_server.sink.to("ida@example.org")[0])[0] == "2027-02-03-kfn-handlingar.pdf"
    )
    assert (
        outcome.marked_sent
        and store.schedule.find_meeting("2027-02-03").status is MeetingStatus.SENT
    )


def test_two_senders_at_once_reserve_each_address_once(backend_demo_store):
    """Two secretaries pressing S together: every address is reserved by one of them only."""
    store = backend_demo_store
    meeting_id = store.schedule.find_meeting(DEMO).id
    people = [Recipient(f"Person {n}", f"p{n}@example.org", "Ledamöter", False) for n in range(30)]
    barrier = threading.Barrier(2)
    got: list[list[Recipient]] = []
    errors: list[BaseException] = []

    def secretary(name: str) -> None:
        try:
            barrier.wait()
            with store.session() as session:
                got.append(
                    send_log.reserve(
                        session=session,
                        meeting_id=meeting_id,
                        occasion="kallelse",
                        recipients=people,
                        by=name,
                    )
                )
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=secretary, args=(n,)) for n in ("kerstin", "anna")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(len(g) for g in got) == [0, 30], "one of them reserved all, the other none"
    with store.session() as session:
        send_log.record(
            session=session,
            meeting_id=meeting_id,
            occasion="kallelse",
            results=[
                (
                    p.address,
                    "<id@x>",
                    "servern svarade 550" if p.address == "p3@example.org" else "",
                )
                for p in people
            ],
        )
    with store.session() as session:
        left = send_log.reserve(
            session=session, meeting_id=meeting_id, occasion="kallelse", recipients=people, by="x"
        )
    assert [r.address for r in left] == ["p3@example.org"], "only the refused one again"


def test_lists_refuse_bad_addresses_and_the_seat_lists(demo_store):

    with pytest.raises(InvalidInput, match="”redaktion@example” är ingen e-postadress"):
        mailing_lists.change_addresses(demo_store, "von", "press", add=["redaktion@example"])
    with pytest.raises(InvalidInput, match="hämtas ur ledamotsregistret"):
        mailing_lists.change_addresses(demo_store, "von", "ledamoter", add=["a@example.org"])
    with pytest.raises(InvalidInput, match="fasta sändlistor"):
        mailing_lists.remove_list(demo_store, "von", "Revisorer")
    with pytest.raises(InvalidInput, match="ingen sändlista ”pressen”"):
        send(demo_store, DEMO, lists=["pressen"], dry_run=Path("x"), sender=SENDER)
    views = {v.name: v for v in mailing_lists.lists(demo_store, "von")}
    assert views["Press och allmänhet"].addresses == (
        "Lokaltidningen <redaktion@example.org>",
        "Radio Sörmland <nyheter@example.org>",
    )


def test_contact_details_belong_to_the_person_and_a_file_can_add_them(demo_store):
    import dataclasses

    seats = {s.name: s for s in demo_store.members.seats("von")}
    assert seats["Tuva Lund"].email == "tuva.lund@example.org"
    again = [
        dataclasses.replace(s, id=None, email="", phone="070-111 22 33") for s in seats.values()
    ]
    assert demo_store.members.import_seats(again, "von") == 0, "the same seats: nothing new"
    after = {s.name: s for s in demo_store.members.seats("von")}
    assert after["Tuva Lund"].email == "tuva.lund@example.org", "kept where the file has none"
    assert after["Tuva Lund"].phone == "070-111 22 33"
    changed = dataclasses.replace(after["Per Ek"], email="per@example.org")
    demo_store.members.save_seat(changed, "von", expected=after["Per Ek"])
    assert "per@example.org" in _addresses(demo_store)


def test_members_json_gives_the_contact_details(demo_store, capsys):
    import json

    workspace = demo_store.workspace
    args = ["--workspace", str(workspace.root), "--db", workspace.database_url]
    assert main([*args, "members", "--on", DEMO, "--json"]) == 0
    seats = json.loads(capsys.readouterr().out)["seats"]
    assert seats[0]["name"] == "Tuva Lund" and seats[0]["email"] == "tuva.lund@example.org"
    assert seats[0]["phone"] is None
