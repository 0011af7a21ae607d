"""The outgoing mail server written as one URL, the way a secretary is given it by IT.

``smtp://host:port`` (no encryption, e.g. a relay inside the kommun's network),
``smtp+starttls://user@host:587`` (STARTTLS, the usual submission port) and
``smtps://user@host:465`` (TLS from the first byte). The password is never part of the
URL that is saved: it comes from ``NAMND_SMTP_PASSWORD`` or the system keyring
(``operations.mail_transport.smtp_password``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from namnd.errors import InvalidInput

Security = Literal["none", "starttls", "tls"]

_SCHEMES: dict[str, tuple[Security, int]] = {
    "smtp": ("none", 25),
    "smtp+starttls": ("starttls", 587),
    "smtps": ("tls", 465),
}


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to connect; ``user`` is None when the server takes mail unauthenticated."""

    host: str
    port: int
    security: Security
    user: str | None = None

    def url(self) -> str:
        """The URL this was read from, without any password (safe to show and to save)."""
        scheme = next(name for name, (security, _) in _SCHEMES.items() if security == self.security)
        user = f"{self.user}@" if self.user else ""
        return f"{scheme}://{user}{self.host}:{self.port}"


def parse_smtp_url(text: str) -> SmtpServer:
    """Read a mail server URL; a Swedish error says which part is wrong."""
    raw = text.strip()
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise InvalidInput(
            f"E-postservern ”{raw}” ska börja med smtp://, smtp+starttls:// eller smtps://."
        )
    if parts.password is not None:
        raise InvalidInput(
            "Skriv inte lösenordet i serveradressen: ange det i NAMND_SMTP_PASSWORD "
            "eller i datorns nyckelring."
        )
    if not parts.hostname:
        raise InvalidInput(f"E-postservern ”{raw}” saknar värdnamn (t.ex. smtp.kommun.se).")
    try:
        port = parts.port
    except ValueError:
        raise InvalidInput(f"E-postservern ”{raw}” har ett ogiltigt portnummer.") from None
    security, default_port = _SCHEMES[scheme]
    user = unquote(parts.username) if parts.username else None
    return SmtpServer(parts.hostname, port or default_port, security, user)
