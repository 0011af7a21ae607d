"""Sändlistor resolved to recipients, addresses checked, the e-mail's headers and body."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.domain.kinds import MemberRole
from namnd.errors import InvalidInput
from namnd.formats.markdown_sections import FileFormatError
from namnd.formats.roster_file import parse_roster
from namnd.renderers.kallelse_mail import MailFile, mail_message
from namnd.rules.addresses import checked_email, checked_phone
from namnd.rules.mailing import ListView, parsed_address, resolve
from namnd.rules.roster import Seat, seat_from_fields

DAY = dt.date(2027, 2, 3)
START = dt.date(2027, 1, 1)


def _seat(name: str, role: MemberRole, email: str = "", **kw) -> Seat:
    return Seat(name, "S", role, START, email=email, **kw)


def test_a_person_on_two_lists_gets_one_mail_and_the_internal_version() -> None:
    lists = [
        ListView("Ledamöter", "ledamoter", False),
        ListView("Ersättare", "ersattare", False),
        ListView(
            "Press och allmänhet", "press", True, ("Tuva <TUVA@example.org>", "p@example.org")
        ),
    ]
    seats = [
        _seat("Tuva Lund", MemberRole.MEMBER, "tuva@example.org"),
        _seat("Ola Ek", MemberRole.MEMBER),
        _seat("Eva Strand", MemberRole.SUBSTITUTE, "eva@example.org", order=1),
        Seat("Gone", "S", MemberRole.MEMBER, START, dt.date(2027, 1, 31), email="g@example.org"),
    ]
    resolved = resolve(lists, seats, DAY)
    assert [(r.address, r.public, r.list_name) for r in resolved.recipients] == [
        ("tuva@example.org", False, "Ledamöter"),
        ("eva@example.org", False, "Ersättare"),
        ("p@example.org", True, "Press och allmänhet"),
    ]
    assert resolved.without_address == ["Ola Ek (S)"]
    only_press = resolve(lists, seats, DAY, ["press"])
    assert [r.public for r in only_press.recipients] == [True, True]


@pytest.mark.parametrize(
    "text", ["tuva.lund", "tuva@", "@example.org", "tuva@example", "tu va@example.org", "a..b@x.se"]
)
def test_bad_addresses_are_named(text: str) -> None:
    with pytest.raises(InvalidInput, match=f"E-post: ”{text.strip()}” är ingen e-postadress"):
        checked_email(text)


@given(
    st.from_regex(r"[a-z][a-z0-9._-]{0,15}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}(\.[a-z]{2,6}){1,2}", fullmatch=True),
    st.text(alphabet="ÅÄÖåäö abcdefgh()", max_size=20),
)
def test_any_plain_address_with_a_name_reads_back(local: str, domain: str, name: str) -> None:
    if ".." in local:
        return
    address = f"{local}@{domain}"
    from namnd.rules.mailing import display_address

    shown = display_address(name.strip(), address)
    assert parsed_address(shown)[1] == address
    message = mail_message(sender="Sekr <s@example.org>", to=shown, subject="Kallelse", body="Hej")
    assert message["To"].addresses[0].addr_spec == address


def test_one_attachment_shared_by_many_e_mails_reads_back_whole_in_each() -> None:
    """The handlingar are encoded once for all recipients: each e-mail still carries
    them byte for byte, under its own headers, and sending one changes no other."""
    from email import message_from_bytes, policy

    pdf = MailFile("Kallelse med handlingar.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 400)
    messages = [
        mail_message(
            sender="s@example.org",
            to=f"L{n} <l{n}@example.org>",
            subject="K",
            body="Hej",
            files=[pdf],
        )
        for n in range(3)
    ]
    first = messages[0].as_bytes()
    # As it is sent: another policy (CRLF), lent to the shared part while it is written.
    messages[1].as_bytes(policy=messages[1].policy.clone(linesep="\r\n"))
    for n, message in enumerate(messages):
        assert list(message.iter_attachments()) == [pdf.part]  # one part for all
        read = message_from_bytes(message.as_bytes(), policy=policy.default)
        (attachment,) = read.iter_attachments()
        assert read["To"] == f"L{n} <l{n}@example.org>"
        assert attachment.get_filename() == "Kallelse med handlingar.pdf"
        assert attachment.get_content_disposition() == "attachment"
        assert attachment.get_content() == pdf.data
        assert read.get_body(("plain",)).get_content().strip() == "Hej"
    assert messages[0].as_bytes() == first


def test_the_roster_file_reads_e_post_and_telefon_and_names_a_bad_line() -> None:
    text = (
        "från: 2027-01-01\nledamöter:\n"
        "- {namn: Ida Berg, parti: S, e-post: ida@example.org, telefon: 070-123 45 67}\n"
        "- {namn: Ola Ek, parti: M, e-post: ola.example.org}\n"
    )
    with pytest.raises(FileFormatError, match=r"rad 4: Ola Ek: e-post: ”ola.example.org”"):
        parse_roster(text)
    (seat,) = parse_roster(text.rsplit("- {namn: Ola", 1)[0])
    assert (seat.email, seat.phone) == ("ida@example.org", "070-123 45 67")


def test_the_form_checks_e_post_and_telefon() -> None:
    values = {"name": "Ida Berg", "party": "S", "role": "member", "first_day": "2027-01-01"}
    with pytest.raises(InvalidInput, match="Ida Berg: telefon: ”ring mig”"):
        seat_from_fields({**values, "phone": "ring mig"})
    seat = seat_from_fields({**values, "email": " ida@example.org ", "phone": "+46 8 530 610 00"})
    assert (seat.email, seat.phone) == ("ida@example.org", "+46 8 530 610 00")
    assert checked_phone("") == ""


def test_the_roster_table_reads_e_post_and_telefon_columns() -> None:
    from namnd.formats.roster_table import parse_roster_table

    table = (
        "Namn;Parti;Roll;E-post;Telefon\n"
        "Ida Berg;S;ledamot;ida@example.org;070-123 45 67\n"
        "Ola Ek;M;ersättare;;\n"
    ).encode()
    ida, ola = parse_roster_table(table, name="ledamoter.csv", first_day=START)
    assert (ida.email, ida.phone, ola.email) == ("ida@example.org", "070-123 45 67", "")
    bad = table.replace(b"ida@example.org", b"ida@example")
    with pytest.raises(FileFormatError, match="rad 2: Ida Berg: e-post"):
        parse_roster_table(bad, name="ledamoter.csv", first_day=START)
