"""Export a meeting's kallelse: the one function the CLI and the TUI both call."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from namnd.formats.agenda_markdown import dump_agenda
from namnd.formats.text_files import text_or_file
from namnd.rules.publication import public_text, public_version
from namnd.storage import agendas, kallelse, queries
from namnd.storage.database import read_snapshot
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace

FORMATS = ("md", "docx", "pdf")


def default_path(workspace: Workspace, ref: str, store: Store, fmt: str, public: bool) -> Path:
    """``agendas/2019-09-19-von.docx`` (``-offentlig`` for the public version)."""
    meeting = store.find_meeting(ref)
    suffix = "-offentlig" if public else ""
    return workspace.file_in(
        workspace.agendas, f"{meeting.date.isoformat()}-{meeting.organ_code}{suffix}.{fmt}"
    )


def export_kallelse(
    store: Store,
    ref: str,
    *,
    fmt: str,
    path: Path | None,
    public: bool = False,
    template: Path | None = None,
) -> str | Path:
    """Write the kallelse (md, docx or PDF/A); Markdown without ``path`` is returned.

    The public version is rendered from the public projection only and written through
    the publication gate (``operations.publishing``).
    """
    from namnd.operations.publishing import export_document

    write = partial(_write, store, ref, template=template)
    return export_document(store, path, fmt, public=public, write=write)


def _write(
    store: Store, ref: str, fmt: str, path: Path | None, public: bool, *, template: Path | None
) -> str | Path:
    from namnd.operations.delegation_section import KallelseExtras, delegation_extras

    word = fmt != "md"
    with read_snapshot(store.engine) as session:  # the whole kallelse as of one moment
        meeting = queries.find_meeting(session=session, ref=ref)
        assert meeting.id is not None  # a stored meeting
        internal = agendas.load_agenda(session=session, meeting_id=meeting.id)
        extras = delegation_extras(session, meeting.id, internal) if word else KallelseExtras()
        changes = kallelse.late_changes(session=session, meeting_id=meeting.id) if word else []
    doc = public_version(internal, internal.organ.osl_reference) if public else internal
    if fmt == "md":
        return text_or_file(dump_agenda(doc), path)
    from namnd.renderers.kallelse_docx import write_kallelse_docx
    from namnd.storage.organs import template_of

    assert path is not None
    late = [(c.label, c.arende_title, c.description) for c in changes]
    if public:
        late = [(public_text(a), public_text(b), public_text(c)) for a, b, c in late]
    return write_kallelse_docx(
        doc,
        path,
        public=public,
        template=template or template_of(internal.organ),
        under_item=extras.public_under_item if public else extras.under_item,
        secret_bilagor=[] if public else extras.secret_bilagor,
        late_changes=late,  # type: ignore[arg-type]
    )
