"""Utskick: the kallelse (or a tillägg) e-mailed to the organ's sändlistor.

The one use case the CLI (``namnd send kallelse``) and the TUI (``S``) both call.
``plan`` says who would get which version (for the confirm dialog); ``send`` builds
the PDFs, reserves the recipients in the send log (so a second run, or a second
secretary at the same moment, reaches only those not yet reached), sends one e-mail per
recipient over one SMTP session and records each server answer. ``dry_run`` writes the
same e-mails as ``.eml`` files instead and touches neither the log nor the status.

The internal version attaches the handlingar package; the public one attaches the
public kallelse, written through the publication gate. A PDF above the organ's limit is
not attached: the e-mail links to where the organ publishes its handlingar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from namnd.domain.kinds import MeetingStatus
from namnd.domain.models import Organ
from namnd.errors import InvalidInput, NamndError
from namnd.renderers.kallelse_mail import (
    MailFile,
    enclosed_text,
    kallelse_body,
    kallelse_subject,
    mail_message,
    tillagg_body,
)
from namnd.rules.kallelse_flow import may_move
from namnd.rules.mailing import Recipient, resolve
from namnd.rules.publication import public_text, public_version
from namnd.storage import agendas, kallelse, mailing_lists, members, preferences, queries, send_log
from namnd.storage.store import Store

Progress = Callable[[int, int, str], None]
KALLELSE = "kallelse"


@dataclass(frozen=True)
class Plan:
    """Who an utskick goes to, as the confirm dialog shows it."""

    meeting_id: int
    occasion: str
    to_send: list[Recipient]
    already: int
    without_address: list[str]
    #: Everyone on the lists, reached or not (a dry run writes to them all).
    everyone: list[Recipient] = field(default_factory=list)

    @property
    def internal(self) -> int:
        return sum(not r.public for r in self.to_send)

    @property
    def public(self) -> int:
        return sum(r.public for r in self.to_send)

    @property
    def tillagg(self) -> bool:
        return self.occasion != KALLELSE


@dataclass(frozen=True)
class Result:
    """One recipient's outcome: empty ``error`` when the server accepted the e-mail."""

    recipient: Recipient
    error: str = ""


@dataclass
class Outcome:
    """What an utskick did: per recipient, the .eml files (dry run), the status set."""

    plan: Plan
    results: list[Result] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    marked_sent: bool = False

    @property
    def refused(self) -> list[Result]:
        return [r for r in self.results if r.error]


def plan(store: Store, ref: str, *, lists: Sequence[str] = (), tillagg: bool = False) -> Plan:
    """The recipients of the chosen lists (all when none) not yet reached by this utskick."""
    with store.session() as session:  # a session that may write: the standard lists appear
        meeting = queries.find_meeting(session=session, ref=ref)
        assert meeting.id is not None  # a stored meeting
        occasion = _occasion(session, meeting.id, meeting.status, tillagg)
        views = mailing_lists.list_views(session=session, organ_id=meeting.organ_id)
        seats = members.list_seats(session=session, organ_id=meeting.organ_id)
        resolved = resolve(views, seats, meeting.date, lists)
        done = {
            row.address.casefold()
            for row in send_log.entries(session=session, meeting_id=meeting.id, occasion=occasion)
            if row.state != send_log.REFUSED
        }
        to_send = [r for r in resolved.recipients if r.address.casefold() not in done]
        if not resolved.recipients:
            raise InvalidInput(
                "Sändlistorna har inga adresser: lägg in e-post för ledamöterna eller "
                "adresser i sändlistorna (namnd lists)."
            )
        return Plan(
            meeting.id,
            occasion,
            to_send,
            len(resolved.recipients) - len(to_send),
            resolved.without_address,
            resolved.recipients,
        )


def send(
    store: Store,
    ref: str,
    *,
    lists: Sequence[str] = (),
    tillagg: bool = False,
    dry_run: Path | None = None,
    smtp: str | None = None,
    sender: str | None = None,
    by: str | None = None,
    progress: Progress | None = None,
) -> Outcome:
    """Send (or with ``dry_run`` write) the utskick; see the module docstring."""
    from namnd.operations import mail_transport

    by = by or preferences.current_user()
    sender = sender or preferences.load().mail_from
    the_plan = plan(store, ref, lists=lists, tillagg=tillagg)
    outcome = Outcome(the_plan)
    if dry_run is None:
        server = mail_transport.configured_server(smtp)
        if server is None:
            raise InvalidInput(
                "Ingen e-postserver angiven: ange den under Inställningar (eller med --smtp eller "
                "NAMND_SMTP_URL), eller skriv utkast att skicka från Outlook med --dry-run MAPP."
            )
        password = mail_transport.smtp_password(server)
    if dry_run is not None:  # for Outlook: everyone, whatever the log says; nothing logged
        build = _Build(store, ref, the_plan, progress)
        messages = {r.address: build.message(r, sender or "") for r in the_plan.everyone}
        outcome.files = mail_transport.write_eml(dry_run, messages.values())
        outcome.results = [Result(r) for r in the_plan.everyone]
        return outcome
    recipients = the_plan.to_send
    if not recipients:
        return _finish(store, outcome, by)
    build = _Build(store, ref, the_plan, progress)
    messages = {r.address: build.message(r, sender or "") for r in recipients}
    with store.session() as session:
        recipients = send_log.reserve(
            session=session,
            meeting_id=the_plan.meeting_id,
            occasion=the_plan.occasion,
            recipients=recipients,
            by=by,
        )
    assert server is not None  # not a dry run: found or refused above
    build.tell(f"Skickar {len(recipients)} e-brev")
    try:
        deliveries = mail_transport.send_messages(
            server, [messages[r.address] for r in recipients], password=password
        )
    except NamndError as error:
        with store.session() as session:
            send_log.release(
                session=session,
                meeting_id=the_plan.meeting_id,
                occasion=the_plan.occasion,
                addresses=[r.address for r in recipients],
                error=str(error),
            )
        raise
    said = {d.recipient.casefold(): d for d in deliveries}
    results = []
    for recipient in recipients:
        delivery = said.get(recipient.address.casefold())
        results.append(Result(recipient, delivery.error if delivery else "skickades inte"))
    with store.session() as session:
        send_log.record(
            session=session,
            meeting_id=the_plan.meeting_id,
            occasion=the_plan.occasion,
            results=[
                (r.recipient.address, messages[r.recipient.address]["Message-ID"], r.error)
                for r in results
            ],
        )
    outcome.results = results
    return _finish(store, outcome, by)


def _finish(store: Store, outcome: Outcome, by: str) -> Outcome:
    """Mark the kallelse utskickad once every recipient of its lists has been reached."""
    the_plan = outcome.plan
    if the_plan.tillagg or outcome.refused:
        return outcome
    with store.session() as session:
        meeting = queries.find_meeting(session=session, ref=str(the_plan.meeting_id))
        assert meeting.id is not None  # a stored meeting
        rows = send_log.entries(session=session, meeting_id=meeting.id, occasion=KALLELSE)
        reached = all(row.state == send_log.SENT for row in rows)
        if reached and rows and may_move(meeting.status, MeetingStatus.SENT):
            kallelse.set_status(
                session=session, meeting_id=meeting.id, target=MeetingStatus.SENT, by=by
            )
            outcome.marked_sent = True
    return outcome


def _occasion(session: Session, meeting_id: int, status: MeetingStatus, tillagg: bool) -> str:
    if not tillagg:
        return KALLELSE
    changes = kallelse.late_changes(session=session, meeting_id=meeting_id)
    if not changes:
        raise InvalidInput(
            "Inget har ändrats efter utskicket, så det finns inget tillägg att skicka."
        )
    return f"tillagg-{changes[-1].id}"


class _Build:
    """The e-mails' parts, each PDF made once and only when some recipient needs it."""

    def __init__(self, store: Store, ref: str, the_plan: Plan, progress: Progress | None):
        self.store, self.ref, self.plan, self.progress = store, ref, the_plan, progress
        with Session(store.engine) as session:
            meeting = queries.find_meeting(session=session, ref=ref)
            assert meeting.id is not None  # a stored meeting
            self.internal = agendas.load_agenda(session=session, meeting_id=meeting.id)
            organ = session.get(Organ, meeting.organ_id)
            assert organ is not None  # the meeting's organ (a foreign key)
            self.organ: Organ = organ
            self.changes = _changes_since_last_tillagg(session, meeting.id, the_plan.occasion)
        self.public_doc = public_version(self.internal, self.internal.organ.osl_reference)
        self._files: dict[bool, tuple[MailFile | None, str]] = {}
        self._steps = 1 + len({r.public for r in the_plan.everyone})
        self._done = 0

    def tell(self, message: str) -> None:
        if self.progress:
            self.progress(self._done, self._steps, message)
        self._done += 1

    def message(self, recipient: Recipient, sender: str):
        public = recipient.public
        doc = self.public_doc if public else self.internal
        file, link = self._file(public)
        enclosed = enclosed_text(file.filename if file else "", link, public=public)
        if self.plan.tillagg:
            changes = self.changes
            if public:
                changes = [(public_text(a), public_text(b), public_text(c)) for a, b, c in changes]
            body = tillagg_body(doc, changes, enclosed=enclosed)
        else:
            body = kallelse_body(doc, enclosed=enclosed, public=public)
        return mail_message(
            sender=sender,
            to=recipient.header,
            subject=kallelse_subject(doc, tillagg=self.plan.tillagg),
            body=body,
            files=[file] if file else [],
        )

    def _file(self, public: bool) -> tuple[MailFile | None, str]:
        if public not in self._files:
            self.tell(
                "Skriver den offentliga kallelsen" if public else "Skriver kallelsen med handlingar"
            )
            path = self._write(public)
            data = path.read_bytes()
            if len(data) > self.organ.mail_limit_mb * 1024 * 1024:
                self._files[public] = (None, self._link(path))
            else:
                self._files[public] = (MailFile(path.name, data), "")
        return self._files[public]

    def _write(self, public: bool) -> Path:
        from namnd.operations.agenda_files import store_workspace

        workspace = store_workspace(self.store)
        if public:
            from namnd.operations.exports import default_path
            from namnd.operations.kallelse_export import export_kallelse

            path = default_path(workspace, self.store, self.ref, "kallelse", "pdf", public=True)
            return Path(export_kallelse(self.store, self.ref, fmt="pdf", path=path, public=True))
        from namnd.operations.handlingar_export import default_path as package_path
        from namnd.operations.handlingar_export import export_handlingar

        path = package_path(workspace, self.store, self.ref, False)
        return export_handlingar(self.store, self.ref, path).path

    def _link(self, path: Path) -> str:
        if not self.organ.handlingar_url:
            raise InvalidInput(
                f"{path.name} är större än {self.organ.mail_limit_mb} MB, nämndens gräns för "
                "e-post, och nämnden har ingen adress där handlingarna publiceras. Ange den med "
                f"”namnd lists limit --organ {self.organ.code} --url URL”."
            )
        return f"{self.organ.handlingar_url.rstrip('/')}/{path.name}"


def _changes_since_last_tillagg(
    session: Session, meeting_id: int, occasion: str
) -> list[tuple[str, str, str]]:
    """The late changes a tillägg covers: those after the last tillägg sent before it."""
    if occasion == KALLELSE:
        return []
    last = int(occasion.split("-")[1])
    earlier = [
        int(row.occasion.split("-")[1])
        for row in send_log.entries(session=session, meeting_id=meeting_id)
        if row.occasion.startswith("tillagg-") and int(row.occasion.split("-")[1]) < last
    ]
    after = max(earlier, default=0)
    return [
        (c.label, c.arende_title, c.description)
        for c in kallelse.late_changes(session=session, meeting_id=meeting_id)
        if c.id is not None and after < c.id <= last  # stored rows: an id each
    ]
