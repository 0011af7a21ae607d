"""The sammanträdesordning stored: rules per organ, planning dates, ICS and the decision."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from namnd.cli.main import main
from namnd.domain.changes import OrganRulesChanges
from namnd.domain.models import Organ
from namnd.errors import InvalidInput
from namnd.operations.schedule import add_dates, place_decision, year_plan
from namnd.renderers.ics import plan_calendar
from tests.unit.test_meeting_plan import SEED_2020, SEED_TEXT


@pytest.mark.usefixtures("backend_demo_store")
def test_rules_default_then_saved_per_organ(backend_store):
    plan = year_plan(backend_store, 2020)
    assert (plan.rules.kallelse_days, plan.rules.case_stop_days) == (7, 21)
    assert plan.meetings[0].before.kallelse == dt.date(2020, 1, 20)
    backend_store.schedule.save_rules(OrganRulesChanges(kallelse_days=5, default_place="Alytus"))
    plan = year_plan(backend_store, 2020)
    assert plan.rules.kallelse_days == 5 and plan.rules.default_place == "Alytus"
    assert plan.meetings[0].before.kallelse == dt.date(2020, 1, 22)
    with pytest.raises(InvalidInput, match="heltal"):
        backend_store.schedule.save_rules(OrganRulesChanges(kallelse_days=-1))


@pytest.mark.usefixtures("backend_demo_store")
def test_rules_through_the_store_per_organ_and_clashes(backend_store):
    # Unsaved: the usual time and place are the latest meeting's (the seed: 18.30, Alytus).
    rules = backend_store.schedule.rules()
    assert (rules.default_time, rules.default_place, rules.kallelse_days) == (
        dt.time(18, 30),
        "Alytus",
        7,
    )
    with backend_store.session() as session:
        session.add(Organ(code="sn", name="Socialnämnden", diarium_prefix="sn"))
    backend_store.schedule.save_rules(OrganRulesChanges(presidium_days=12), "sn")
    backend_store.schedule.save_rules(OrganRulesChanges(kallelse_days=6), "von")
    von, sn = backend_store.schedule.rules("von"), backend_store.schedule.rules("sn")
    assert (von.kallelse_days, von.presidium_days, von.default_place) == (6, 10, "Alytus")
    assert (sn.kallelse_days, sn.presidium_days, sn.default_place) == (7, 12, "")
    assert backend_store.schedule.plan_meetings([dt.date(2020, 3, 5)], "sn") == 1
    warnings = year_plan(backend_store, 2020, "von").warnings
    assert "torsdag 5 mars 2020: krockar med Socialnämndens sammanträde samma dag." in warnings
    # Socialnämndens own rule: presidieberedning 12 days before, a Saturday.
    assert year_plan(backend_store, 2020, "sn").warnings == [
        "torsdag 5 mars 2020: presidieberedning skulle falla på lördag (lördag 22 februari "
        "2020) och flyttas till fredag 21 februari 2020.",
        "torsdag 5 mars 2020: krockar med Vård- och omsorgsnämndens sammanträde samma dag.",
    ]


@pytest.mark.usefixtures("backend_demo_store")
def test_seed_plan_entered_gives_the_seed_decision(backend_store):
    assert add_dates(backend_store, SEED_2020) == 0  # the demo already holds the 2020 plan
    assert [p.meeting.date for p in year_plan(backend_store, 2020).meetings] == SEED_2020
    meeting = backend_store.schedule.find_meeting("2019-09-19")
    arende_id = place_decision(backend_store, meeting.id, 2020, by="kerstin")
    arende, _ = backend_store.agendas.arende(arende_id)
    assert arende.title == "Sammanträdesordning 2020"
    assert arende.summary_md == SEED_TEXT


@pytest.mark.usefixtures("demo_store")
def test_new_dates_get_the_default_time_and_place(store):
    store.schedule.save_rules(
        OrganRulesChanges(default_time=dt.time(18, 30), default_place="Alytus")
    )
    assert add_dates(store, [dt.date(2021, 1, 28), dt.date(2020, 1, 27)]) == 1
    (planned,) = year_plan(store, 2021).meetings
    assert (planned.meeting.start_time, planned.meeting.place) == (dt.time(18, 30), "Alytus")


def test_ics_parses_back_with_the_same_events(demo_store, tmp_path):
    demo_store.schedule.save_rules(OrganRulesChanges(default_time=dt.time(18, 30)))
    add_dates(demo_store, [dt.date(2021, 1, 28)])
    plan = year_plan(demo_store, 2021)
    calendar = Calendar.from_ical(plan_calendar(plan, deadlines=True).to_ical())
    events = [c for c in calendar.walk("VEVENT")]
    meeting = next(e for e in events if str(e["uid"]).startswith("sammantrade-"))
    start = meeting.decoded("dtstart")
    assert (start.date(), start.hour, str(start.tzinfo)) == (
        dt.date(2021, 1, 28),
        18,
        "Europe/Stockholm",
    )
    deadlines = {str(e["summary"]).split(" (")[0]: e.decoded("dtstart") for e in events[1:]}
    assert deadlines["Kallelse"] == plan.meetings[0].before.kallelse
    assert deadlines["Överklagande t.o.m."] == plan.meetings[0].after.appeal_ends
    assert len(events) == 7
    assert calendar.walk("VTIMEZONE")


def test_ics_deadlines_hold_the_open_remisser(demo_store):
    plan = year_plan(demo_store, 2019)
    calendar = Calendar.from_ical(plan_calendar(plan, deadlines=True).to_ical())
    (remiss,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("svar-senast")]
    assert str(remiss["uid"]) == "svar-senast-von-von/2019:133@namnd"
    assert str(remiss["summary"]).startswith("Svar senast: Yttrande angående Riktlinjer")
    assert remiss.decoded("dtstart") == dt.date(2019, 9, 15)
    plain = Calendar.from_ical(plan_calendar(plan).to_ical())
    assert not [e for e in plain.walk("VEVENT") if str(e["uid"]).startswith("svar-senast")]


@pytest.mark.usefixtures("demo_workspace")
def test_cli_schedule_json_and_ics(workspace, capsys, tmp_path):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "schedule", "2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["date"] for m in data["meetings"]] == [d.isoformat() for d in SEED_2020]
    assert data["meetings"][0]["deadlines"]["kallelse"] == "2020-01-20"
    assert len(data["warnings"]) == 2
    ics = tmp_path / "plan.ics"
    assert main([*ws, "schedule", "2020", "--ics", str(ics)]) == 0
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert len(events) == 10
    # The planned 2020 meetings have no time of their own: the organ's usual one is used.
    first = events[0]
    assert first.decoded("dtstart") == dt.datetime(
        2020, 1, 27, 18, 30, tzinfo=ZoneInfo("Europe/Stockholm")
    )
    assert str(first["location"]) == "Alytus"
    # The UID is the meeting's id, not its date: a moved meeting stays the same event.
    assert str(first["uid"]) == f"sammantrade-von-{data['meetings'][0]['id']}@namnd"
    # Summer time: 2 April 2020 18.30 is 16.30 UTC.
    april = events[2].decoded("dtstart")
    assert april.astimezone(dt.UTC) == dt.datetime(2020, 4, 2, 16, 30, tzinfo=dt.UTC)
    assert main([*ws, "schedule", "2021", "--propose", "fredagen"]) == 1
    assert "Okänd veckodag ”fredagen”" in capsys.readouterr().err
    assert main([*ws, "schedule", "2021", "--propose", "torsdag", "--twice-in", "9,x"]) == 1
    assert "”x” är inget månadsnummer" in capsys.readouterr().err
    assert main([*ws, "schedule", "2021", "--propose", "måndag", "--nth", "-1"]) == 0
    proposal = capsys.readouterr().out
    assert "måndag 27 december 2021" in proposal and "juli" not in proposal
    assert "--add 2021-01-25 2021-02-22" in proposal


@pytest.mark.usefixtures("demo_workspace")
def test_cli_places_the_decision_on_an_agenda(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "schedule", "2020", "--decision", "2019-09-19"]) == 0
    capsys.readouterr()
    main([*ws, "agenda", "2019-09-19", "--json"])
    titles = [i["title"] for i in json.loads(capsys.readouterr().out)["items"]]
    assert titles[-1] == "Sammanträdesordning 2020" and len(titles) == 11


def test_a_justerat_protokoll_leaves_nothing_late():
    from namnd.domain.kinds import MeetingStatus
    from namnd.domain.views import MeetingSummary
    from namnd.operations.schedule import PlannedMeeting
    from namnd.rules.deadlines import after_meeting, before_meeting, deadline_state

    day, today = dt.date(2019, 9, 19), dt.date(2020, 1, 15)

    def states(status):
        summary = MeetingSummary(1, "von", "VON", day, None, "", status, 10)
        planned = PlannedMeeting(summary, before_meeting(day), after_meeting(day))
        return {k: deadline_state(d, today, done=done) for k, _l, d, done in planned.steps()}

    assert set(states(MeetingStatus.JUSTERAD).values()) == {"done"}
    held = states(MeetingStatus.HELD)
    assert held["kallelse"] == "done" and held["adjustment"] == "late"
    assert held["posting"] == "late" and held["appeal_ends"] == "late"


def test_a_planned_meeting_is_removed_one_in_use_is_not(backend_demo_store):
    from sqlmodel import select

    from namnd.storage import assignments

    store = backend_demo_store
    store.schedule.remove_planned_meetings([dt.date(2020, 1, 27)])
    assert dt.date(2020, 1, 27) not in [m.date for m in store.schedule.meetings(2020)]
    with pytest.raises(InvalidInput, match="är utskickad och har en föredragningslista"):
        store.schedule.remove_planned_meetings([dt.date(2020, 4, 2), dt.date(2019, 9, 19)])
    assert dt.date(2020, 4, 2) in [m.date for m in store.schedule.meetings(2020)], "all or none"
    march = store.schedule.find_meeting("2020-03-05")
    with store.session() as session:
        organ = session.exec(select(Organ)).one()
        assignments.create_assignment(
            session=session,
            organ_id=organ.id,
            fields={"text": "Ta fram en plan", "assignee": "förvaltningen"},
            by="test",
            origin_meeting_id=march.id,
        )
    with pytest.raises(InvalidInput, match="har handlingar kopplade till sig"):
        store.schedule.remove_planned_meetings([march.date])
    assert len(store.schedule.meetings(2020)) == 9, "the refused removal changed nothing"


@pytest.mark.usefixtures("demo_workspace")
def test_cli_removes_a_planned_date(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "schedule", "2020", "--remove", "2020-01-27", "2020-03-05"]) == 0
    assert "Tog bort 2 planerade sammanträden." in capsys.readouterr().out
    assert main([*ws, "schedule", "2020", "--remove", "2020-01-28"]) == 1
    assert "inget sammanträde den tisdag 28 januari 2020" in capsys.readouterr().err


@pytest.mark.usefixtures("demo_workspace")
def test_cli_todo(workspace, capsys):
    ws = ["--workspace", str(workspace.root)]
    assert main([*ws, "todo", "--today", "2020-01-10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "fredag 3 januari 2020 (7 d sen): Ärendestopp – sammanträdet måndag 27 januari 2020"
    )
    assert lines[-1].endswith("(namnd uppdrag)")
    assert main([*ws, "todo", "--today", "2019-06-01"]) == 0
    assert capsys.readouterr().out.strip() == "Inget att göra de närmaste två veckorna."


def _justerat(store, justerat_on: dt.date, posted_on: dt.date | None = None) -> int:
    """The demo meeting minuted, justerat (and anslaget) on the given days."""
    from tests.protocol_sample import draft_protocol

    meeting = store.schedule.find_meeting("2019-09-19").id
    store.protocols.replace(meeting, draft_protocol())
    store.protocols.justera(meeting, justerat_on, by="sekreteraren")
    if posted_on is not None:
        store.protocols.post(meeting, posted_on)
    return meeting


@pytest.mark.parametrize(
    ("justerat_on", "posted_on", "appeal_ends"),
    [
        # Justerat nine days late, anslaget two days later: 1 November, not the plan's
        # 25 October.
        (dt.date(2019, 10, 9), dt.date(2019, 10, 11), dt.date(2019, 11, 1)),
        # Justerat late, not yet anslaget: from the anslag deadline, Friday 11 October.
        (dt.date(2019, 10, 9), None, dt.date(2019, 11, 1)),
        # In time and anslaget the next day.
        (dt.date(2019, 9, 26), dt.date(2019, 9, 27), dt.date(2019, 10, 18)),
    ],
)
@pytest.mark.usefixtures("backend_demo_store")
def test_kl_13_5_year_plan_and_ics_follow_the_recorded_justering_and_anslag(
    backend_store, justerat_on, posted_on, appeal_ends
):
    meeting = _justerat(backend_store, justerat_on, posted_on)
    planned = next(p for p in year_plan(backend_store, 2019).meetings if p.meeting.id == meeting)
    steps = {key: day for key, _l, day, _d in planned.steps()}
    assert steps["appeal_ends"] == appeal_ends
    assert planned.after == backend_store.schedule.meeting_deadlines(meeting)
    calendar = Calendar.from_ical(
        plan_calendar(year_plan(backend_store, 2019), deadlines=True).to_ical()
    )
    (event,) = [
        e for e in calendar.walk("VEVENT") if str(e["uid"]) == f"appeal_ends-von-{meeting}@namnd"
    ]
    assert event.decoded("dtstart") == appeal_ends


@pytest.mark.usefixtures("demo_workspace")
def test_kl_13_5_cli_schedule_json_follows_the_recorded_days(workspace, capsys):
    from namnd.storage.store import Store

    ws = ["--workspace", str(workspace.root)]
    _justerat(Store.open(workspace), dt.date(2019, 10, 9), dt.date(2019, 10, 11))
    assert main([*ws, "schedule", "2019", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (meeting,) = [m for m in data["meetings"] if m["date"] == "2019-09-19"]
    assert meeting["deadlines"]["appeal_ends"] == "2019-11-01"
    assert meeting["deadlines"]["posting"] == "2019-10-11"


@pytest.mark.usefixtures("backend_demo_store")
def test_one_place_computes_a_meetings_deadlines_from_the_organs_rules(backend_store):
    backend_store.schedule.save_rules(OrganRulesChanges(justering_days=7))
    meeting = backend_store.schedule.find_meeting("2019-09-19").id
    after = backend_store.schedule.meeting_deadlines(meeting)
    assert after.justering_deadline == dt.date(2019, 9, 26)
    planned = next(p for p in year_plan(backend_store, 2019).meetings if p.meeting.id == meeting)
    assert planned.after == after


@pytest.mark.parametrize(
    ("rule", "value", "law"),
    [
        ("justering_days", 15, "5 kap. 69 § kommunallagen"),
        ("posting_days", 3, "8 kap. 12 § kommunallagen"),
        ("appeal_weeks", 2, "13 kap. 5 § kommunallagen"),
        ("appeal_weeks", 4, "13 kap. 5 § kommunallagen"),
    ],
)
@pytest.mark.usefixtures("backend_demo_store")
def test_kl_rules_past_the_law_are_refused_and_nothing_is_stored(backend_store, rule, value, law):
    before = backend_store.schedule.rules()
    with pytest.raises(InvalidInput, match=law):
        backend_store.schedule.save_rules(OrganRulesChanges(**{rule: value}, kallelse_days=5))
    after = backend_store.schedule.rules()
    assert (getattr(after, rule), after.kallelse_days) == (
        getattr(before, rule),
        before.kallelse_days,
    )


def test_kl_8_12_omedelbart_justerade_paragraphs_reach_the_deadlines(backend_demo_store):
    import dataclasses

    from tests.protocol_sample import draft_protocol

    meeting = backend_demo_store.schedule.find_meeting("2019-09-19").id
    protocol = draft_protocol()
    paragraphs = tuple(
        dataclasses.replace(p, immediate=p.number == 90) for p in protocol.paragraphs
    )
    backend_demo_store.protocols.replace(
        meeting, dataclasses.replace(protocol, paragraphs=paragraphs)
    )
    (immediate,) = backend_demo_store.schedule.meeting_deadlines(meeting).immediate
    assert immediate.number == 90
    assert immediate.posting_deadline == dt.date(2019, 9, 20)
    assert immediate.appeal_ends == dt.date(2019, 10, 11)


@pytest.mark.usefixtures("backend_demo_store")
def test_kl_5_69_late_justering_is_warned_of(backend_store):
    meeting = _justerat(backend_store, dt.date(2019, 10, 9), dt.date(2019, 10, 14))
    warnings = backend_store.schedule.meeting_deadlines(meeting).warnings
    assert len(warnings) == 2
    assert "5 kap. 69 § kommunallagen" in warnings[0] and "3 oktober 2019" in warnings[0]
    assert "8 kap. 12 § kommunallagen" in warnings[1] and "11 oktober 2019" in warnings[1]


@pytest.mark.usefixtures("demo_workspace")
def test_kl_5_69_and_8_12_cli_warns_when_a_late_justering_is_imported(workspace, capsys):
    from tests.unit.test_protocol_markdown import DEMO_FILE

    ws = ["--workspace", str(workspace.root)]
    late = workspace.root / "sent.md"
    late.write_text(
        DEMO_FILE.read_text(encoding="utf-8")
        .replace("justerat: 2019-09-26", "justerat: 2019-10-09")
        .replace("anslaget: 2019-09-27", "anslaget: 2019-10-14"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main([*ws, "import", "protokoll", str(late)]) == 0
    out = capsys.readouterr().out
    assert "Obs: Protokollet justerades onsdag 9 oktober 2019" in out
    assert "5 kap. 69 § kommunallagen" in out and "torsdag 3 oktober 2019" in out
    assert "8 kap. 12 § kommunallagen" in out and "fredag 11 oktober 2019" in out
    # The year plan names them too, and counts the överklagandetid from the real anslag.
    assert main([*ws, "schedule", "2019", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sum("kommunallagen" in w for w in data["warnings"]) == 2
    (meeting,) = [m for m in data["meetings"] if m["date"] == "2019-09-19"]
    assert meeting["deadlines"]["appeal_ends"] == "2019-11-04"


def test_kl_rules_stored_past_the_law_are_named_in_the_plan(backend_demo_store):
    from sqlmodel import select

    from namnd.domain.models import OrganRules

    backend_demo_store.schedule.save_rules(OrganRulesChanges(kallelse_days=7))
    with backend_demo_store.session() as session:  # as an older version could store them
        session.exec(select(OrganRules)).one().justering_days = 20
    warnings = year_plan(backend_demo_store, 2020).warnings
    assert warnings[0].startswith("Nämndens regler: Justering 20 dagar")
    assert "5 kap. 69 § kommunallagen" in warnings[0]
