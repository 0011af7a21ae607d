"""Export and import a meeting's protokoll: the functions the CLI and the TUI both call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from namnd.domain.agenda import AgendaDocument
from namnd.domain.protocol import Protocol
from namnd.domain.views import PrintedItem, ProtocolView
from namnd.errors import InvalidInput
from namnd.formats.text_files import read_text, text_or_file
from namnd.operations.printed_protocol import PrintedProtocol
from namnd.rules.protocol_text import full_decisions
from namnd.storage import agendas, protocols, queries, schedule
from namnd.storage.database import read_snapshot
from namnd.storage.meeting_ref import no_protocol_yet
from namnd.storage.organs import template_of
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace

if TYPE_CHECKING:
    from namnd.operations.exports import ExportOptions
    from namnd.rules.deadlines import AfterMeeting
    from namnd.rules.dispatch import Dispatch


def printed_protocol(store: Store, ref: str) -> tuple[ProtocolView, AgendaDocument]:
    """The protokoll as it is printed, with the agenda it was decided on (one snapshot)."""
    with read_snapshot(store.engine) as session:
        return _printed(session, ref)


def _printed(session: Session, ref: str) -> tuple[ProtocolView, AgendaDocument]:
    """The protokoll and its agenda, read in ``session``.

    Every § that only says "beslutar enligt förslaget" holds the förslag's att-satser
    (``protocol_text.full_decisions``): the protokoll .docx, its Markdown file, the
    utdrag and the expediering all carry the beslut itself. The stored § is unchanged.
    """
    meeting = queries.find_meeting(session=session, ref=ref)
    assert meeting.id is not None  # a stored meeting
    agenda = agendas.load_agenda(session=session, meeting_id=meeting.id)
    view = protocols.load_protocol(session=session, meeting_id=meeting.id)
    if view is None:
        raise no_protocol_yet(meeting.date)
    proposals = {n: e.arende.proposal for n, e in enumerate(agenda.entries, start=1)}
    return replace(view, protocol=full_decisions(view.protocol, proposals)), agenda


def _deadlines(session: Session, agenda: AgendaDocument) -> AfterMeeting:
    """Justering, anslag and överklagande of the agenda's meeting, read in ``session``."""
    meeting = agenda.meeting
    assert meeting.id is not None  # a stored meeting
    return schedule.meeting_deadlines(
        session=session, organ_id=meeting.organ_id, meetings=[(meeting.id, meeting.date)]
    )[meeting.id]


def printed_items(agenda: AgendaDocument) -> dict[int, PrintedItem]:
    """What each list position's § prints of its ärende (sammanfattning, underlag)."""
    return {
        n: PrintedItem(
            entry.arende.summary_md,
            entry.arende.memo_date,
            tuple((a.title, a.confidential) for a in entry.attachments),
        )
        for n, entry in enumerate(agenda.entries, start=1)
    }


def export_protocol(
    store: Store,
    ref: str,
    *,
    fmt: str,
    path: Path | None,
    public: bool = False,
    template: Path | None = None,
) -> str | Path:
    """Write the protokoll (md, docx or PDF/A); Markdown without ``path`` is returned."""
    from namnd.operations.exports import export

    return export(store, "protokoll", ref, fmt=fmt, path=path, public=public, template=template)


def read_protocol(store: Store, ref: str, options: ExportOptions) -> PrintedProtocol:
    """The printed protokoll, public when ``options.public``; for Word, dates and extras.

    Everything is read in one snapshot, so the protokoll shows the database as of one moment.
    """
    word = options.fmt != "md"
    with read_snapshot(store.engine) as session:
        view, internal = _printed(session, ref)
        if word:
            from namnd.operations.delegation_section import delegation_extras

            # The counts and grouped delegationsbeslut only; the rows never go into a protokoll.
            extras = delegation_extras(session, view.meeting_id, internal)
            after = _deadlines(session, internal)
    protocol, agenda = view.protocol, internal
    if options.public:
        protocol, agenda = _public(protocol, internal)
    if not word:
        return PrintedProtocol(view.meeting_id, protocol)
    return PrintedProtocol(
        view.meeting_id,
        protocol,
        printed_items(agenda),
        template_of(internal.organ),
        after=after,
        under_item=extras.public_under_item if options.public else extras.under_item,
    )


def write_markdown(view: PrintedProtocol, path: Path | None, options: ExportOptions) -> str | Path:
    """The protokoll file (``docs/protocol-format.md``); the text itself without a path."""
    from namnd.formats.protocol_markdown import dump_protocol

    return text_or_file(dump_protocol(view.protocol), path)


def export_extract(
    store: Store,
    ref: str,
    number: int,
    *,
    path: Path,
    template: Path | None = None,
    public: bool = False,
    fmt: str = "docx",
) -> Path:
    """Write a protokollsutdrag of § ``number`` (Word, or PDF/A with ``fmt="pdf"``).

    The public one (for the anslagstavla) is made from the public projection and
    written through the publication gate, as the public protokoll is.
    """
    from namnd.operations.publishing import export_document

    def write(fmt: str, target: Path | None, public: bool) -> Path:
        from namnd.renderers.protocol_docx import write_extract_docx

        assert target is not None
        with read_snapshot(store.engine) as session:
            view, agenda = _printed(session, ref)
            after = _deadlines(session, agenda)
        protocol, internal = view.protocol, agenda
        if public:
            protocol, agenda = _public(protocol, internal)
        return write_extract_docx(
            protocol,
            number,
            target,
            items=printed_items(agenda),
            template=template or template_of(internal.organ),
            after=after,
            public=public,
        )

    return export_document(store, path, fmt, public=public, write=write)  # type: ignore[return-value]


def public_record(store: Store, ref: str) -> tuple[int, Protocol, AgendaDocument]:
    """The meeting's id, its protokoll as published and its internal agenda (for the organ).

    The protokoll is the public projection of the one printed (beslut written out), as
    the public protokoll's PDF has it, so the anslagstavla's notices name the same §§.
    """
    view, internal = printed_protocol(store, ref)
    return view.meeting_id, _public(view.protocol, internal)[0], internal


def _public(protocol: Protocol, internal: AgendaDocument) -> tuple[Protocol, AgendaDocument]:
    """The protokoll and its agenda as published (``rules.publication``)."""
    from namnd.rules.publication import public_protocol, public_version

    osl = internal.organ.osl_reference
    return public_protocol(protocol, internal, osl), public_version(internal, osl)


def export_dispatch(
    store: Store,
    ref: str,
    workspace: Workspace,
    *,
    folder: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, Dispatch]:
    """Expediera: an utdrag of every § with recipients that may go out, and the list.

    Files go to ``protocols/`` (or ``folder``) under the usual names; the list
    ``DATUM-KOD-expediering.docx`` says who gets which §§ and which wait for justering.
    """
    from namnd.operations.exports import default_path
    from namnd.renderers.protocol_docx import write_dispatch_docx, write_extract_docx
    from namnd.rules.dispatch import dispatch, dispatch_markdown

    view, agenda = printed_protocol(store, ref)
    protocol = view.protocol
    plan = dispatch(protocol)

    def place(path: Path) -> Path:
        return path if folder is None else folder / path.name

    files = {}
    items = printed_items(agenda)
    for done, number in enumerate(plan.numbers, start=1):
        path = place(default_path(workspace, store, ref, "protokoll", "docx", number=number))
        write_extract_docx(protocol, number, path, items=items)
        files[number] = path.name
        if progress is not None:
            progress(done, len(plan.numbers))
    listing = place(default_path(workspace, store, ref, "protokoll", "docx"))
    listing = listing.with_name(f"{listing.stem}-expediering.docx")
    write_dispatch_docx(protocol, dispatch_markdown(protocol, plan, files), listing)
    return listing, plan


def import_protocol(store: Store, path: Path, warnings: list[str] | None = None) -> Protocol:
    """Read a protokoll file and store it whole, replacing an unjusterat draft.

    The file is checked against the meeting's föredragningslista and the protokoll's
    rules first; any mistake is an error naming its line and nothing is stored. What was
    accepted but changed (a § of a sekretess ärende marked sekretess) is added to
    ``warnings``, by line.
    """
    from namnd.formats.protocol_markdown import parse_protocol

    text = read_text(path)
    head = parse_protocol(text, check=False)
    meeting = _meeting_for(store, head)
    entries = store.agendas.agenda(meeting.id).entries
    protocol = parse_protocol(
        text,
        agenda_items=list(range(1, len(entries) + 1)),
        secret_items=[n for n, e in enumerate(entries, start=1) if e.arende.confidential],
        warnings=warnings,
    )
    store.protocols.replace(meeting.id, protocol)
    return protocol


def _meeting_for(store: Store, protocol: Protocol):
    for meeting in store.schedule.meetings(year=protocol.date.year):
        if meeting.date == protocol.date and meeting.organ_code == protocol.organ_code:
            return meeting
    raise InvalidInput(
        f"Det finns inget sammanträde för {protocol.organ_code} den {protocol.date.isoformat()}: "
        "läs in kallelsen först."
    )
