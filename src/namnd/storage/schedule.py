"""The sammanträdesordning in the database: an organ's rules and its year of meetings.

:func:`meeting_deadlines` is the one query behind every meeting's justering, anslag and
överklagande dates: it feeds ``rules.deadlines.after_meeting`` the organ's rules and
the days recorded in the protokoll.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session, col, select

from namnd.domain.kinds import MeetingStatus
from namnd.domain.models import AgendaItem, Arende, Meeting, Organ, OrganRules, ParagraphRow
from namnd.errors import InvalidInput, NotFound
from namnd.rules import deadlines

RULE_FIELDS = (
    "kallelse_days",
    "case_stop_days",
    "presidium_days",
    "justering_days",
    "posting_days",
    "appeal_weeks",
    "default_time",
    "default_place",
)


def find_organ(*, session: Session, code: str | None) -> Organ:
    """The organ with ``code``, or the only one there is."""
    organs = session.exec(select(Organ).order_by(col(Organ.code))).all()
    if code:
        for organ in organs:
            if organ.code == code:
                return organ
        raise NotFound(f"Det finns ingen nämnd med koden ”{code}”.")
    if len(organs) == 1:
        return organs[0]
    if not organs:
        raise NotFound(
            "Det finns ingen nämnd ännu. Lägg till en med ”namnd organ add KOD --name NAMN”, "
            "kör ”namnd demo” eller importera en dagordning."
        )
    codes = ", ".join(o.code for o in organs)
    raise InvalidInput(f"Ange vilken nämnd med --organ ({codes}).")


def rules_for(*, session: Session, organ_id: int) -> OrganRules:
    """The organ's rules; defaults (not stored) when none have been saved.

    Unsaved, the usual time and place are those of the organ's latest meeting that has
    them, so a nämnd already in the database keeps meeting where it did.
    """
    stored = session.exec(select(OrganRules).where(OrganRules.organ_id == organ_id)).first()
    if stored is not None:
        return stored
    latest = session.exec(
        select(Meeting)
        .where(Meeting.organ_id == organ_id, col(Meeting.start_time).is_not(None))
        .order_by(col(Meeting.date).desc())
    ).first()
    if latest is None:
        return OrganRules(organ_id=organ_id)
    return OrganRules(organ_id=organ_id, default_time=latest.start_time, default_place=latest.place)


def service_rules(rules: OrganRules) -> deadlines.Rules:
    """The stored rules as the deadline service takes them."""
    return deadlines.Rules(
        kallelse_days=rules.kallelse_days,
        case_stop_days=rules.case_stop_days,
        presidium_days=rules.presidium_days,
        justering_days=rules.justering_days,
        posting_days=rules.posting_days,
        appeal_weeks=rules.appeal_weeks,
    )


def meeting_deadlines(
    *, session: Session, organ_id: int, meetings: Iterable[tuple[int, dt.date]]
) -> dict[int, deadlines.AfterMeeting]:
    """Justering, anslag and överklagande of each (meeting id, date), by meeting id.

    From the organ's rules and the justering, anslag and omedelbart justerade §§
    recorded in each protokoll.
    """
    from namnd.domain.protocol_tables import ProtocolRecord

    days = dict(meetings)
    if not days:
        return {}
    rules = service_rules(rules_for(session=session, organ_id=organ_id))
    recorded = {
        meeting_id: (justerat_on, posted_on)
        for meeting_id, justerat_on, posted_on in session.exec(
            select(
                col(ProtocolRecord.meeting_id),
                col(ProtocolRecord.justerat_on),
                col(ProtocolRecord.posted_on),
            ).where(col(ProtocolRecord.meeting_id).in_(list(days)))
        )
    }
    immediate: dict[int, list[int]] = {}
    for meeting_id, number in session.exec(
        select(ParagraphRow.meeting_id, ParagraphRow.number).where(
            col(ParagraphRow.meeting_id).in_(list(days)), col(ParagraphRow.immediate).is_(True)
        )
    ):
        immediate.setdefault(meeting_id, []).append(number)
    result = {}
    for meeting_id, day in days.items():
        justerat_on, posted_on = recorded.get(meeting_id, (None, None))
        result[meeting_id] = deadlines.after_meeting(
            day,
            rules,
            justerat_on=justerat_on,
            posted_on=posted_on,
            immediate=tuple(immediate.get(meeting_id, ())),
        )
    return result


def save_rules(*, session: Session, organ_id: int, values: dict) -> OrganRules:
    """Store the organ's rules: whole, non-negative day counts within the law."""
    unknown = set(values) - set(RULE_FIELDS)
    if unknown:
        raise ValueError(f"not a rule: {sorted(unknown)}")
    for key, value in values.items():
        if key.endswith(("_days", "_weeks")) and (not isinstance(value, int) or value < 0):
            raise InvalidInput(
                f"Antalet dagar/veckor måste vara ett heltal 0 eller större ({key})."
            )
    rules = session.exec(select(OrganRules).where(OrganRules.organ_id == organ_id)).first()
    if rules is None:
        rules = rules_for(session=session, organ_id=organ_id)
    current = service_rules(rules)
    deadlines.check_rules(
        deadlines.Rules(
            **{
                name: values.get(name, getattr(current, name))
                for name in deadlines.Rules.__dataclass_fields__
            }
        )
    )
    session.add(rules)
    for key, value in values.items():
        setattr(rules, key, value)
    session.flush()
    return rules


def remove_meeting(*, session: Session, organ_id: int, day: dt.date) -> None:
    """Take a planned meeting off the plan; one with an agenda or anything tied to it stays."""
    from sqlalchemy.exc import IntegrityError

    from namnd.rules.swedish_dates import long_date

    meeting = session.exec(
        select(Meeting).where(Meeting.organ_id == organ_id, Meeting.date == day)
    ).first()
    if meeting is None:
        raise NotFound(f"Det finns inget sammanträde den {long_date(day)}.")
    if meeting.status is not MeetingStatus.PLANNED:
        raise InvalidInput(
            f"Sammanträdet {long_date(day)} är {meeting.status.label} och har en "
            "föredragningslista: det tas inte bort. Flytta eller ta bort ärendena först."
        )
    try:
        session.delete(meeting)
        session.flush()  # the caller's transaction rolls back on the error below
    except IntegrityError:
        raise InvalidInput(
            f"Sammanträdet {long_date(day)} har handlingar kopplade till sig "
            "(t.ex. anmälda delegationsbeslut) och kan inte tas bort."
        ) from None


def add_meetings(*, session: Session, organ_id: int, dates: list[dt.date]) -> int:
    """Plan meetings on ``dates`` (default time and place, the organ's sekreterare).

    Existing dates are kept.
    """
    rules = rules_for(session=session, organ_id=organ_id)
    organ = session.get(Organ, organ_id)
    assert organ is not None  # the caller's stored organ
    existing = set(
        session.exec(
            select(col(Meeting.date)).where(
                Meeting.organ_id == organ_id, col(Meeting.date).in_(list(dates))
            )
        )
    )
    added = 0
    for day in sorted(set(dates) - existing):
        session.add(
            Meeting(
                organ_id=organ_id,
                date=day,
                start_time=rules.default_time,
                place=rules.default_place,
                status=MeetingStatus.PLANNED,
                secretary_name=organ.secretary_name,
                secretary_title=organ.secretary_title or "Nämndsekreterare",
            )
        )
        added += 1
    session.flush()
    return added


def other_organs_meetings(
    *, session: Session, organ_id: int, year: int
) -> list[tuple[dt.date, str]]:
    """Meetings of every other organ that year, for clash warnings."""
    rows = session.exec(
        select(col(Meeting.date), col(Organ.name))
        .join(Organ, col(Organ.id) == col(Meeting.organ_id))
        .where(
            Meeting.organ_id != organ_id,
            col(Meeting.date) >= dt.date(year, 1, 1),
            col(Meeting.date) <= dt.date(year, 12, 31),
        )
    )
    return [(day, name) for day, name in rows]


def open_remisser(
    *, session: Session, organ_id: int
) -> list[tuple[str, str | None, dt.date, dt.date | None]]:
    """(title, dnr, svar senast, meeting it is placed on or None) of undecided yttranden."""
    from namnd.domain.kinds import ArendeKind
    from namnd.domain.models import AgendaItem, Arende

    rows = session.exec(
        select(col(Arende.title), col(Arende.dnr), col(Arende.reply_by), col(Meeting.date))
        .outerjoin(AgendaItem, col(AgendaItem.arende_id) == col(Arende.id))
        .outerjoin(Meeting, col(Meeting.id) == col(AgendaItem.meeting_id))
        .where(
            Arende.organ_id == organ_id,
            Arende.kind == ArendeKind.STATEMENT,
            col(Arende.decided).is_(False),
            col(Arende.reply_by).is_not(None),
        )
        .order_by(col(Arende.reply_by))
    )
    return [
        (title, dnr, reply_by, placed)
        for title, dnr, reply_by, placed in rows
        if reply_by is not None  # all: the query asks for a svar senast
    ]


def agenda_titles(*, session: Session, meeting_ids: list[int]) -> dict[int, list[str]]:
    """Each meeting's föredragningslista as its ärenden's titles, in list order.

    Titles only: they are public even for a sekretess ärende, so the calendar shared
    with the ledamöter may list them (after ``rules.publication`` has cleaned them).
    """
    titles: dict[int, list[str]] = {meeting_id: [] for meeting_id in meeting_ids}
    if not meeting_ids:
        return titles
    rows = session.exec(
        select(AgendaItem.meeting_id, Arende.title)
        .join(Arende, col(Arende.id) == col(AgendaItem.arende_id))
        .where(col(AgendaItem.meeting_id).in_(meeting_ids))
        .order_by(col(AgendaItem.meeting_id), col(AgendaItem.position))
    )
    for meeting_id, title in rows:
        titles[meeting_id].append(title)
    return titles
