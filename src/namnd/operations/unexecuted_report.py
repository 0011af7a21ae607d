"""The quarterly redovisning of ej verkställda beslut (SoL, LSS or both), and its register.

One function each for the CLI and the TUI: write the report as Markdown or Word, and
enter a quarter's beslut from a YAML file (entering the same beslut twice adds nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from namnd.atomic_files import save_document
from namnd.domain.delegation_tables import ReportLaw
from namnd.domain.models import Organ
from namnd.formats.text_files import read_text, text_or_file
from namnd.formats.unexecuted_file import parse_law, parse_register
from namnd.renderers.unexecuted_markdown import render_redovisningar
from namnd.rules.unexecuted_decisions import Quarter, Redovisning, build_redovisning
from namnd.storage import unexecuted_decisions
from namnd.storage.schedule import find_organ
from namnd.storage.store import Store


def redovisningar(
    store: Store,
    quarter: str,
    *,
    law: str | None = None,
    as_of: dt.date | None = None,
    organ: str | None = None,
) -> list[Redovisning]:
    """The redovisningar for ``quarter`` ('2019Q2'), SoL then LSS unless one is named."""
    period = Quarter.parse(quarter)
    laws = [parse_law(law)] if law else [ReportLaw.SOL, ReportLaw.LSS]
    decisions = store.delegation.unexecuted_decisions(organ)
    return [build_redovisning(decisions, one, period, as_of) for one in laws]


def export_report(
    store: Store,
    quarter: str,
    *,
    fmt: str = "md",
    path: Path | None = None,
    law: str | None = None,
    public: bool = False,
    as_of: dt.date | None = None,
    organ: str | None = None,
    memo: MemoFacts | None = None,
) -> str | Path:
    """Write the report; Markdown without ``path`` is returned as text instead.

    It is a tjänsteskrivelse to the nämnd: the head names the förvaltning, Datum (today),
    Dnr, Referens and Mottagare (the nämnd) and the signatures close it, as ``memo``
    gives them, so the registrator can diarieföra it. The public version prints the
    public projection's statistics only and is written through the publication gate
    (``operations.publishing``).
    """
    reports = redovisningar(store, quarter, law=law, as_of=as_of, organ=organ)
    from namnd.renderers.docx_document import document_header

    memo = memo or MemoFacts()
    day = memo.date or dt.date.today()
    with store.session() as session:
        found = find_organ(session=session, code=organ)
    markdown = _as_memo(
        found, replace(memo, date=day), render_redovisningar(reports, public=public)
    )
    header = document_header(found.name, f"Ej verkställda beslut {reports[0].quarter.words}", day)
    if fmt != "md" and path is None:
        suffix = "-offentlig" if public else ""
        path = Path(f"ej-verkstallda-{reports[0].quarter}{suffix}.docx")

    def write(target: Path | None) -> str | Path:
        if fmt == "md":
            return text_or_file(markdown, target)
        assert target is not None
        return _write_docx(markdown, target, reports[0].quarter, public, header)

    if public:
        from namnd.operations.publishing import publish

        return publish(store, path, fmt, write)
    return write(path)


@dataclass(frozen=True)
class MemoFacts:
    """What the redovisning's tjänsteskrivelse head and signature say beyond the organ."""

    dnr: str | None = None
    handlers: tuple[str, ...] = ()
    #: "Namn, Titel" as ``Underskrifter:`` in an agenda file holds them.
    signatures: tuple[str, ...] = ()
    date: dt.date | None = None


def _as_memo(organ: Organ, memo: MemoFacts, body: str) -> str:
    from namnd.renderers.tjansteskrivelse import memo_head, signature_block

    head = memo_head(
        organ, date=memo.date, dnr=memo.dnr, handlers=memo.handlers, recipients=[organ.name]
    )
    signatures = signature_block(memo.signatures or memo.handlers)
    return "\n\n".join(part for part in (head, body.rstrip("\n"), signatures) if part) + "\n"


def _write_docx(markdown: str, path: Path, quarter: Quarter, public: bool, header: str) -> Path:
    from namnd.renderers.docx_document import (
        new_document,
        set_footer,
        set_properties,
        word_export,
    )
    from namnd.renderers.markdown_docx import MarkdownRenderer
    from namnd.rules.publication import NOT_FOR_PUBLICATION

    document = new_document(header=header)
    set_properties(
        document,
        title=f"Redovisning av ej verkställda gynnande beslut, {quarter.words}",
        author="Myndighet",
        subject="Anmälningsärende till nämnden",
    )
    with word_export("Redovisningen av ej verkställda beslut"):
        MarkdownRenderer(document).render(markdown)
    if not public:
        set_footer(document, NOT_FOR_PUBLICATION)
    return save_document(document, path)


@dataclass(frozen=True)
class RegisterImport:
    """How many beslut a register file added, and how many were already there."""

    added: int
    already: int


def import_register(
    store: Store, path: Path, *, by: str, organ: str | None = None
) -> RegisterImport:
    """Enter the beslut of a YAML file (see ``formats.unexecuted_file``) in one go."""
    decisions = parse_register(read_text(path), name=f"Filen {path.name}")
    added = 0
    with store.session() as session:
        organ_id = find_organ(session=session, code=organ).id
        assert organ_id is not None  # a stored organ
        for decision in decisions:
            if unexecuted_decisions.add_decision(
                session=session, organ_id=organ_id, decision=decision, by=by
            ):
                added += 1
    return RegisterImport(added=added, already=len(decisions) - added)
