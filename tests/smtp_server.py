"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1, keeping every message it takes.

Addresses put in ``refuse`` get a 550 at RCPT, as a real server answers an unknown
mailbox, so the tests can see a refusal logged and retried.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from functools import cached_property

from aiosmtpd.controller import Controller


@dataclass
class Received:
    """One message as the server got it: the envelope and the message, parsed when read
    (a kallelse with handlingar is megabytes; most tests read few of the messages)."""

    sender: str
    recipients: list[str]
    content: bytes

    @cached_property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.content, policy=policy.default)  # type: ignore[return-value]


@dataclass
class SmtpSink:
    """The handler aiosmtpd calls; the test reads ``received`` and fills ``refuse``."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mottagaren finns inte"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
        )
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        """The messages whose envelope reached ``address``."""
        return [r.message for r in self.received if address in r.recipients]

    def count(self, address: str) -> int:
        """How many messages reached ``address`` (none of them parsed)."""
        return sum(address in r.recipients for r in self.received)


@dataclass
class SmtpTestServer:
    """A running server: ``url`` for ``--smtp``, ``sink`` for what arrived."""

    url: str
    sink: SmtpSink
    controller: Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start() -> SmtpTestServer:
    sink = SmtpSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return SmtpTestServer(f"smtp://127.0.0.1:{port}", sink, controller)
