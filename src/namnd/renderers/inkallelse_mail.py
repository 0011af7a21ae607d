"""The inkallelse as an e-mail: who is called in for whom, when and where, handlingar attached.

Built with the secretariat's one message builder (``renderers.kallelse_mail``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage

from namnd.renderers.kallelse_mail import MailFile, mail_message
from namnd.rules.swedish_dates import clock, long_date


@dataclass(frozen=True)
class InkallelseLetter:
    """What the message says; the attachment is the internal handlingar package."""

    organ_name: str
    date: dt.date
    start_time: dt.time | None
    place: str
    substitute: str  # 'Anna Berg'
    substitute_address: str
    member: str  # 'Per Ek (M)'
    sender: str = ""  # 'Nämndsekreterare <sekr@kommun.se>'; empty in an Outlook draft


def subject(letter: InkallelseLetter) -> str:
    """'Inkallelse: Vård- och omsorgsnämnden torsdag 19 september 2019'."""
    return f"Inkallelse: {letter.organ_name} {long_date(letter.date)}"


def body(letter: InkallelseLetter) -> str:
    """The Swedish text: the ersättare, the ledamot replaced, the day, the time, the place."""
    when = long_date(letter.date)
    if letter.start_time is not None:
        when += f" kl. {clock(letter.start_time, '.')}"
    where = f" i {letter.place}" if letter.place else ""
    return (
        f"Hej {letter.substitute}!\n\n"
        f"{letter.member} har anmält förhinder till {letter.organ_name}s sammanträde "
        f"{when}{where}.\n\n"
        f"Du kallas in som tjänstgörande ersättare för {letter.member}.\n\n"
        "Kallelse med handlingar bifogas. Kan du inte komma, hör av dig till "
        "nämndsekreteraren snarast så att nästa ersättare kan kallas in.\n\n"
        "Med vänlig hälsning\n"
        f"{_sender_name(letter.sender) or 'Nämndsekreteraren'}\n"
    )


def inkallelse_message(
    letter: InkallelseLetter, pdf: bytes, filename: str, *, now: dt.datetime
) -> EmailMessage:
    """One message to the ersättare with the handlingar PDF attached (a draft without sender)."""
    return mail_message(
        sender=letter.sender or None,
        to=str(Address(letter.substitute, addr_spec=letter.substitute_address)),
        subject=subject(letter),
        body=body(letter),
        files=[MailFile(filename, pdf)],
        date=now,
    )


def _sender_name(sender: str) -> str:
    name, _, _ = sender.partition("<")
    return name.strip().strip('"')
