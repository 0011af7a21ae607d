"""The public record of the workspace as OParl 1.1 open data: a static tree of JSON files.

Every fact comes from the public projection (``rules.publication``): the kallelse
as published (a sekretess ärende keeps number, title and dnr; sekretess bilagor are not
there at all), the protokoll as published and only once justerat, the seats register
cleaned. Each file is then read by the publication gate before anything is written, so
a personnummer or a confidential text refuses the whole export and leaves the folder as
it was. Ids are URLs below ``base_url`` built from organ codes, dates and diarienummer
(``formats.oparl_ids``); the file tree mirrors them, so a static web server serves it.

OParl has no place for how a § was decided; that goes into the ``namnd:`` extension on
AgendaItem (``namnd:vote``, ``namnd:motions``, ``namnd:reservations``), documented in
``docs/oparl.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from namnd.domain.agenda import AgendaDocument
from namnd.domain.kinds import AttendeeKind, MeetingStatus, MemberRole
from namnd.domain.models import Arende
from namnd.domain.organ_settings import OrganSettings
from namnd.domain.protocol import Protocol, ProtocolParagraph
from namnd.domain.views import MeetingSummary
from namnd.errors import NotFound, PublicationRefused
from namnd.formats.oparl_extension import decision_properties
from namnd.formats.oparl_ids import DEFAULT_BASE_URL, OPARL_TYPE, OParlIds, meeting_key, slug
from namnd.rules.publication import public_protocol, public_seats, public_version
from namnd.rules.roster import Seat
from namnd.rules.swedish_dates import long_date
from namnd.storage import agendas
from namnd.storage.database import read_snapshot
from namnd.storage.store import Store, one_snapshot

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: The statuses in which the kallelse has gone out, so its list is public.
PUBLISHED = (MeetingStatus.SENT, MeetingStatus.HELD, MeetingStatus.JUSTERAD)
PAGE_SIZE = 100
#: The lists a Body names, by their Body property.
LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
    "membership",
)
__all__ = ["DEFAULT_BASE_URL", "write_oparl"]


@one_snapshot
def write_oparl(store: Store, folder: Path, *, base_url: str = DEFAULT_BASE_URL) -> list[Path]:
    """Write the workspace's public record as OParl 1.1 under ``folder/oparl/``.

    The tree is the record as it is now: files of an earlier export that it no longer
    holds are removed. ``base_url`` is where ``oparl/`` will be served (default
    ``DEFAULT_BASE_URL``, a placeholder to replace with the kommun's address). Returns
    the files written, in order. Refused as a whole (``PublicationRefused``, nothing
    written) if the gate finds anything.
    """
    from namnd.atomic_files import write_bytes
    from namnd.operations.confidential_texts import secret_index
    from namnd.operations.public_gate import check_public_file

    record = _Record(OParlIds(base_url))
    for organ in store.organs.all():
        record.add_organ(store, organ)
    files = record.files()
    secrets = secret_index(store)
    findings = [
        finding
        for rel, data in files.items()
        for finding in check_public_file(data, _kind(rel), secrets, name=rel)
    ]
    if findings:
        raise PublicationRefused(str(folder / "oparl"), findings)
    root = folder / "oparl"
    written = []
    for rel, data in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, data)
        written.append(target)
    # An object gone from the record (a meeting taken off the plan) must not stay served.
    for stale in set(root.rglob("*.json")) | set(root.glob("files/*.md")):
        if stale not in set(written):
            stale.unlink()
    return written


def _kind(rel: str) -> str:
    return rel.rsplit(".", 1)[-1]


def _json(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


@dataclass
class _Body:
    """One Body (a nämnd with its utskott) and everything listed under it."""

    code: str
    lists: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


class _Record:
    """Collects the objects (by id) and the documents of the whole export."""

    def __init__(self, ids: OParlIds) -> None:
        self.ids = ids
        self.objects: dict[str, dict] = {}
        self.documents: dict[str, bytes] = {}
        self.bodies: dict[str, _Body] = {}
        self.body_of: dict[str, str] = {}
        self.persons: dict[str, dict] = {}

    # --- organs, seats and persons ---------------------------------------------------

    def add_organ(self, store: Store, organ: OrganSettings) -> None:
        body_code = self._body_code(store, organ)
        body = self.bodies.setdefault(body_code, _Body(body_code))
        org_id = self.ids.organization(organ.code)
        seats = public_seats(store.members.seats(organ.code))
        organization: dict[str, Any] = {
            "id": org_id,
            "type": OPARL_TYPE + "Organization",
            "body": self.ids.body(body_code),
            "name": organ.name,
            "shortName": organ.code,
            "organizationType": "Gremium",
            "classification": "Utskott" if organ.parent else "Nämnd",
            "meeting": self.ids.body_list_of(body_code, _meetings_of(organ)),
        }
        body.lists.setdefault(_meetings_of(organ), [])
        if organ.parent:
            organization["subOrganizationOf"] = self.ids.organization(organ.parent)
        self._add(body, "organization", organization)
        memberships = [self._membership(body, organ, seat) for seat in seats]
        if memberships:
            organization["membership"] = [m["id"] for m in memberships]
        self._add_meetings(store, body, organ)

    def _body_code(self, store: Store, organ: OrganSettings) -> str:
        if organ.code not in self.body_of:
            parents = {o.code: o.parent for o in store.organs.all()}
            code = organ.code
            while parents.get(code):
                code = parents[code]
            self.body_of[organ.code] = code
        return self.body_of[organ.code]

    def _membership(self, body: _Body, organ: OrganSettings, seat: Seat) -> dict:
        person = self._person(body, seat.name)
        role = seat.role.label.capitalize()
        if seat.position is not None:
            role = f"{seat.position.label.capitalize()} ({seat.role.label})"
        membership = {
            "id": self.ids.membership(organ.code, person["key"], seat.role.value, seat.first_day),
            "type": OPARL_TYPE + "Membership",
            "person": person["object"]["id"],
            "organization": self.ids.organization(organ.code),
            "role": role,
            "votingRight": seat.role is MemberRole.MEMBER,
            "startDate": seat.first_day.isoformat(),
        }
        if seat.last_day is not None:
            membership["endDate"] = seat.last_day.isoformat()
        if seat.party and seat.party != "-":
            membership["onBehalfOf"] = self._party(body, seat.party)
        self._add(body, "membership", membership)
        person["object"].setdefault("membership", []).append(membership)
        return membership

    def _person(self, body: _Body, name: str) -> dict:
        key = slug(name)
        if key not in self.persons:
            person = {
                "id": self.ids.person(key),
                "type": OPARL_TYPE + "Person",
                "body": self.ids.body(body.code),
                "name": name,
            }
            self.persons[key] = {"key": key, "object": person}
            self._add(body, "person", person)
        return self.persons[key]

    def _party(self, body: _Body, party: str) -> str:
        party_id = self.ids.party(body.code, party)
        if party_id not in self.objects:
            self._add(
                body,
                "organization",
                {
                    "id": party_id,
                    "type": OPARL_TYPE + "Organization",
                    "body": self.ids.body(body.code),
                    "name": party,
                    "shortName": party,
                    "organizationType": "Partei",
                    "classification": "Parti",
                },
            )
        return party_id

    # --- meetings ----------------------------------------------------------------------

    def _add_meetings(self, store: Store, body: _Body, organ: OrganSettings) -> None:
        meetings = [m for m in store.schedule.meetings() if m.organ_code == organ.code]
        days = Counter(m.date for m in meetings)
        rules = store.schedule.rules(organ.code)
        for summary in meetings:
            key = meeting_key(
                organ.code, summary.date, summary.start_time, shared=days[summary.date] > 1
            )
            meeting = self._meeting(store, body, organ, summary, key, rules.default_time)
            body.lists[_meetings_of(organ)].append(meeting["id"])
            self._term(body, summary.date)

    def _meeting(
        self,
        store: Store,
        body: _Body,
        organ: OrganSettings,
        summary: MeetingSummary,
        key: str,
        default_time: dt.time | None,
    ) -> dict:
        from namnd.formats.agenda_markdown import dump_agenda
        from namnd.formats.protocol_markdown import dump_protocol
        from namnd.operations.protocol_export import printed_protocol

        with read_snapshot(store.engine) as session:
            internal = agendas.load_agenda(session=session, meeting_id=summary.id)
        agenda = public_version(internal, organ.osl_reference)
        if summary.status not in PUBLISHED:  # a föredragningslista is public once sent
            agenda.entries = []
        protocol = None
        try:
            view, _agenda = printed_protocol(store, str(summary.id))
        except NotFound:
            view = None
        if view is not None and view.protocol.is_justerat:  # public once justerat
            protocol = public_protocol(view.protocol, internal, organ.osl_reference)
        meeting_id = self.ids.meeting(key)
        start = summary.start_time or default_time
        meeting: dict = {
            "id": meeting_id,
            "type": OPARL_TYPE + "Meeting",
            "name": f"{organ.name}, sammanträde {long_date(summary.date)}",
            "meetingState": summary.status.label,
            "cancelled": False,
            "organization": [self.ids.organization(organ.code)],
        }
        if start is not None:
            meeting["start"] = _at(summary.date, start)
        if protocol is not None and protocol.end_time is not None:
            meeting["end"] = _at(summary.date, protocol.end_time)
        place = agenda.meeting.place or (protocol.place if protocol else "")
        if place:
            meeting["location"] = self._location(body, place, meeting_id)
        if agenda.entries:
            # The public kallelse as ``export kallelse --public`` writes it in Markdown.
            text = dump_agenda(agenda)
            meeting["invitation"] = self._document(
                body,
                f"{key}-kallelse",
                f"Kallelse {organ.name} {long_date(summary.date)}",
                text,
                summary.date,
                meeting_id,
            )
        if protocol is not None:
            text = dump_protocol(protocol)
            meeting["resultsProtocol"] = self._document(
                body,
                f"{key}-protokoll",
                f"Protokoll {organ.name} {long_date(summary.date)}",
                text,
                protocol.justering.justerat_on or summary.date,
                meeting_id,
            )
            meeting["participant"] = [
                self._person(body, a.name)["object"]["id"]
                for a in protocol.attendees
                if a.kind is not AttendeeKind.OTHER
            ]
        items = self._agenda_items(body, organ, key, meeting_id, agenda, protocol)
        if items:
            meeting["agendaItem"] = items
        self._add(body, "meeting", meeting)
        return meeting

    def _agenda_items(
        self,
        body: _Body,
        organ: OrganSettings,
        key: str,
        meeting_id: str,
        agenda: AgendaDocument,
        protocol: Protocol | None,
    ) -> list[dict]:
        paragraphs = {p.item: p for p in protocol.paragraphs if p.item} if protocol else {}
        items = []
        for n, entry in enumerate(agenda.entries, start=1):
            arende = entry.arende
            item: dict = {
                "id": self.ids.agenda_item(key, str(n)),
                "type": OPARL_TYPE + "AgendaItem",
                "meeting": meeting_id,
                "number": str(n),
                "order": n,
                "name": arende.title,
                "public": not arende.confidential,
            }
            if arende.dnr:
                item["consultation"] = self._consultation(body, organ, key, item, arende)
            paragraph = paragraphs.get(n)
            if paragraph is not None and protocol is not None:
                self._decided(item, paragraph, protocol)
            items.append(item)
        # §§ that are not on the föredragningslista (e.g. justering, a late ärende).
        for paragraph in protocol.paragraphs if protocol else ():
            if paragraph.item or protocol is None:
                continue
            order = len(agenda.entries) + paragraph.number
            item = {
                "id": self.ids.agenda_item(key, f"p{paragraph.number}"),
                "type": OPARL_TYPE + "AgendaItem",
                "meeting": meeting_id,
                "number": f"§ {paragraph.number}",
                "order": order,
                "name": paragraph.title,
                "public": not paragraph.confidential,
            }
            self._decided(item, paragraph, protocol)
            items.append(item)
        for item in items:
            self._add(body, "agendaItem", item)
        return items

    def _decided(self, item: dict, paragraph: ProtocolParagraph, protocol: Protocol) -> None:
        """The § that decided the item: its beslut and the namnd: extension."""

        def person_of(name: str) -> str | None:
            person = self.persons.get(slug(name))
            return person["object"]["id"] if person else None

        item.update(decision_properties(paragraph, protocol, person_of))

    def _consultation(
        self, body: _Body, organ: OrganSettings, key: str, item: dict, arende: Arende
    ) -> str:
        """The item's ärende as a Paper (one per diarienummer) consulted at the meeting."""
        assert arende.dnr
        dnr = arende.dnr
        paper_id = self.ids.paper(dnr)
        consultation = {
            "id": self.ids.consultation(key, item["number"]),
            "type": OPARL_TYPE + "Consultation",
            "paper": paper_id,
            "agendaItem": item["id"],
            "meeting": item["meeting"],
            "organization": [self.ids.organization(organ.code)],
            "authoritative": not organ.parent,
            "role": "beredning" if organ.parent else "behandling",
        }
        self._add(body, "consultation", consultation)
        paper = self.objects.get(paper_id)
        if paper is None:
            paper = {
                "id": paper_id,
                "type": OPARL_TYPE + "Paper",
                "body": self.ids.body(body.code),
                "name": arende.title,
                "reference": dnr,
                "paperType": arende.kind.label,
                "underDirectionOf": [self.ids.organization(organ.code)],
                "consultation": [],
            }
            self._add(body, "paper", paper)
        paper["consultation"].append(consultation)
        return consultation["id"]

    def _location(self, body: _Body, place: str, meeting_id: str) -> dict:
        location_id = self.ids.location(place)
        location = self.objects.get(location_id)
        if location is None:
            location = {"id": location_id, "type": OPARL_TYPE + "Location", "description": place}
            self._add(body, "locationList", location)
        location.setdefault("meetings", []).append(meeting_id)
        return location

    def _document(
        self, body: _Body, name: str, title: str, text: str, day: dt.date, meeting_id: str
    ) -> dict:
        """A published Markdown document as a File, the text written beside the JSON."""
        data = text.encode("utf-8")
        file_name = f"{name}.md"
        self.documents[f"files/{file_name}"] = data
        file = {
            "id": self.ids.file(name),
            "type": OPARL_TYPE + "File",
            "name": title,
            "fileName": file_name,
            "mimeType": "text/markdown",
            "date": day.isoformat(),
            "size": len(data),
            "sha512Checksum": hashlib.sha512(data).hexdigest(),
            "accessUrl": self.ids.download(file_name),
            "downloadUrl": self.ids.download(file_name),
            "meeting": [meeting_id],
        }
        self._add(body, "file", file)
        return file

    def _term(self, body: _Body, day: dt.date) -> None:
        """The mandatperiod holding ``day``: four calendar years, 2019–2022 and so on."""
        first = day.year - (day.year - 2019) % 4
        term_id = self.ids.legislative_term(body.code, first, first + 3)
        if term_id not in self.objects:
            self._add(
                body,
                "legislativeTermList",
                {
                    "id": term_id,
                    "type": OPARL_TYPE + "LegislativeTerm",
                    "body": self.ids.body(body.code),
                    "name": f"Mandatperioden {first}–{first + 3}",
                    "startDate": dt.date(first, 1, 1).isoformat(),
                    "endDate": dt.date(first + 3, 12, 31).isoformat(),
                },
            )

    def _add(self, body: _Body, list_name: str, obj: dict) -> None:
        self.objects[obj["id"]] = obj
        body.lists[list_name].append(obj["id"])

    # --- the files -----------------------------------------------------------------------

    def files(self) -> dict[str, bytes]:
        """Every file of the tree by its path below ``oparl/``, in a stable order."""
        ids = self.ids
        out: dict[str, bytes] = {}
        system = {
            "id": ids.system(),
            "type": OPARL_TYPE + "System",
            "oparlVersion": OPARL_TYPE,
            "body": ids.body_list(),
            "name": "Nämndens öppna data (OParl)",
            "product": "https://github.com/namnd/namnd",
        }
        bodies = [self._body_object(body) for body in self.bodies.values()]
        out[ids.path(system["id"])] = _json(system)
        out.update(self._pages(lambda page: ids.url(f"bodies{_suffix(page)}.json"), bodies))
        for body, obj in zip(self.bodies.values(), bodies, strict=True):
            out[ids.path(obj["id"])] = _json(obj)
            # Every list the Body names, empty ones too: each URL must answer.
            for name in sorted(set(LISTS) | set(body.lists)):
                members = body.lists[name]
                out.update(
                    self._pages(
                        partial(ids.body_list_of, body.code, name),
                        [self.objects[i] for i in members],
                    )
                )
        for object_id in sorted(self.objects):
            out[ids.path(object_id)] = _json(self.objects[object_id])
        out.update(sorted(self.documents.items()))
        return out

    def _body_object(self, body: _Body) -> dict:
        obj = self.objects[self.ids.organization(body.code)]
        result = {
            "id": self.ids.body(body.code),
            "type": OPARL_TYPE + "Body",
            "system": self.ids.system(),
            "name": obj["name"],
            "shortName": body.code,
            "classification": "Nämnd",
            "legislativeTerm": [self.objects[i] for i in body.lists["legislativeTermList"]],
        }
        for prop in LISTS:
            result[prop] = self.ids.body_list_of(body.code, prop)
        return result

    def _pages(self, url: Callable[[int], str], items: list[dict]) -> dict[str, bytes]:
        """An OParl paginated list: ``data`` with ``pagination`` and ``links``."""
        total_pages = max(1, -(-len(items) // PAGE_SIZE))
        out = {}
        for page in range(1, total_pages + 1):
            links = {"first": url(1), "last": url(total_pages)}
            if page > 1:
                links["prev"] = url(page - 1)
            if page < total_pages:
                links["next"] = url(page + 1)
            out[self.ids.path(url(page))] = _json(
                {
                    "data": items[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
                    "pagination": {
                        "totalElements": len(items),
                        "elementsPerPage": PAGE_SIZE,
                        "currentPage": page,
                        "totalPages": total_pages,
                    },
                    "links": links,
                }
            )
        return out


def _at(day: dt.date, time: dt.time) -> str:
    return dt.datetime.combine(day, time, tzinfo=STOCKHOLM).isoformat()


def _meetings_of(organ: OrganSettings) -> str:
    """The list of one organ's meetings (Organization.meeting), beside the body's."""
    return f"meeting-{slug(organ.code)}"


def _suffix(page: int) -> str:
    return "" if page == 1 else f"-{page}"
