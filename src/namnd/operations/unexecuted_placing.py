"""Put a quarter's redovisning of ej verkställda beslut on a meeting, as in seed item 9.

Under the meeting's Anmälningsärenden ärende (added from its template if missing) each
law gets one anmäld handling, "Redovisning av ej verkställda gynnande beslut enligt LSS,
kvartal 2 2019", and one bilaga marked sekretess, "Sammanställning … enligt LSS, …",
whose file is the internal Word report with the individual tables. Placing the same
quarter again adds nothing (the seed's own lines are recognised by their titles).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from namnd.domain.changes import ArendeChanges
from namnd.domain.delegation_tables import ReportLaw
from namnd.domain.kinds import ArendeKind
from namnd.domain.models import AnnouncedDocument, Attachment
from namnd.formats.unexecuted_file import parse_law
from namnd.operations.standing_items import add_standing_item
from namnd.operations.unexecuted_report import MemoFacts, export_report
from namnd.rules.unexecuted_decisions import Quarter
from namnd.storage.store import Store
from namnd.storage.workspace import Workspace

# How the seed names each law in the anmäld handling and in its bilaga.
_NAMES = {
    ReportLaw.SOL: ("Socialtjänstlagen", "SoL"),
    ReportLaw.LSS: ("LSS", "LSS"),
}
SOURCE = "Myndighet"


@dataclass(frozen=True)
class Placed:
    """What placing added: titles of new anmälda handlingar and bilagor, and files written."""

    announced: list[str]
    attachments: list[str]
    files: list[Path]


def place_redovisning(
    store: Store,
    workspace: Workspace,
    quarter: str,
    meeting: str,
    *,
    by: str,
    law: str | None = None,
    as_of: dt.date | None = None,
    memo: MemoFacts | None = None,
) -> Placed:
    """Add the redovisning(ar) of ``quarter`` to ``meeting``'s anmälningsärenden.

    The tjänsteskrivelse is diarieförd under the anmälningsärende's dnr unless ``memo``
    names another.
    """
    period = Quarter.parse(quarter)
    laws = [parse_law(law)] if law else [ReportLaw.SOL, ReportLaw.LSS]
    target = store.schedule.find_meeting(meeting)
    meeting_id = target.id
    arende_id = _notifications_item(store, meeting_id, by)
    arende, attachments = store.agendas.arende(arende_id)
    announcements = store.agendas.announcements(arende_id)
    added = Placed([], [], [])
    for one in laws:
        long_name, short_name = _NAMES[one]
        when = f"kvartal {period.number} {period.year}"
        title = f"Redovisning av ej verkställda gynnande beslut enligt {long_name}, {when}"
        bilaga = f"Sammanställning ej verkställda gynnande beslut enligt {short_name}, {when}"
        relative = Path("bilagor") / f"ej-verkstallda-{period}-{one.value}.docx"
        path = export_report(
            store,
            str(period),
            fmt="docx",
            path=workspace.agendas / relative,
            law=one.value,
            as_of=as_of,
            organ=target.organ_code,  # the meeting's own register
            memo=replace(memo or MemoFacts(), dnr=(memo and memo.dnr) or arende.dnr),
        )
        added.files.append(Path(path))
        if not any(d.title == title for d in announcements):
            announcements.append(
                AnnouncedDocument(arende_id=arende_id, position=0, title=title, source=SOURCE)
            )
            added.announced.append(title)
        existing = next((a for a in attachments if a.title == bilaga), None)
        if existing is None:
            attachments.append(
                Attachment(
                    arende_id=arende_id,
                    position=0,
                    title=bilaga,
                    file=str(relative),
                    confidential=True,
                )
            )
            added.attachments.append(bilaga)
        else:
            existing.file, existing.confidential = str(relative), True
    store.agendas.save_arende(
        arende_id,
        arende.version,
        ArendeChanges(),
        by=by,
        attachments=attachments,
        announcements=announcements,
    )
    return added


def _notifications_item(store: Store, meeting_id: int, by: str) -> int:
    """The meeting's anmälningsärenden ärende, added from the standing template if absent."""
    for entry in store.agendas.agenda(meeting_id).entries:
        if entry.arende.kind is ArendeKind.NOTIFICATIONS:
            return entry.arende_id
    return add_standing_item(store, meeting_id, "notifications", by=by)
