"""Förhinder and inkallelse as use cases: record, propose, call in (e-mail, .eml or phone).

The CLI and the TUI both come here. Calling in by e-mail builds the internal handlingar
package, sends one message and records exactly what the server said: a refusal is kept
with the server's words and calls nobody in. Without a mail server the secretary writes
the message as an ``.eml`` for Outlook, or rings and records that, with the number shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Literal

from sqlmodel import Session

from namnd.domain.kinds import CallInMethod
from namnd.domain.views import MeetingSummary
from namnd.errors import InvalidInput, NamndError
from namnd.formats.smtp_url import SmtpServer
from namnd.rules.inkallelse import Forhinder, Proposal, proposals
from namnd.rules.roster import Seat
from namnd.storage import inkallelse as rows
from namnd.storage import preferences
from namnd.storage.store import Store

Mode = Literal["email", "draft", "phone"]


@dataclass(frozen=True)
class MeetingForhinder:
    """A meeting's förhinder and what namnd proposes for them."""

    meeting: MeetingSummary
    seats: list[Seat]
    forhinder: list[Forhinder]
    proposals: list[Proposal]


@dataclass(frozen=True)
class CallInOutcome:
    """One inkallelse as it went: sent, refused (``error``), drafted or to be rung."""

    substitute: str
    member: str
    method: CallInMethod
    sent: bool = False
    error: str = ""
    eml: Path | None = None
    phone: str = ""

    def message(self) -> str:
        """The Swedish line the CLI prints and the TUI notifies."""
        who = f"{self.substitute} (för {self.member})"
        if self.method is CallInMethod.PHONE:
            number = self.phone or "telefonnummer saknas i registret"
            return f"Ring {who}: {number}. Inkallelsen är registrerad."
        if self.method is CallInMethod.DRAFT:
            return f"Inkallelse till {who} skriven som utkast: {self.eml}"
        if self.sent:
            return f"Inkallelse skickad till {who}."
        return f"Inkallelsen till {who} skickades inte: {self.error}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def meeting_forhinder(store: Store, ref: str) -> MeetingForhinder:
    """The förhinder of the meeting ``ref`` and the ersättare proposed for them."""
    meeting = store.schedule.find_meeting(ref)
    with Session(store.engine) as session:
        seats = rows.meeting_seats(session=session, meeting_id=meeting.id)
        listed = rows.list_forhinder(session=session, meeting_id=meeting.id)
    return MeetingForhinder(meeting, seats, listed, proposals(seats, meeting.date, listed))


def report_forhinder(
    store: Store, ref: str, name: str, *, note: str = "", by: str, at: dt.datetime | None = None
) -> Seat:
    """Record that the seat-holder ``name`` cannot come; returns their seat."""
    meeting = store.schedule.find_meeting(ref)
    with store.session() as session:
        return rows.add_forhinder(
            session=session, meeting_id=meeting.id, name=name, note=note, by=by, at=at or _now()
        )


def withdraw_forhinder(store: Store, ref: str, name: str) -> None:
    """The förhinder was a mistake or is over: remove it and its inkallelser."""
    meeting = store.schedule.find_meeting(ref)
    with store.session() as session:
        rows.withdraw_forhinder(session=session, meeting_id=meeting.id, name=name)


def call_in(
    store: Store,
    ref: str,
    member: str,
    substitute: str | None = None,
    *,
    mode: Mode,
    by: str,
    server: SmtpServer | None = None,
    folder: Path | None = None,
    password: str | None = None,
    now: dt.datetime | None = None,
) -> CallInOutcome:
    """Call in ``substitute`` (else the one proposed) for ``member``'s förhinder.

    ``mode`` "email" sends through ``server``, "draft" writes an ``.eml`` into ``folder``,
    "phone" only records the inkallelse and shows the number.
    """
    now = now or _now()
    if mode == "email" and server is None:
        raise NamndError(
            "Ingen e-postserver är inställd: ange --smtp, NAMND_SMTP_URL eller "
            "skriv ett utkast (--dry-run MAPP)."
        )
    if mode == "draft" and folder is None:
        raise InvalidInput("Ange en mapp för utkastet (.eml).")
    state = meeting_forhinder(store, ref)
    member_seat, order = _proposal_for(state, member)
    chosen = _chosen(order, substitute, member_seat)
    with Session(store.engine) as session:
        email, phone = rows.contact(session=session, name=chosen.name)
    outcome = CallInOutcome(chosen.name, member_seat.display, _METHODS[mode])
    sent_at, delivery = None, ""
    if mode == "phone":
        outcome = dataclasses.replace(outcome, phone=phone)
        delivery = phone
    elif not email:
        raise InvalidInput(
            f"{chosen.name} har ingen e-postadress i ledamotsregistret; "
            "välj ”ringer själv” eller lägg in adressen först."
        )
    elif mode == "draft":
        from namnd.operations.mail_transport import write_eml

        message = _message(store, state.meeting, chosen, email, member_seat, mode, now)
        path = write_eml(folder, [message])[0]  # type: ignore[arg-type]
        outcome = dataclasses.replace(outcome, eml=path)
        delivery = str(path)
    else:
        from namnd.operations.mail_transport import send_messages

        message = _message(store, state.meeting, chosen, email, member_seat, mode, now)
        deliveries = send_messages(server, [message], password=password)  # type: ignore[arg-type]
        refused = next((d.error for d in deliveries if not d.delivered), "")
        if deliveries and not refused:
            sent_at = now
            outcome = dataclasses.replace(outcome, sent=True)
        else:
            delivery = refused or "servern tog inte emot meddelandet"
            outcome = dataclasses.replace(outcome, error=delivery)
    with store.session() as session:
        rows.record_call_in(
            session=session,
            meeting_id=state.meeting.id,
            member=member_seat.name,
            substitute=chosen.name,
            method=outcome.method,
            at=now,
            sent_at=sent_at,
            delivery=delivery,
            by=by,
        )
    return outcome


_METHODS = {"email": CallInMethod.EMAIL, "draft": CallInMethod.DRAFT, "phone": CallInMethod.PHONE}


def _proposal_for(state: MeetingForhinder, member: str) -> Proposal:
    wanted = " ".join(member.split("(")[0].split()).casefold()
    for proposal in state.proposals:
        if proposal[0].name.casefold() == wanted:
            return proposal
    if any(f.name.casefold() == wanted and f.called_in for f in state.forhinder):
        raise InvalidInput(f"En ersättare är redan inkallad för {member.strip()}.")
    raise InvalidInput(f"{member.strip()} är ingen ledamot med anmält förhinder till sammanträdet.")


def _chosen(order: list[Seat], substitute: str | None, member: Seat) -> Seat:
    if not order:
        raise InvalidInput(f"Det finns ingen ersättare kvar att kalla in för {member.display}.")
    if substitute is None:
        return order[0]
    wanted = " ".join(substitute.split("(")[0].split()).casefold()
    seat = next((s for s in order if s.name.casefold() == wanted), None)
    if seat is None:
        raise InvalidInput(
            f"{substitute.strip()} kan inte kallas in för {member.display}: har förhinder, "
            "är redan inkallad eller är ingen ersättare i nämnden."
        )
    return seat


def _message(
    store: Store,
    meeting: MeetingSummary,
    chosen: Seat,
    email: str,
    member_seat: Seat,
    mode: Mode,
    now: dt.datetime,
) -> EmailMessage:
    """The inkallelse with the internal handlingar package, built afresh (cached pages)."""
    from namnd.operations.handlingar_export import export_handlingar
    from namnd.renderers.inkallelse_mail import InkallelseLetter, inkallelse_message

    sender = preferences.load().mail_from.strip()
    if mode == "email" and not sender:
        raise InvalidInput(
            "Avsändaradress saknas: ange ”E-post från” (mail_from) i inställningarna."
        )
    letter = InkallelseLetter(
        organ_name=meeting.organ_name,
        date=meeting.date,
        start_time=meeting.start_time,
        place=meeting.place,
        substitute=chosen.name,
        substitute_address=email,
        member=member_seat.display,
        sender=sender,
    )
    filename = f"{meeting.date.isoformat()}-{meeting.organ_code}-handlingar.pdf"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / filename
        export_handlingar(store, str(meeting.id), path)
        pdf = path.read_bytes()
    return inkallelse_message(letter, pdf, filename, now=now)
