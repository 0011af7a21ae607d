"""The data access object handed to the TUI and the CLI.

Screens and commands hold a :class:`Store`, never a session or SQL; every method opens
its own short session so a screen can call it from a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from namnd.domain.kinds import AssignmentStatus, MeetingStatus
from namnd.domain.models import (
    AgendaItem,
    AnnouncedDocument,
    Arende,
    Attachment,
    DelegationCode,
    GroupMeeting,
    LateChange,
    Meeting,
    MeetingStatusChange,
    Organ,
    OrganRules,
)
from namnd.domain.views import (
    AssignmentDetail,
    AssignmentView,
    MeetingSummary,
    UtskottProposal,
)

# assignments, delegation and ej_verkstallda are imported where used: their regexes and
# tables would otherwise cost the TUI's first paint (bench/startup.py).
from namnd.storage import agenda_editing, agendas, kallelse, queries, schedule
from namnd.storage.database import open_database, read_snapshot, session_scope
from namnd.storage.schedule import find_organ
from namnd.storage.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Sequence

    from namnd.domain.agenda import AgendaDocument
    from namnd.domain.delegation_tables import ReportLaw
    from namnd.domain.diarienummer import DnrFormat
    from namnd.domain.organ_settings import OrganSettings
    from namnd.domain.protocol import Attendee, Justering, Protocol, ProtocolParagraph
    from namnd.domain.views import ProtocolView
    from namnd.rules.deadlines import AfterMeeting
    from namnd.rules.delegation_summary import SummaryTable
    from namnd.rules.ej_verkstallda import Case, Offer, Quarter, Redovisning
    from namnd.rules.roster import Seat
    from namnd.rules.search import Hit
    from namnd.storage.delegation import ImportView


class Store:
    """Read and write the workspace database through named operations."""

    def __init__(self, engine: Engine, workspace: Workspace | None = None) -> None:
        self.engine = engine
        #: Where bilaga files are kept (``agendas/handlingar/``); None for a bare engine.
        self.workspace = workspace

    @classmethod
    def open(cls, workspace: Workspace) -> Store:
        """Open (and migrate if needed) the workspace's database."""
        return cls(open_database(workspace), workspace)

    def session(self):
        """A committing session for operations that write (see ``namnd.operations``)."""
        return session_scope(self.engine)

    def is_empty(self) -> bool:
        """True when no meeting has been registered yet (the TUI then offers the demo)."""
        with Session(self.engine) as session:
            return session.exec(select(func.count()).select_from(Meeting)).one() == 0

    def meetings(self, year: int | None = None) -> list[MeetingSummary]:
        """Meetings in date order, optionally of one year."""
        with Session(self.engine) as session:
            return queries.list_meetings(session=session, year=year)

    def first_meetings(self, today: dt.date) -> list[MeetingSummary]:
        """The first screen's meetings (coming, and each organ's latest), in date order."""
        from sqlalchemy import text

        from namnd.storage.meeting_peek import FIRST_SCREEN, LATEST_PER_ORGAN, summary

        on_sqlite = self.engine.dialect.name == "sqlite"
        window = {"today": today.isoformat() if on_sqlite else today, "latest": LATEST_PER_ORGAN}
        with self.engine.connect() as connection:
            return [summary(tuple(row)) for row in connection.execute(text(FIRST_SCREEN), window)]

    def find_meeting(self, ref: str) -> MeetingSummary:
        """The meeting named by a date or an id (Swedish error if none or ambiguous)."""
        with Session(self.engine) as session:
            meeting = queries.find_meeting(session=session, ref=ref)
            return queries.summary_of(session=session, meeting=meeting)

    def agenda(self, meeting_id: int) -> AgendaDocument:
        """A meeting's kallelse and föredragningslista, read from one snapshot.

        The aggregate the renderers read too (``domain.agenda``): ärenden with their
        bilagor and anmälda handlingar, detached. NotFound if the meeting is gone.
        """
        with read_snapshot(self.engine) as session:
            return agendas.load_agenda(session=session, meeting_id=meeting_id)

    # --- editing the kallelse (every write names who made it) ----------------------

    def _write(self, fn, **kwargs):
        with self.session() as session:
            return fn(session=session, **kwargs)

    def add_arende(self, meeting_id: int, fields: dict, *, by: str) -> int:
        """Register a new ärende last on the list; returns its id."""
        return self._write(
            agenda_editing.add_new_arende, meeting_id=meeting_id, fields=fields, by=by
        ).id

    def add_standing_item(self, meeting_id: int, key: str, *, by: str) -> int:
        """Add a standing item (Information från förvaltningen …) from its template."""
        from namnd.rules.standing_items import standing_item

        organ_name = self.find_meeting(str(meeting_id)).organ_name
        return self.add_arende(meeting_id, standing_item(key).fill(organ_name), by=by)

    def undecided_arenden(self, meeting_id: int) -> list[Arende]:
        """Registered, undecided ärenden not yet on this meeting's list."""
        with Session(self.engine) as session:
            return agenda_editing.undecided_arenden(session=session, meeting_id=meeting_id)

    def place_arende(self, meeting_id: int, arende_id: int, *, by: str) -> None:
        """Put a registered ärende last on the list."""
        self._write(agenda_editing.place_arende, meeting_id=meeting_id, arende_id=arende_id, by=by)

    def utskott_proposals(self, meeting_id: int) -> list[UtskottProposal]:
        """Ärenden an utskott (any other organ) has decided on, to bring to this list."""
        from namnd.storage import utskott

        with Session(self.engine) as session:
            return utskott.utskott_proposals(session=session, meeting_id=meeting_id)

    def place_from_utskott(self, meeting_id: int, paragraph_id: int, *, by: str) -> int:
        """Register the utskott §'s ärende here with its förslag, last on the list; its id."""
        from namnd.storage import utskott

        return self._write(
            utskott.place_from_utskott, meeting_id=meeting_id, paragraph_id=paragraph_id, by=by
        ).arende_id

    def remove_arende(self, meeting_id: int, arende_id: int, *, by: str) -> None:
        """Take an ärende off the list; it stays registered."""
        self._write(agenda_editing.remove_arende, meeting_id=meeting_id, arende_id=arende_id, by=by)

    def move_arende(self, meeting_id: int, arende_id: int, delta: int, *, by: str) -> int:
        """Move an ärende up (negative) or down; returns its new number."""
        return self._write(
            agenda_editing.move_arende,
            meeting_id=meeting_id,
            arende_id=arende_id,
            delta=delta,
            by=by,
        )

    def arende(self, arende_id: int) -> tuple[Arende, list[Attachment]]:
        """An ärende with its bilagor, detached, for the editor."""
        with Session(self.engine, expire_on_commit=False) as session:
            return agenda_editing.load_arende(session=session, arende_id=arende_id)

    def arende_meeting(self, arende_id: int) -> MeetingSummary | None:
        """The meeting whose föredragningslista holds the ärende (its bilagor's folder)."""
        with Session(self.engine) as session:
            item = session.exec(select(AgendaItem).where(AgendaItem.arende_id == arende_id)).first()
        return None if item is None else self.find_meeting(str(item.meeting_id))

    def save_arende(
        self,
        arende_id: int,
        version: int,
        changes: dict,
        *,
        by: str,
        attachments: list[Attachment] | None = None,
        announcements: list[AnnouncedDocument] | None = None,
    ) -> int:
        """Save the editor's changes (StaleEdit if someone saved first); the new version."""
        with self.session() as session:
            # The lists first: a StaleEdit below rolls them back with the rest.
            also = []
            if attachments is not None and agenda_editing.replace_attachments(
                session=session, arende_id=arende_id, attachments=attachments
            ):
                also.append("bilagor")
            if announcements is not None and agendas.replace_announcements(
                session=session, arende_id=arende_id, documents=announcements
            ):
                also.append("anmälda handlingar")
            saved = agenda_editing.save_arende(
                session=session,
                arende_id=arende_id,
                version=version,
                changes=changes,
                by=by,
                also_changed=also,
            )
            return saved.version

    def announcements(self, arende_id: int) -> list[AnnouncedDocument]:
        """The handlingar anmälda under an ärende (anmälningsärenden), in order."""
        with Session(self.engine, expire_on_commit=False) as session:
            documents = agendas.load_announcements(session=session, arende_id=arende_id)
            session.expunge_all()
            return documents

    def set_status(self, meeting_id: int, target: MeetingStatus, *, by: str) -> None:
        """Move the kallelse along utkast → granskad → utskickad, logged."""
        self._write(kallelse.set_status, meeting_id=meeting_id, target=target, by=by)

    def status_history(self, meeting_id: int) -> list[MeetingStatusChange]:
        """Who changed the kallelse's status, and when."""
        with Session(self.engine) as session:
            return kallelse.status_history(session=session, meeting_id=meeting_id)

    def late_changes(self, meeting_id: int) -> list[LateChange]:
        """Tillägg and ändringar made after utskick."""
        with Session(self.engine) as session:
            return kallelse.late_changes(session=session, meeting_id=meeting_id)

    def meeting_details(self, meeting_id: int) -> tuple[Meeting, list[GroupMeeting]]:
        """The kallelse details and gruppmöten, detached, for the details form."""
        with Session(self.engine, expire_on_commit=False) as session:
            doc = agendas.load_agenda(session=session, meeting_id=meeting_id)
            return doc.meeting, doc.group_meetings

    def save_meeting_details(
        self, meeting_id: int, version: int, changes: dict, groups: list[GroupMeeting]
    ) -> None:
        """Save the details form (StaleEdit if someone saved first)."""
        self._write(
            kallelse.save_details,
            meeting_id=meeting_id,
            version=version,
            changes=changes,
            groups=groups,
        )

    # --- nämnduppdrag (every write names who made it; försenad is derived) -------------

    def assignments(
        self,
        *,
        statuses: Collection[AssignmentStatus] = (),
        overdue: bool | None = None,
        due_before: dt.date | None = None,
        origin_dnr: str | None = None,
        today: dt.date | None = None,
        organ_code: str | None = None,
    ) -> list[AssignmentView]:
        """The register of nämnduppdrag, soonest due first, filtered (by organ if named)."""
        from namnd.storage import assignments

        with Session(self.engine) as session:
            return assignments.list_assignments(
                session=session,
                today=today or dt.date.today(),
                statuses=statuses,
                overdue=overdue,
                due_before=due_before,
                origin_dnr=origin_dnr,
                organ_code=organ_code,
            )

    def assignment(self, assignment_id: int, *, today: dt.date | None = None) -> AssignmentDetail:
        """One uppdrag with its history (who changed what, when)."""
        from namnd.storage import assignments

        with Session(self.engine) as session:
            return assignments.get_assignment(
                session=session, assignment_id=assignment_id, today=today or dt.date.today()
            )

    def add_assignment(
        self,
        organ_id: int,
        fields: dict,
        *,
        by: str,
        origin_meeting_id: int | None = None,
        origin_arende_id: int | None = None,
    ) -> int:
        """Register an uppdrag (fields: see ``storage.assignments.FIELD_LABELS``); its id."""
        from namnd.storage import assignments

        return self._write(
            assignments.create_assignment,
            organ_id=organ_id,
            fields=fields,
            by=by,
            origin_meeting_id=origin_meeting_id,
            origin_arende_id=origin_arende_id,
        ).id

    def update_assignment(
        self, assignment_id: int, changes: dict, *, by: str, version: int | None = None
    ) -> None:
        """Change an uppdrag's text, assignee, due …; each change goes to its history.

        With ``version`` (``AssignmentView.version``) StaleEdit if someone changed it since.
        """
        from namnd.storage import assignments

        self._write(
            assignments.update_assignment,
            assignment_id=assignment_id,
            changes=changes,
            by=by,
            version=version,
        )

    def set_assignment_status(
        self,
        assignment_id: int,
        status: AssignmentStatus,
        *,
        by: str,
        note: str = "",
        version: int | None = None,
    ) -> None:
        """Ej påbörjad, pågår, återrapporterad, avslutad (any direction, logged).

        With ``version`` (``AssignmentView.version``) StaleEdit if someone changed it since.
        """
        from namnd.storage import assignments

        self._write(
            assignments.set_status,
            assignment_id=assignment_id,
            status=status,
            by=by,
            note=note,
            version=version,
        )

    def link_report_back(self, assignment_id: int, arende_id: int, *, by: str) -> None:
        """Record that an återrapportering ärende answers the uppdrag."""
        from namnd.storage import assignments

        self._write(
            assignments.link_report_back,
            assignment_id=assignment_id,
            arende_id=arende_id,
            by=by,
        )

    def decide_report_back(
        self, arende_id: int, *, by: str, keep_open: Collection[int] = ()
    ) -> list[int]:
        """Mark the återrapportering decided; ids of the uppdrag now återrapporterade."""
        from namnd.storage import assignments

        answered = self._write(
            assignments.decide_report_back, arende_id=arende_id, by=by, keep_open=keep_open
        )
        return [a.id for a in answered]

    # --- delegationsbeslut lists and ej verkställda beslut (personal data) -------------

    def delegation_imports(self, meeting_id: int | None = None) -> list[ImportView]:
        """Imported lists (no rows), optionally of one meeting."""
        from namnd.storage import delegation

        with Session(self.engine) as session:
            return delegation.list_imports(session=session, meeting_id=meeting_id)

    def delegation_summary(self, meeting_id: int) -> list[SummaryTable]:
        """Counts per insats, lagrum and month of the meeting's imported lists."""
        from namnd.rules.delegation_summary import summarise
        from namnd.storage import delegation

        with Session(self.engine) as session:
            ids = [i.id for i in delegation.list_imports(session=session, meeting_id=meeting_id)]
            rows = delegation.list_rows(session=session, import_ids=ids)
            return summarise(row for _, row in rows)

    def delete_delegation_import(self, import_id: int) -> int:
        """Delete an imported list and its rows (gallring); rows deleted."""
        from namnd.storage import delegation

        return self._write(delegation.delete_import, import_id=import_id)

    def ej_verkstallda(self, organ_code: str | None = None) -> list[Case]:
        """The register of ej verkställda beslut with their offers."""
        from namnd.storage import ej_verkstallda

        with Session(self.engine) as session:
            organ = find_organ(session=session, code=organ_code)
            return ej_verkstallda.list_cases(session=session, organ_id=organ.id)

    def add_ej_verkstalld(self, case: Case, *, by: str, organ_code: str | None = None):
        """Register a beslut; its id, or None if the same beslut was already there."""
        from namnd.storage import ej_verkstallda

        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return ej_verkstallda.add_case(session=session, organ_id=organ.id, case=case, by=by)

    def update_ej_verkstalld(self, case_id: int, version: int, changes: dict, *, by: str) -> int:
        """Change a registered beslut (StaleEdit if someone saved first); the new version."""
        from namnd.storage import ej_verkstallda

        return self._write(
            ej_verkstallda.update_case, case_id=case_id, version=version, changes=changes, by=by
        )

    def add_ej_verkstalld_offer(self, case_id: int, offer: Offer, note: str = "") -> None:
        """Record an erbjudande made for a registered beslut."""
        from namnd.storage import ej_verkstallda

        self._write(ej_verkstallda.add_offer, case_id=case_id, offer=offer, note=note)

    def delete_ej_verkstalld(self, case_id: int) -> None:
        """Remove a registered beslut and its offers."""
        from namnd.storage import ej_verkstallda

        self._write(ej_verkstallda.delete_case, case_id=case_id)

    def ej_verkstallda_redovisning(
        self,
        quarter: Quarter,
        law: ReportLaw,
        *,
        as_of: dt.date | None = None,
        organ_code: str | None = None,
    ) -> Redovisning:
        """A quarter's redovisning (``reported[i].half_months`` feeds a waiting-time chart)."""
        from namnd.rules.ej_verkstallda import build_redovisning

        return build_redovisning(self.ej_verkstallda(organ_code), law, quarter, as_of)

    def delegation_codes(self, organ_code: str | None = None) -> list[DelegationCode]:
        """The delegationsordning of the organ (or the only one)."""
        from namnd.storage.delegation_codes import list_codes
        from namnd.storage.schedule import find_organ

        with Session(self.engine) as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return list_codes(session=session, organ_id=organ.id)

    def save_delegation_code(
        self, code: str, matter: str, delegate: str, organ_code: str | None = None
    ) -> str:
        """Add a code to the delegationsordning or change its matter and delegat; the code."""
        from namnd.storage.delegation_codes import save_code
        from namnd.storage.schedule import find_organ

        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return save_code(
                session=session, organ_id=organ.id, code=code, matter=matter, delegate=delegate
            ).code

    def unknown_delegation_codes(self, organ_code: str | None = None) -> list[str]:
        """Codes used in reported delegationsbeslut but missing from the delegationsordning."""
        from namnd.storage.delegation_codes import unknown_codes
        from namnd.storage.schedule import find_organ

        with Session(self.engine) as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return unknown_codes(session=session, organ_id=organ.id)

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Ärenden and §§ of all years where every word of ``query`` occurs, best first."""
        from namnd.storage.search import search

        with self.engine.connect() as connection:
            return search(connection, query, limit)

    # --- ledamöter and ersättare ----------------------------------------------------

    def seats(self, organ_code: str | None = None) -> list[Seat]:
        """Every seat the organ has had (ended ones too), in roster order."""
        from namnd.storage import members

        with Session(self.engine) as session:
            organ = find_organ(session=session, code=organ_code)
            return members.list_seats(session=session, organ_id=organ.id)

    def save_seat(
        self, seat: Seat, organ_code: str | None = None, *, expected: Seat | None = None
    ) -> Seat:
        """Add a seat (no id) or change one; a Swedish error if it clashes with another.

        StaleEdit if the seat is no longer as ``expected`` (someone else saved first).
        """
        from namnd.storage import members

        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            return members.save_seat(
                session=session, organ_id=organ.id, seat=seat, expected=expected
            )

    def end_seat(self, seat_id: int, last_day: dt.date, organ_code: str | None = None) -> Seat:
        """End a seat after ``last_day``; the seat stays in the register's history."""
        from namnd.storage import members

        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            return members.end_seat(
                session=session, organ_id=organ.id, seat_id=seat_id, last_day=last_day
            )

    def import_seats(self, seats: Sequence[Seat], organ_code: str | None = None) -> int:
        """Add a roster file's seats, all or nothing; how many were new."""
        from namnd.storage import members

        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            return members.import_seats(session=session, organ_id=organ.id, seats=seats)

    # --- protokoll (read-only once justerat; rättelser are logged) ---------------------

    def protocol(self, meeting_id: int) -> ProtocolView | None:
        """The meeting's protokoll with §-versions and seats, or None if not yet opened."""
        from namnd.storage import protocols

        with Session(self.engine) as session:
            return protocols.load_protocol(session=session, meeting_id=meeting_id)

    def open_protocol(
        self,
        meeting_id: int,
        *,
        by: str,
        first_number: int | None = None,
        today: dt.date | None = None,
    ) -> None:
        """Protocol mode: §§ from the agenda after the standing openers, närvaro from members."""
        from namnd.storage import protocols

        self._write(
            protocols.open_protocol,
            meeting_id=meeting_id,
            by=by,
            first_number=first_number,
            today=today or dt.date.today(),
        )

    def save_paragraph(
        self, meeting_id: int, paragraph: ProtocolParagraph, version: int, *, paragraph_id: int
    ) -> int:
        """Save the § with this id (``ProtocolView.ids``); its new version.

        StaleEdit if someone saved or renumbered it first; InvalidInput once justerat.
        """
        from namnd.storage import protocols

        return self._write(
            protocols.save_paragraph,
            meeting_id=meeting_id,
            paragraph_id=paragraph_id,
            paragraph=paragraph,
            version=version,
        )

    def save_attendance(self, meeting_id: int, attendees: Sequence[Attendee]) -> None:
        """Replace the närvaro."""
        from namnd.storage import protocols

        self._write(protocols.save_attendance, meeting_id=meeting_id, attendees=attendees)

    def save_adjustment(
        self, meeting_id: int, adjustment: Justering, end_time: dt.time | None, version: int
    ) -> int:
        """Justerare, place and day of justering, förvaring, end time; the new version."""
        from namnd.storage import protocols

        return self._write(
            protocols.save_adjustment,
            meeting_id=meeting_id,
            adjustment=adjustment,
            end_time=end_time,
            version=version,
        )

    def add_paragraph(self, meeting_id: int, title: str, *, after_id: int | None) -> int:
        """Insert a § (e.g. an extra ärende) after the § with id ``after_id``; its number."""
        from namnd.storage import protocols

        return self._write(
            protocols.add_paragraph, meeting_id=meeting_id, title=title, after_id=after_id
        )

    def remove_paragraph(self, meeting_id: int, *, paragraph_id: int) -> None:
        """Delete the § with this id before justering; the following §§ move up."""
        from namnd.storage import protocols

        self._write(protocols.remove_paragraph, meeting_id=meeting_id, paragraph_id=paragraph_id)

    def adjust_protocol(
        self, meeting_id: int, on: dt.date, *, by: str, today: dt.date | None = None
    ) -> None:
        """Justera (InvalidInput listing what breaks the rules, or a date after today)."""
        from namnd.storage import protocols

        today = today or dt.date.today()
        self._write(protocols.adjust, meeting_id=meeting_id, on=on, by=by, today=today)

    def signatures(self, meeting_id: int) -> list:
        """The PAdES signatures on the protokoll's signed files, oldest first."""
        from namnd.storage import signatures

        with Session(self.engine) as session:
            return signatures.signatures(session=session, meeting_id=meeting_id)

    def record_signature(
        self, row, *, after: int | None, adjust_on: dt.date | None, by: str
    ) -> None:
        """Store a signature made on top of signature ``after``; with ``adjust_on`` justera.

        StaleEdit if another signature was stored since ``after``.
        """
        from namnd.storage import signatures

        today = dt.date.today()
        self._write(
            signatures.record, row=row, after=after, adjust_on=adjust_on, by=by, today=today
        )

    def post_protocol(self, meeting_id: int, on: dt.date, *, today: dt.date | None = None) -> None:
        """Record the day the justering was anslagen (not after today)."""
        from namnd.storage import protocols

        self._write(protocols.post, meeting_id=meeting_id, on=on, today=today or dt.date.today())

    def correct_paragraph(
        self,
        meeting_id: int,
        paragraph: ProtocolParagraph,
        reason: str,
        *,
        by: str,
        paragraph_id: int,
        version: int | None = None,
    ) -> str:
        """A logged rättelse of the justerat § with this id; returns what changed.

        With ``version`` a rättelse someone else made meanwhile is not overwritten.
        """
        from namnd.storage import protocols

        return self._write(
            protocols.correct,
            meeting_id=meeting_id,
            paragraph_id=paragraph_id,
            paragraph=paragraph,
            reason=reason,
            by=by,
            version=version,
        )

    def replace_protocol(
        self, meeting_id: int, protocol: Protocol, *, today: dt.date | None = None
    ) -> None:
        """Import a whole protokoll (all or nothing; a justerat one is never replaced).

        Justering, anslag and rättelser dated after ``today`` are refused.
        """
        from namnd.storage import protocols

        self._write(
            protocols.replace_protocol,
            meeting_id=meeting_id,
            protocol=protocol,
            today=today or dt.date.today(),
        )

    # --- organs: name, kod, diarienummer format and the rest of the organ form ---------

    def organs(self) -> list[OrganSettings]:
        """Every organ's settings (a nämnd and its utskott, say), by name."""
        from namnd.storage import organs

        with Session(self.engine) as session:
            return organs.list_organs(session=session)

    def organ_settings(self, code: str | None = None) -> OrganSettings:
        """One organ's settings (the only one when ``code`` is None)."""
        from namnd.storage import organs

        with Session(self.engine) as session:
            organ = find_organ(session=session, code=code)
            return organs.settings_of(session=session, organ=organ)

    def dnr_format(self, organ_id: int) -> DnrFormat:
        """How the organ writes its diarienummer (for examples in the editor)."""
        from namnd.storage import organs

        with Session(self.engine) as session:
            organ = session.get(Organ, organ_id)
            assert organ is not None  # the id of a stored organ
            return organs.dnr_format(organ)

    def create_organ(self, settings: OrganSettings) -> OrganSettings:
        """Add an organ (InvalidOrgan naming each refused field; nothing saved then)."""
        from namnd.storage import organs

        return self._write(organs.create_organ, settings=settings)

    def edit_organ(self, code: str, changes: dict[str, str]) -> OrganSettings:
        """Change some of an organ's settings (InvalidOrgan naming each refused field)."""
        from namnd.storage import organs

        return self._write(organs.edit_organ, code=code, changes=changes)

    # --- sammanträdesordning: the organ's rules and its planned meetings ------------

    def organ_rules(self, organ_code: str | None = None) -> OrganRules:
        """The organ's deadline rules and usual time and place (defaults if unsaved)."""
        with Session(self.engine) as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            rules = schedule.rules_for(session=session, organ_id=organ.id)
            session.expunge_all()
            return rules

    def meeting_deadlines(self, meeting_id: int) -> AfterMeeting:
        """Justering, anslag and överklagande of one meeting (``schedule.meeting_deadlines``)."""
        with Session(self.engine) as session:
            meeting = queries.find_meeting(session=session, ref=str(meeting_id))
            return schedule.meeting_deadlines(
                session=session, organ_id=meeting.organ_id, meetings=[(meeting_id, meeting.date)]
            )[meeting_id]

    def save_organ_rules(self, values: dict, organ_code: str | None = None) -> None:
        """Store some of the organ's rules.

        InvalidInput on a negative day count or one past the law (naming the paragraph).
        """
        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            schedule.save_rules(session=session, organ_id=organ.id, values=values)

    def plan_meetings(self, dates: list[dt.date], organ_code: str | None = None) -> int:
        """Plan meetings on ``dates`` with the usual time and place; how many were new."""
        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return schedule.add_meetings(session=session, organ_id=organ.id, dates=dates)

    def remove_planned_meetings(
        self, days: Sequence[dt.date], organ_code: str | None = None
    ) -> None:
        """Take planned meetings (no agenda yet) off the sammanträdesordning, all or none."""
        with self.session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            for day in days:
                schedule.remove_meeting(session=session, organ_id=organ.id, day=day)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()
