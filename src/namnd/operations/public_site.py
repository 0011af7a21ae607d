"""Publish a meeting on the anslagstavla: the static public site folder.

After justering (and for each omedelbart justerad §, which may go up before the rest of
the protokoll is justerat) ``publish_meeting`` writes, into one folder per organ:

- each tillkännagivande as an accessible HTML page and as PDF/A,
- beside it the public protokoll (or, before justering, the public protokollsutdrag of
  each omedelbart justerad §) and the public kallelse, as PDF/A,
- ``index.html``: the notices up now, the protokoll and kallelser, and the archive of
  notices whose överklagandetid has run out, with the one style sheet.

Every file is rendered from the public projection and written through the publication
gate (``operations.publishing.publish``) into a staging folder first; only when all of
them passed does each replace its namesake in the folder (``os.replace``, atomic), so a
refusal leaves the folder as it was. Running it again rewrites the same files: the folder
is its own record of what was published, and the index lists what is in it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from namnd.atomic_files import write_text
from namnd.domain.agenda import AgendaDocument
from namnd.errors import NamndError
from namnd.formats.oparl_ids import DEFAULT_BASE_URL
from namnd.renderers import site_html
from namnd.renderers.site_html import Link, NoticeRow
from namnd.rules.notices import Notice, notices_for
from namnd.rules.swedish_dates import long_date
from namnd.storage.store import Store, one_snapshot
from namnd.storage.workspace import Workspace

FOLDER = "anslagstavla"


@dataclass(frozen=True)
class Published:
    """What one run wrote: the files (names in ``folder``) and the notices among them."""

    folder: Path
    files: tuple[str, ...]
    notices: tuple[Notice, ...]


def default_folder(workspace: Workspace) -> Path:
    """``anslagstavla/`` in the workspace: where the site goes unless told otherwise."""
    return workspace.root / FOLDER


@one_snapshot
def publish_meeting(
    store: Store,
    ref: str,
    folder: Path,
    *,
    today: dt.date | None = None,
    base_url: str = DEFAULT_BASE_URL,
) -> Published:
    """Write the meeting's notices, protokoll and kallelse and the index into ``folder``.

    Refused in Swedish, nothing written, when the protokoll is not justerat and no § is
    omedelbart justerad, or when the gate finds anything that may not be published.
    ``today`` decides which notices are still up (default: today). The workspace's
    public record is written beside them as OParl (``oparl/``, ids under ``base_url``),
    first: it is checked whole before any of it is written, like the pages after it.
    """
    from namnd.operations.oparl_export import write_oparl
    from namnd.operations.protocol_export import public_record

    today = today or dt.date.today()
    meeting_id, protocol, internal = public_record(store, ref)
    notices = _notices(store, meeting_id, protocol, internal)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_oparl(store, folder, base_url=base_url)
    with tempfile.TemporaryDirectory(prefix=".namnd-publicering-", dir=folder) as tmp:
        staging = Path(tmp)
        names = _write_meeting(store, ref, staging, protocol, notices)
        present = {p.name for p in folder.iterdir()} | set(names)
        code = internal.organ.code
        index = _index(store, code, internal, present, today)
        _publish_text(store, staging / site_html.INDEX_NAME, "html", index)
        _publish_text(store, staging / site_html.CSS_NAME, "txt", site_html.css())
        names += [site_html.INDEX_NAME, site_html.CSS_NAME]
        for name in names:
            os.replace(staging / name, folder / name)
    return Published(folder, tuple(names), tuple(notices))


def _notices(store: Store, meeting_id: int, protocol, internal: AgendaDocument) -> list[Notice]:
    """The protokoll's notices with the dates ``storage.schedule`` has for it."""
    organ = internal.organ
    return notices_for(
        protocol,
        store.schedule.meeting_deadlines(meeting_id),
        archive=protocol.justering.archive or organ.archive_place or organ.administration,
        municipality=organ.municipality,
        code=organ.code,
    )


def _write_meeting(
    store: Store, ref: str, staging: Path, protocol, notices: list[Notice]
) -> list[str]:
    """The kallelse, protokoll (or utdrag) and notices of one meeting, in ``staging``.

    Each PDF/A is made from its public Word version (itself passed by the gate), all of
    them in one LibreOffice run (``pdf_archive.convert_many``); each PDF then goes
    through the gate on its own.
    """
    from namnd.operations.kallelse_export import export_kallelse
    from namnd.operations.protocol_export import export_extract, export_protocol
    from namnd.operations.publishing import publish
    from namnd.renderers.notice_docx import write_notice_docx
    from namnd.renderers.pdf_archive import convert_many

    stem = _meeting_stem(protocol.date, protocol.organ_code)
    words = staging / ".word"
    words.mkdir()
    docx: dict[str, Path] = {}

    def word(name: str) -> Path:
        docx[name] = words / f"{Path(name).stem}.docx"
        return docx[name]

    export_kallelse(store, ref, fmt="docx", path=word(f"{stem}-kallelse.pdf"), public=True)
    if protocol.is_justerat:
        export_protocol(store, ref, fmt="docx", path=word(f"{stem}-protokoll.pdf"), public=True)
    else:
        for notice in notices:
            assert notice.number is not None
            path = word(_extract_name(stem, notice.number))
            export_extract(store, ref, notice.number, path=path, public=True)
    names = list(docx)
    for notice in notices:
        write_notice_docx(notice, word(f"{notice.stem}.pdf"))
        names += _write_notice_page(store, staging, notice, protocol.is_justerat, stem)
    converted = staging / ".pdf"
    converted.mkdir()
    convert_many(list(docx.values()), converted)
    for name, source in docx.items():
        pdf = converted / f"{source.stem}.pdf"
        publish(store, staging / name, "pdf", partial(_copy, pdf))
    return [*names, *(n for n in docx if n not in names)]


def _write_notice_page(
    store: Store, staging: Path, notice: Notice, justerat: bool, stem: str
) -> list[str]:
    """The notice's HTML page (its PDF/A is made with the other PDFs)."""
    html, pdf = f"{notice.stem}.html", f"{notice.stem}.pdf"
    day = long_date(notice.meeting_date)
    if justerat:
        record = Link(f"{stem}-protokoll.pdf", f"Protokollet från sammanträdet {day} (PDF)")
    else:
        assert notice.number is not None
        record = Link(
            _extract_name(stem, notice.number),
            f"Protokollsutdrag § {notice.number} från sammanträdet {day} (PDF)",
        )
    links = [record, Link(pdf, "Det här tillkännagivandet som PDF/A (för arkivet)")]
    _publish_text(store, staging / html, "html", site_html.notice_page(notice, links))
    return [html]


def _publish_text(store: Store, target: Path, kind: str, text: str) -> None:
    from namnd.operations.publishing import publish

    def render(draft: Path | None) -> Path:
        assert draft is not None  # publish always gives a target a draft to write
        return write_text(draft, text)

    publish(store, target, kind, render)


def _copy(source: Path, draft: Path | None) -> Path:
    """``publish``'s render for a file already made: the draft is a copy of ``source``."""
    assert draft is not None  # publish always gives a target a draft to write
    return shutil.copyfile(source, draft)


# --- the index ---------------------------------------------------------------------------


def _index(
    store: Store, code: str, internal: AgendaDocument, present: set[str], today: dt.date
) -> str:
    """The anslagstavla of organ ``code``: what of its meetings is in the folder."""
    from namnd.operations.protocol_export import public_record

    current: list[NoticeRow] = []
    archived: list[NoticeRow] = []
    protocols: list[Link] = []
    kallelser: list[Link] = []
    meetings = [m for m in store.schedule.meetings() if m.organ_code == code]
    for meeting in sorted(meetings, key=lambda m: m.date, reverse=True):
        stem = _meeting_stem(meeting.date, code)
        day = long_date(meeting.date)
        if f"{stem}-kallelse.pdf" in present:
            kallelser.append(
                Link(f"{stem}-kallelse.pdf", f"Kallelse till sammanträdet {day} (PDF)")
            )
        if f"{stem}-protokoll.pdf" in present:
            protocols.append(
                Link(f"{stem}-protokoll.pdf", f"Protokoll från sammanträdet {day} (PDF)")
            )
        if not any(name.startswith(f"{stem}-tillkannagivande") for name in present):
            continue
        try:
            meeting_id, protocol, agenda = public_record(store, str(meeting.id))
            notices = _notices(store, meeting_id, protocol, agenda)
        except NamndError:
            continue  # its protokoll is gone or has nothing to announce: nothing to list
        for number in (p.number for p in protocol.paragraphs):
            name = _extract_name(stem, number)
            if name in present:
                protocols.append(
                    Link(name, f"Protokollsutdrag § {number} från sammanträdet {day} (PDF)")
                )
        for notice in reversed(notices):  # the whole protokoll first, then its §§
            if f"{notice.stem}.html" not in present:
                continue
            row = NoticeRow(
                f"{notice.stem}.html", f"Tillkännagivande {day}, {notice.paragraphs}", notice
            )
            (current if notice.is_current(today) else archived).append(row)
    organ = internal.organ
    return site_html.index_page(
        organ.name,
        organ.municipality,
        current=current,
        archived=archived,
        protocols=protocols,
        kallelser=kallelser,
    )


def _meeting_stem(day: dt.date, code: str) -> str:
    return f"{day.isoformat()}-{code}"


def _extract_name(stem: str, number: int) -> str:
    return f"{stem}-protokollsutdrag-paragraf-{number}.pdf"
