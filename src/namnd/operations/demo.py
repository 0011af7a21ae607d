"""The demo nämnd: Botkyrka vård- och omsorgsnämnd's kallelse of 19 September 2019.

Loads the transcribed seed (``agendas/2019-09-19-von.md`` and ``agendas/data/``) into the
workspace database in one transaction. Everything is matched before it is added, so a
second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path

import yaml
from sqlmodel import Session, select

from namnd.domain.kinds import MeetingStatus
from namnd.domain.models import (
    AgendaItem,
    Arende,
    DelegationDecision,
    Meeting,
    Organ,
    Person,
)
from namnd.errors import NamndError
from namnd.formats.agenda_markdown import parse_agenda
from namnd.formats.roster_file import parse_roster
from namnd.formats.text_files import read_text
from namnd.operations.assignments import load_demo_assignments
from namnd.operations.bilaga_files import Copies, copy_agenda_files, copying
from namnd.rules.swedish_dates import parse_iso_date
from namnd.storage import agendas, members
from namnd.storage.organs import dnr_format
from namnd.storage.store import Store

DEMO_AGENDA = "2019-09-19-von.md"
SCHEDULE_FILE = "data/sammantradesordning-2020.yaml"
DELEGATION_FILE = "data/delegationsbeslut-2019-09-19.yaml"
CODES_FILE = "data/delegationsordning.yaml"
ROSTER_FILE = "data/ledamoter.yaml"
LISTS_FILE = "data/sandlistor.yaml"

Progress = Callable[[int, int, str], None]


@dataclass
class DemoReport:
    """How many rows of each kind the run added (all zero on a second run)."""

    added: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.added.values())

    def count(self, what: str, n: int = 1) -> None:
        self.added[what] = self.added.get(what, 0) + n


def demo_dir() -> Path:
    """The demo files: packaged in a wheel, or the repository's ``agendas/`` when editable."""
    packaged = resources.files("namnd") / "_demo" / "agendas"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "agendas"
    if (checkout / DEMO_AGENDA).is_file():
        return checkout
    raise NamndError("Demodata saknas i installationen (mappen agendas/ hittades inte).")


def load_demo(store: Store, progress: Progress | None = None) -> DemoReport:
    """Load the demo nämnd into ``store``; idempotent and all-or-nothing.

    The bilaga files (``agendas/data/``) are copied into the workspace's
    ``agendas/handlingar/`` with the agenda; a failure removes the copies again.
    """
    from namnd.operations.agenda_files import store_workspace

    folder = demo_dir()
    report = DemoReport()
    with copying(store_workspace(store)) as copies:
        steps: list[tuple[str, Callable[[Session, Path, DemoReport], None]]] = [
            ("Läser in kallelsen 19 september 2019", partial(_load_agenda, copies=copies)),
            ("Lägger in ledamöter, ersättare och sekreterare", _load_people),
            ("Lägger in sammanträdesordningen 2020", _load_schedule),
            ("Lägger in delegationsbesluten", _load_delegation_decisions),
            ("Lägger in nämnduppdragen", _load_assignments),
            ("Lägger in delegationsordningen", _load_delegation_codes),
            ("Lägger in sändlistorna", _load_mailing_lists),
        ]
        with store.session() as session:
            for done, (message, step) in enumerate(steps):
                if progress:
                    progress(done, len(steps), message)
                step(session, folder, report)
    if progress:
        progress(len(steps), len(steps), "Klart")
    return report


def _demo_organ(session: Session) -> Organ:
    return session.exec(select(Organ).where(Organ.code == "von")).one()


def _demo_organ_id(session: Session) -> int:
    organ_id = _demo_organ(session).id
    assert organ_id is not None  # a stored organ
    return organ_id


def _load_agenda(session: Session, folder: Path, report: DemoReport, *, copies: Copies) -> None:
    doc = parse_agenda(read_text(folder / DEMO_AGENDA))
    organ = agendas.get_or_create_organ(session=session, organ=doc.organ)
    assert organ.id is not None  # a stored organ
    if agendas.find_meeting_for(session=session, organ_id=organ.id, doc=doc) is None:
        copy_agenda_files(doc, folder / DEMO_AGENDA, copies)
        agendas.insert_agenda(session=session, doc=doc)
        report.count("sammanträden")
        report.count("ärenden", len(doc.entries))


def _person(session: Session, name: str, title: str, report: DemoReport) -> Person:
    person = session.exec(select(Person).where(Person.name == name)).first()
    if person is None:
        person = Person(name=name, title=title)
        session.add(person)
        session.flush()
        report.count("personer")
    return person


def _load_people(session: Session, folder: Path, report: DemoReport) -> None:
    """The ledamöter and ersättare (invented except the ordförande), and the secretary."""
    organ_id = _demo_organ_id(session)
    seats = parse_roster(read_text(folder / ROSTER_FILE))
    added = members.import_seats(session=session, organ_id=organ_id, seats=seats)
    if added:
        report.count("uppdrag i nämnden", added)
    meeting = session.exec(
        select(Meeting).where(Meeting.organ_id == organ_id, Meeting.date == dt.date(2019, 9, 19))
    ).one()
    _person(session, meeting.secretary_name, meeting.secretary_title, report)


def _load_schedule(session: Session, folder: Path, report: DemoReport) -> None:
    data = yaml.load(read_text(folder / SCHEDULE_FILE), Loader=yaml.BaseLoader)
    organ_id = _demo_organ_id(session)
    for text in data["sammanträden"]:
        day = parse_iso_date(text, what="sammanträdesdatum")
        exists = session.exec(
            select(Meeting).where(Meeting.organ_id == organ_id, Meeting.date == day)
        ).first()
        if exists is None:
            session.add(Meeting(organ_id=organ_id, date=day, status=MeetingStatus.PLANNED))
            report.count("sammanträden")


def _load_delegation_decisions(session: Session, folder: Path, report: DemoReport) -> None:
    data = yaml.load(read_text(folder / DELEGATION_FILE), Loader=yaml.BaseLoader)
    organ = _demo_organ(session)
    assert organ.id is not None  # a stored organ
    arende = session.exec(
        select(Arende)
        .join(AgendaItem)
        .join(Meeting)
        .where(Arende.dnr == "von/2019:1", Meeting.date == dt.date(2019, 9, 19))
    ).one()
    already = session.exec(
        select(DelegationDecision).where(DelegationDecision.arende_id == arende.id)
    ).first()
    if already is not None:
        return
    numbers = dnr_format(organ)
    position = 0
    for group in data["grupper"]:
        for decision in group.get("beslut", []):
            position += 1
            session.add(
                DelegationDecision(
                    organ_id=organ.id,
                    arende_id=arende.id,
                    delegate_group=group["grupp"],
                    position=position,
                    code=decision.get("kod", ""),
                    subject=decision["ärende"],
                    dnr=numbers.normalise(decision["dnr"]) if decision.get("dnr") else None,
                )
            )
            report.count("delegationsbeslut")


def _load_assignments(session: Session, folder: Path, report: DemoReport) -> None:
    report.count("nämnduppdrag", load_demo_assignments(session, _demo_organ(session)))


def _load_delegation_codes(session: Session, folder: Path, report: DemoReport) -> None:
    from namnd.storage.delegation_codes import list_codes, save_code

    organ_id = _demo_organ_id(session)
    known = {c.code for c in list_codes(session=session, organ_id=organ_id)}
    data = yaml.load(read_text(folder / CODES_FILE), Loader=yaml.BaseLoader)
    for row in data["koder"]:
        if row["kod"] not in known:
            save_code(
                session=session,
                organ_id=organ_id,
                code=row["kod"],
                subject=row["ärende"],
                delegate=row["delegat"],
            )
            report.count("delegationskoder")


def _load_mailing_lists(session: Session, folder: Path, report: DemoReport) -> None:
    """The press list and the förvaltning's ledning, so the demo can be sent as it stands."""
    from namnd.storage.mailing_lists import change_addresses

    organ_id = _demo_organ_id(session)
    data = yaml.load(read_text(folder / LISTS_FILE), Loader=yaml.BaseLoader)
    for name, addresses in data.items():
        change_addresses(session=session, organ_id=organ_id, name=name, add=addresses)
