"""Sending through a real SMTP server: each recipient's answer kept, drafts for Outlook."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.errors import InvalidInput, NamndError
from namnd.formats.smtp_url import SmtpServer, parse_smtp_url
from namnd.operations.mail_transport import (
    configured_server,
    send_messages,
    smtp_password,
    write_eml,
)


def _message(to: str, subject: str = "Kallelse till sammanträde") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Nämndsekreterare <sekreterare@example.org>"
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="namnd.test")
    message.set_content("Välkommen till sammanträdet den 3 februari 2027 kl. 13.00.")
    return message


def test_urls_give_host_port_security_and_user() -> None:
    assert parse_smtp_url("smtp://relay.kommun.se") == SmtpServer("relay.kommun.se", 25, "none")
    assert parse_smtp_url("smtp+starttls://sekr@smtp.kommun.se:587") == SmtpServer(
        "smtp.kommun.se", 587, "starttls", "sekr"
    )
    assert parse_smtp_url("smtps://sekr%40kommun.se@mail.kommun.se") == SmtpServer(
        "mail.kommun.se", 465, "tls", "sekr@kommun.se"
    )


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://smtp.kommun.se", "ska börja med smtp://"),
        ("smtp://", "saknar värdnamn"),
        ("smtp://sekr:hemligt@smtp.kommun.se", "lösenordet"),
        ("smtp://smtp.kommun.se:99999", "portnummer"),
    ],
)
def test_bad_urls_are_named_in_swedish(url: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        parse_smtp_url(url)


@given(
    st.sampled_from(["smtp", "smtp+starttls", "smtps"]),
    st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,5}){1,2}", fullmatch=True),
    st.integers(1, 65535),
    st.one_of(st.none(), st.from_regex(r"[a-z][a-z0-9.]{0,15}", fullmatch=True)),
)
def test_url_round_trip(scheme: str, host: str, port: int, user: str | None) -> None:
    server = parse_smtp_url(f"{scheme}://{user + '@' if user else ''}{host}:{port}")
    assert parse_smtp_url(server.url()) == server


def test_server_from_the_environment(monkeypatch) -> None:
    assert configured_server() is None
    monkeypatch.setenv("NAMND_SMTP_URL", "smtp+starttls://sekr@smtp.kommun.se:587")
    assert configured_server().host == "smtp.kommun.se"
    assert configured_server("smtp://annan.se").host == "annan.se"


def test_a_login_without_password_is_refused_in_swedish(monkeypatch) -> None:
    monkeypatch.delenv("NAMND_SMTP_PASSWORD", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(NamndError, match="Lösenord saknas för sekr"):
        smtp_password(parse_smtp_url("smtps://sekr@mail.kommun.se"))
    monkeypatch.setenv("NAMND_SMTP_PASSWORD", "hemligt")
    assert smtp_password(parse_smtp_url("smtps://sekr@mail.kommun.se")) == "hemligt"


def test_each_recipient_answer_is_kept(smtp_server) -> None:
    smtp_server.sink.refuse.add("finns.inte@example.org")
    messages = [_message("anna@example.org"), _message("finns.inte@example.org")]
    deliveries = send_messages(parse_smtp_url(smtp_server.url), messages)
    assert [(d.recipient, d.delivered) for d in deliveries] == [
        ("anna@example.org", True),
        ("finns.inte@example.org", False),
    ]
    assert "550" in deliveries[1].error
    (received,) = smtp_server.sink.to("anna@example.org")
    assert received["Subject"] == "Kallelse till sammanträde"
    assert "3 februari 2027" in received.get_content()


def test_an_unreachable_server_sends_nothing() -> None:
    from tests.smtp_server import free_port

    with pytest.raises(NamndError, match=r"Kunde inte ansluta .* Inget skickades"):
        send_messages(parse_smtp_url(f"smtp://127.0.0.1:{free_port()}"), [_message("a@b.se")])


def test_drafts_for_outlook_read_back(tmp_path) -> None:
    message = _message("Örjan Åkesson <orjan@example.org>", "Kallelse – vård- och omsorgsnämnden")
    (path,) = write_eml(tmp_path, [message])
    assert path.name == "001-orjan@example.org.eml"
    parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert parsed["X-Unsent"] == "1"
    assert parsed["Subject"] == "Kallelse – vård- och omsorgsnämnden"
    assert parsed["To"].addresses[0].display_name == "Örjan Åkesson"
    assert "X-Unsent" not in message  # the caller's message is left as it was
