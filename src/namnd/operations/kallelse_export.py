"""A meeting's kallelse as the export registry (``operations.exports``) reads and writes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from namnd.formats.text_files import text_or_file
from namnd.storage import agendas, kallelse, queries
from namnd.storage.database import read_snapshot
from namnd.storage.store import Store

if TYPE_CHECKING:
    from namnd.domain.agenda import AgendaDocument
    from namnd.operations.exports import ExportOptions
    from namnd.renderers.delegation_markdown import KallelseExtras


@dataclass(frozen=True)
class KallelseView:
    """The kallelse as read for one file: the agenda printed and, for Word, what it adds."""

    internal: AgendaDocument
    #: The internal agenda, or its public projection for the public version.
    printed: AgendaDocument
    #: Read for Word only: the delegationsbeslut under their ärende, sekretess bilagor.
    extras: KallelseExtras | None = None
    #: Read for Word only: (label, ärende, description) of each change after utskick.
    late_changes: list[tuple[str, str, str]] = field(default_factory=list)


def export_kallelse(
    store: Store,
    ref: str,
    *,
    fmt: str,
    path: Path | None,
    public: bool = False,
    template: Path | None = None,
) -> str | Path:
    """Write the kallelse (md, docx or PDF/A); Markdown without ``path`` is returned."""
    from namnd.operations.exports import export

    return export(store, "kallelse", ref, fmt=fmt, path=path, public=public, template=template)


def read_kallelse(store: Store, ref: str, options: ExportOptions) -> KallelseView:
    """The meeting's agenda, as published when ``options.public``; for Word, its extras.

    Everything is read in one snapshot, so the kallelse shows the database as of one moment.
    """
    word = options.fmt != "md"
    with read_snapshot(store.engine) as session:
        meeting = queries.find_meeting(session=session, ref=ref)
        assert meeting.id is not None  # a stored meeting
        internal = agendas.load_agenda(session=session, meeting_id=meeting.id)
        if word:
            from namnd.operations.delegation_section import delegation_extras

            extras = delegation_extras(session, meeting.id, internal)
            changes = kallelse.late_changes(session=session, meeting_id=meeting.id)
    printed = internal
    if options.public:
        from namnd.rules.publication import public_version

        printed = public_version(internal, internal.organ.osl_reference)
    if not word:
        return KallelseView(internal, printed)
    late = [(c.label, c.arende_title, c.description) for c in changes]
    if options.public:
        from namnd.rules.publication import public_text

        late = [(public_text(a), public_text(b), public_text(c)) for a, b, c in late]
    return KallelseView(internal, printed, extras, late)


def write_markdown(view: KallelseView, path: Path | None, options: ExportOptions) -> str | Path:
    """The agenda file (``docs/agenda-format.md``); the text itself without a path."""
    from namnd.formats.agenda_markdown import dump_agenda

    return text_or_file(dump_agenda(view.printed), path)


def write_word(view: KallelseView, path: Path | None, options: ExportOptions) -> Path:
    """The Word kallelse, with the delegationsbeslut and late changes it prints."""
    from namnd.renderers.kallelse_docx import write_kallelse_docx
    from namnd.storage.organs import template_of

    assert path is not None and view.extras is not None  # read for Word
    public, extras = options.public, view.extras
    return write_kallelse_docx(
        view.printed,
        path,
        public=public,
        template=options.template or template_of(view.internal.organ),
        under_item=extras.public_under_item if public else extras.under_item,
        secret_bilagor=[] if public else extras.secret_bilagor,
        late_changes=view.late_changes,
    )
