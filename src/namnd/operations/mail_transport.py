"""Delivering e-mail: one SMTP session per batch, each recipient's answer kept, or .eml files.

Sending a kallelse must never claim more than happened: the server may accept some
recipients and refuse others, or drop the connection half-way. ``send_messages`` therefore
returns one :class:`Delivery` per recipient, with the server's own refusal when there was
one, and the caller records exactly those that were accepted. A secretary who sends from
Outlook gets the same messages as ``.eml`` files (``write_eml``), marked as drafts so
Outlook opens them ready to send.
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path

from namnd.atomic_files import write_bytes
from namnd.errors import NamndError
from namnd.formats.smtp_url import SmtpServer, parse_smtp_url
from namnd.storage import preferences

PASSWORD_VARIABLE = "NAMND_SMTP_PASSWORD"
SERVER_VARIABLE = "NAMND_SMTP_URL"
KEYRING_SERVICE = "namnd"
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Delivery:
    """What the server said about one recipient of one message."""

    recipient: str
    message_id: str
    error: str = ""  # Swedish, with the server's reply; empty when the server accepted it

    @property
    def delivered(self) -> bool:
        return not self.error


def configured_server(explicit: str | None = None) -> SmtpServer | None:
    """The server to use: ``--smtp``, else ``NAMND_SMTP_URL``, else the user's settings."""
    url = explicit or os.environ.get(SERVER_VARIABLE) or preferences.load().smtp_url
    return parse_smtp_url(url) if url else None


def smtp_password(server: SmtpServer) -> str | None:
    """The password for ``server``: the environment first, then the system keyring.

    Never read from or written to the database. None when the server needs no login.
    """
    if server.user is None:
        return None
    password = os.environ.get(PASSWORD_VARIABLE)
    if password:
        return password
    try:
        import keyring
        import keyring.errors
    except ImportError:
        keyring = None  # type: ignore[assignment]  # optional: the environment variable suffices
    if keyring is not None:
        try:
            password = keyring.get_password(KEYRING_SERVICE, server.url())
        except keyring.errors.KeyringError:
            password = None
        if password:
            return password
    raise NamndError(
        f"Lösenord saknas för {server.user} på {server.host}. Ange det i {PASSWORD_VARIABLE} "
        f"eller spara det i datorns nyckelring (tjänst ”{KEYRING_SERVICE}”, "
        f"användare ”{server.url()}”)."
    )


def recipients(message: EmailMessage) -> list[str]:
    """Every address the message goes to (To, Cc and Bcc), as the server will see them."""
    fields = [str(v) for name in ("To", "Cc", "Bcc") for v in message.get_all(name, [])]
    return [address for _, address in getaddresses(fields) if address]


def send_messages(
    server: SmtpServer, messages: Sequence[EmailMessage], *, password: str | None = None
) -> list[Delivery]:
    """Send ``messages`` over one connection; one :class:`Delivery` per recipient.

    A server that cannot be reached or refuses the login raises a Swedish error before
    anything is sent. A connection lost mid-way marks the rest as not delivered.
    """
    login = password if password is not None else smtp_password(server)
    connection = _connect(server, login)
    deliveries: list[Delivery] = []
    try:
        for index, message in enumerate(messages):
            try:
                refused = connection.send_message(message)
            except smtplib.SMTPRecipientsRefused as error:
                refused = error.recipients
            except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
                deliveries += _all_failed(message, _reply(error.smtp_code, error.smtp_error))
                continue
            except (smtplib.SMTPException, OSError):
                for rest in messages[index:]:
                    deliveries += _all_failed(rest, "förbindelsen med e-postservern bröts")
                break
            message_id = str(message.get("Message-ID", ""))
            for address in recipients(message):
                answer = refused.get(address)
                error_text = _reply(*answer) if answer else ""
                deliveries.append(Delivery(address, message_id, error_text))
    finally:
        try:
            connection.quit()
        except (smtplib.SMTPException, OSError):
            connection.close()
    return deliveries


def write_eml(folder: Path, messages: Iterable[EmailMessage]) -> list[Path]:
    """Write each message as ``NNN-address.eml`` in ``folder``, opened by Outlook as a draft."""
    written = []
    for number, message in enumerate(messages, start=1):
        name = _safe_name(",".join(recipients(message)) or "utan-mottagare")
        written.append(write_bytes(folder / f"{number:03d}-{name}.eml", _as_bytes(message)))
    return written


def _as_bytes(message: EmailMessage) -> bytes:
    """The message with CRLF line ends and the draft marker, leaving ``message`` unchanged."""
    data = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
    head, _, body = data.partition(b"\r\n\r\n")
    return head + b"\r\nX-Unsent: 1\r\n\r\n" + body


def _connect(server: SmtpServer, password: str | None) -> smtplib.SMTP:
    context = ssl.create_default_context()
    try:
        if server.security == "tls":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
            if server.security == "starttls":
                connection.starttls(context=context)
        if server.user is not None:
            connection.login(server.user, password or "")
    except smtplib.SMTPAuthenticationError:
        raise NamndError(
            f"E-postservern {server.host} godtog inte inloggningen för {server.user}. "
            "Kontrollera användarnamn och lösenord."
        ) from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as error:
        raise NamndError(
            f"Kunde inte ansluta till e-postservern {server.url()}: {error}. Inget skickades."
        ) from None
    return connection


def _all_failed(message: EmailMessage, error: str) -> list[Delivery]:
    message_id = str(message.get("Message-ID", ""))
    return [Delivery(address, message_id, error) for address in recipients(message)]


def _reply(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"servern svarade {code} {said}".strip()


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.@+-]+", "_", text)[:80]
