"""E-mails from the secretariat: headers, From, body layout, attachments.

Every e-mail namnd sends (the kallelse, a tillägg, an inkallelse of an ersättare) is
built here, so they all look alike and carry the same headers: ``mail_message`` makes
any of them; ``kallelse_body`` and ``tillagg_body`` are the texts of the utskick. The
body reads like the kallelse's first page (time, place, ärenden, gruppmöten, justering:
``renderers.kallelse_lines``); the public version is given the public projection only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formatdate, make_msgid, parseaddr
from functools import cached_property

from namnd.domain.agenda import AgendaDocument
from namnd.errors import InvalidInput
from namnd.renderers.kallelse_lines import group_meeting_line, when_text
from namnd.rules.addresses import checked_email
from namnd.rules.swedish_dates import long_date


@dataclass(frozen=True)
class MailFile:
    """A file attached to an e-mail."""

    filename: str
    data: bytes
    maintype: str = "application"
    subtype: str = "pdf"

    @cached_property
    def part(self) -> EmailMessage:
        """The attachment, base64-encoded once however many e-mails carry it.

        An utskick attaches the same handlingar (a few MB) to every recipient's e-mail;
        encoding it anew for each of fifty recipients was most of the time spent building
        them. Every e-mail holds this one part, so it is never changed once made, and
        the e-mails are written one at a time (a generator lends each part its own
        policy while it writes). Made with the default policy, as :func:`mail_message`'s
        e-mails are; ``cached_property`` needs the dataclass without ``slots``.
        """
        part = EmailMessage()
        part.set_content(  # with a filename, Content-Disposition: attachment
            self.data, maintype=self.maintype, subtype=self.subtype, filename=self.filename
        )
        return part


def checked_sender(text: str) -> str:
    """The From address (``Namn <adress>`` or ``adress``), or a Swedish error naming it."""
    _name, address = parseaddr(text.strip())
    if not text.strip():
        raise InvalidInput(
            "Avsändaradress saknas: ange den under Inställningar (”Avsändare för e-post”) "
            "eller med --from."
        )
    checked_email(address or text, what="Avsändare för e-post")
    return text.strip()


def mail_message(
    *,
    sender: str | None,
    to: str,
    subject: str,
    body: str,
    files: Sequence[MailFile] = (),
    reply_to: str = "",
    date: dt.datetime | None = None,
) -> EmailMessage:
    """One e-mail to one recipient (``to`` as ``Namn <adress>``), with a fresh Message-ID.

    ``sender`` None makes a draft without From, for the mail program (Outlook) to fill in.
    """
    message = EmailMessage()
    if sender is not None:
        sender = checked_sender(sender)
        message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date) if date else formatdate(localtime=True)
    domain = parseaddr(sender or "")[1].rpartition("@")[2] or "namnd.local"
    message["Message-ID"] = make_msgid(domain=domain)
    if reply_to:
        message["Reply-To"] = reply_to
    message["Content-Language"] = "sv"
    message.set_content(body)
    if files:
        message.make_mixed()
        for file in files:
            message.attach(file.part)
    return message


def kallelse_subject(doc: AgendaDocument, *, tillagg: bool = False) -> str:
    """``Kallelse: Vård- och omsorgsnämnden 19 september 2019`` (or ``Tillägg till kallelse``)."""
    what = "Tillägg till kallelse" if tillagg else "Kallelse"
    return f"{what}: {doc.organ.name} {long_date(doc.meeting.date)}"


def kallelse_body(doc: AgendaDocument, *, enclosed: str, public: bool) -> str:
    """The kallelse as plain text; ``enclosed`` says what is attached or where it is."""
    meeting = doc.meeting
    lines = [
        f"Kallelse till {doc.organ.name}s sammanträde"
        if not public
        else f"{doc.organ.name} sammanträder",
        "",
        f"Tid: {when_text(meeting)}",
        f"Plats: {meeting.place}",
        "",
        "Ärenden:",
    ]
    lines += [f"{n}. {entry.arende.title}" for n, entry in enumerate(doc.entries, 1)]
    if doc.group_meetings:
        lines += ["", "Gruppmöten:"]
        lines += [group_meeting_line(group) for group in doc.group_meetings]
    if meeting.justering_text:
        lines += ["", f"Justering: {meeting.justering_text}"]
    lines += ["", enclosed]
    if not public:
        lines += [
            "",
            "Anmäl förhinder till sekreteraren så snart som möjligt, "
            "så att en ersättare kan kallas in.",
        ]
    return "\n".join([*lines, "", *_signature(doc)]) + "\n"


def tillagg_body(
    doc: AgendaDocument, changes: Sequence[tuple[str, str, str]], *, enclosed: str
) -> str:
    """A tillägg: what changed since the kallelse went out (label, ärende, what)."""
    lines = [
        f"Tillägg till kallelsen till {doc.organ.name}s sammanträde {when_text(doc.meeting)}",
        "",
        "Efter utskicket har föredragningslistan ändrats:",
    ]
    lines += [f"- {label}: {title} – {what}" for label, title, what in changes]
    lines += ["", enclosed]
    return "\n".join([*lines, "", *_signature(doc)]) + "\n"


def enclosed_text(filename: str = "", link: str = "", *, public: bool) -> str:
    """What comes with the e-mail: the attached PDF, or a link when it is too large."""
    what = "Den offentliga kallelsen" if public else "Kallelsen med handlingar"
    if link:
        return f"{what} är för stor för e-post och finns här: {link}"
    return f"{what} finns i den bifogade filen {filename}."


def _signature(doc: AgendaDocument) -> list[str]:
    meeting = doc.meeting
    lines = ["Med vänlig hälsning"]
    lines += [t for t in (meeting.secretary_name, meeting.secretary_title) if t]
    return [*lines, doc.organ.name]
