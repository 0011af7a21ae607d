"""Export "Uppföljning av nämnduppdrag" as Word: the one function the CLI and the TUI call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from namnd.atomic_files import save_document
from namnd.rules.assignment_report import TITLE, report_markdown
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace

RECENT_DAYS = 90  # "recently closed": a quarter back, the usual follow-up rhythm


def default_path(workspace: Workspace, today: dt.date) -> Path:
    """``uppfoljning-namnduppdrag-2019-10-01.docx`` in the workspace."""
    return workspace.root / f"uppfoljning-namnduppdrag-{today.isoformat()}.docx"


def export_assignment_report(
    store: Store,
    path: Path,
    *,
    today: dt.date | None = None,
    since: dt.date | None = None,
    template: Path | None = None,
) -> Path:
    """Write the report to ``path`` through the shared Markdown → Word renderer."""
    from namnd.renderers.docx_document import (
        document_header,
        new_document,
        set_properties,
        word_export,
    )
    from namnd.renderers.markdown_docx import MarkdownRenderer

    today = today or dt.date.today()
    since = since or today - dt.timedelta(days=RECENT_DAYS)
    rows = store.assignments.find(today=today)
    organs = {m.organ_code: m.organ_name for m in store.schedule.meetings()}
    organ_name = next(iter(organs.values())) if len(organs) == 1 else ""
    document = new_document(template, header=document_header(organ_name, TITLE, today))
    with word_export("Uppföljningen av nämnduppdrag"):
        set_properties(document, title=TITLE, author=organ_name or "namnd", subject=TITLE)
        MarkdownRenderer(document).render(
            report_markdown(rows, today=today, since=since, organ_name=organ_name)
        )
    return save_document(document, path)
