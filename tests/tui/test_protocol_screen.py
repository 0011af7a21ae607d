"""Pilot test: a short meeting minuted with keys only, then justerat."""

from __future__ import annotations

import datetime as dt

from textual.widgets import TextArea

from namnd.domain.kinds import AttendeeKind, MeetingStatus, VoteChoice, YrkandeKind
from namnd.operations.standing_items import add_standing_item
from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.protocol import ProtocolScreen
from namnd.tui.screens.protocol_forms import AttendanceScreen, JusteringScreen
from namnd.tui.screens.vote import VoteScreen
from tests.tui.conftest import highlight_meeting, settle

DAY = "2019-09-19"


def _protocol(store):
    return store.protocols.get(store.schedule.find_meeting(DAY).id).protocol


async def _open_new_protocol(app, pilot) -> None:
    """From the meetings list: the demo meeting, protocol mode, §§ from 82."""
    await pilot.press("enter", "p")
    await pilot.pause()
    await pilot.press(*"82", "enter")
    await settle(app, pilot)


async def test_minute_a_meeting_with_keys_only(demo_store, make_app):
    # On the day of the meeting: it is justerat that evening (no justering ahead of time).
    app = make_app(demo_store, today=dt.date(2019, 9, 19))
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # the demo meeting, first in the list
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)

        # Protocol mode: §§ from 82, as the organ's year had reached § 81.
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*"82", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
        assert _protocol(demo_store).numbers.text == "§§ 82–94"

        # Närvaro: an ersättare arrives (second box, typed as printed).
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("tab", *"Johan Persson (V)", "enter", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
        johan = _protocol(demo_store).attendee("Johan Persson")
        assert johan is not None and johan.kind is AttendeeKind.SUBSTITUTE

        # § 82: the beslut typed, saved on leaving the text.
        await pilot.press("e", *"Per Ek (M) utses att justera.", "escape")
        await settle(app, pilot)
        assert _protocol(demo_store).paragraph(82).decision_md == "Per Ek (M) utses att justera."

        # On to § 90 (the motion): a yrkande by Omar Haddad (V), last in the list.
        await pilot.press("n", *["down"] * 7)
        await settle(app, pilot)
        assert app.screen.number == 90
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("enter", "end", "enter")  # Vem yrkar: the last one
        await pilot.press("tab", "tab", *"motionen", "enter")
        await settle(app, pilot)
        (yrkande,) = _protocol(demo_store).paragraph(90).yrkanden
        assert (yrkande.by, yrkande.kind, yrkande.text) == (
            ("Omar Haddad",),
            YrkandeKind.APPROVAL,
            "motionen",
        )

        # Votering: twelve Ja, Omar Haddad Nej; totals checked against the närvaro.
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, VoteScreen)
        await pilot.press(*["j"] * 12, "n", "ctrl+s")
        await settle(app, pilot)
        vote = _protocol(demo_store).paragraph(90).vote
        assert [b.choice for b in vote.ballots].count(VoteChoice.YES) == 12
        assert vote.ballots[-1].name == "Omar Haddad" and vote.no_for.startswith("bifall till Omar")

        # Reservation: the one who lost the vote is offered first.
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        (reservation,) = _protocol(demo_store).paragraph(90).reservations
        assert reservation.by == ("Omar Haddad",)

        # The generated beslutsgång, edited: it is kept as typed from then on.
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"Överläggning. ", "ctrl+s")
        await settle(app, pilot)
        process = _protocol(demo_store).paragraph(90).process_md
        assert process.startswith("Överläggning. Ordföranden ställer proposition på")
        assert "Votering begärs." in process

        # Expedieras till, and sekretess on and off again.
        await pilot.press("E", "ctrl+u", *"Kommunstyrelsen; Kommunfullmäktige", "enter")
        await pilot.press("s")
        await settle(app, pilot)
        p90 = _protocol(demo_store).paragraph(90)
        assert p90.dispatch_to == ("Kommunstyrelsen", "Kommunfullmäktige") and p90.confidential
        await pilot.press("s")
        await settle(app, pilot)
        assert not _protocol(demo_store).paragraph(90).confidential

        # Justering: who and when, then justera.
        await pilot.press("u")
        await settle(app, pilot)
        assert isinstance(app.screen, JusteringScreen)
        await pilot.press(*"Per Ek", "tab", *"Tumba", "tab", *"2019-09-26", "escape")
        await settle(app, pilot)
        await pilot.press("J")
        await pilot.pause()
        await pilot.press("ctrl+u", *"2019-09-19", "enter")
        await settle(app, pilot)

        protocol = _protocol(demo_store)
        assert protocol.justering.justerat_on == dt.date(2019, 9, 19)
        assert demo_store.schedule.find_meeting(DAY).status is MeetingStatus.JUSTERAD
        assert app.screen.query_one("#decision", TextArea).read_only
        heading = str(app.screen.query_one("#protocol-heading").render())
        assert "anslås senast" in heading


def test_snapshot_protocol_at_the_vote(demo_store, make_app, snap_compare):
    """§ 90 of the decided sample: yrkanden, the omröstning table and the reservation."""
    from tests.protocol_sample import draft_protocol

    demo_store.protocols.replace(demo_store.schedule.find_meeting(DAY).id, draft_protocol())

    async def open_paragraph(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("p")
        await settle(pilot.app, pilot)
        await pilot.press(*["down"] * 8)
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(130, 40), run_before=open_paragraph)


async def test_word_export_and_rattelse_after_justering(demo_store, make_app):
    from tests.protocol_sample import sample_protocol

    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, sample_protocol())
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
        await pilot.press("w")
        await settle(app, pilot)
        assert (app.workspace.protocols / "2019-09-19-von.docx").is_file()
        await pilot.press("X")  # expediera: utdrag to every recipient, and the list
        await settle(app, pilot)
        written = sorted(p.name for p in app.workspace.protocols.glob("*-utdrag-*.docx"))
        assert written == [f"2019-09-19-von-utdrag-{n}.docx" for n in (87, 90, 91)]
        assert (app.workspace.protocols / "2019-09-19-von-expediering.docx").is_file()

        # Justerat: typing is refused; c opens a rättelse that asks for its reason.
        await pilot.press("e", *"x")
        await settle(app, pilot)
        assert _protocol(demo_store).paragraph(82).decision_md.startswith("Per Ek")
        await pilot.press("c", "end", *" Rättat.", "ctrl+s")
        await pilot.pause()
        await pilot.press(*"Felstavat namn", "enter")
        await settle(app, pilot)
        protocol = _protocol(demo_store)
        assert protocol.paragraph(82).decision_md.endswith("Rättat.")
        (correction,) = protocol.corrections
        assert correction.reason == "Felstavat namn" and correction.number == 82


async def test_uppdrag_in_a_minuted_beslut_are_proposed_for_the_register(demo_store, make_app):
    from textual.widgets import Button, Label

    from namnd.tui.widgets.assignment_proposals import AssignmentProposalsDialog
    from namnd.tui.widgets.dialogs import ConfirmDialog, TextDialog
    from tests.tui.conftest import TODAY

    before = len(demo_store.assignments.find(today=TODAY))
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await _open_new_protocol(app, pilot)
        # § 85: the nämnd gives an uppdrag at the meeting, typed into the beslut.
        await pilot.press(*["down"] * 3, "e")
        await pilot.press(
            *"Vård- och omsorgsnämnden uppdrar åt förvaltningen att ta fram en plan mot "
            "matsvinnet. Planen ska återrapporteras senast mars 2020.",
            "enter",
            "escape",
        )
        await settle(app, pilot)
        # Justering reminds of the uppdrag not yet registered; Escape goes back.
        await pilot.press("J")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "inte är registrerade (1 st., § 85)" in str(app.screen.query_one(Label).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AssignmentProposalsDialog)
        dialog.query_one("#register", Button).press()
        await settle(app, pilot)
        # Registered: justering goes straight to its date.
        await pilot.press("J")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press("escape")
    rows = demo_store.assignments.find(today=TODAY)
    assert len(rows) == before + 1
    (added,) = [a for a in rows if "matsvinnet" in a.text]
    assert added.due_date.isoformat().startswith("2020-03")


async def test_someone_leaves_between_two_paragraphs(demo_store, make_app):
    from namnd.domain.protocol import ParagraphRange
    from tests.protocol_sample import draft_protocol

    demo_store.protocols.replace(demo_store.schedule.find_meeting(DAY).id, draft_protocol())
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        await pilot.press(*["down"] * 8, "N")  # at § 90
        await pilot.pause()
        await pilot.press("ctrl+s")  # Tuva Lund (S), the first; lämnar efter denna §
        await settle(app, pilot)
        heading = str(app.screen.query_one("#protocol-heading").render())
    assert _protocol(demo_store).attendee("Tuva Lund").paragraphs == ParagraphRange(82, 90)
    assert "13 tjänstgörande av 13" in heading  # still § 90: she leaves after it


async def test_narvaro_proposes_whom_to_call_in_for_a_missing_ledamot(demo_store, make_app):
    from textual.widgets import Static

    from namnd.tui.screens.protocol_forms import AttendanceScreen

    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await _open_new_protocol(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, AttendanceScreen)
        hint = app.screen.query_one("#call-in", Static)
        assert not hint.display, "all thirteen ledamöter are in the room"
        await pilot.press("down", "down", "shift+end", "delete")  # Per Ek (M) is away
        await settle(app, pilot)
        assert hint.display
        assert "Per Ek (M) saknas: kalla in Anna Berg (M)" in str(hint.render())


def _drafted_app(demo_store, make_app, **kwargs):
    from tests.protocol_sample import draft_protocol

    demo_store.protocols.replace(demo_store.schedule.find_meeting(DAY).id, draft_protocol())
    return make_app(demo_store, **kwargs)


def _heading(app) -> str:
    return str(app.screen.query_one("#protocol-heading").render())


async def test_the_heading_uses_the_organs_rules_like_the_year_plan(demo_store, make_app):
    from namnd.domain.changes import OrganRulesChanges
    from namnd.operations.schedule import year_plan

    demo_store.schedule.save_rules(OrganRulesChanges(justering_days=7))
    app = _drafted_app(demo_store, make_app)
    (planned,) = [p for p in year_plan(demo_store, 2019).meetings if p.meeting.date.day == 19]
    assert planned.after.justering_deadline == dt.date(2019, 9, 26)
    async with app.run_test(size=(200, 44)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
        assert "Justeras senast torsdag 26 september 2019" in _heading(app)


async def test_kl_5_69_and_8_12_late_justering_and_anslag_are_warned_of(demo_store, make_app):
    app = _drafted_app(demo_store, make_app, today=dt.date(2019, 10, 20))
    async with app.run_test(size=(240, 44)) as pilot:
        await settle(app, pilot)
        await highlight_meeting(app, pilot, DAY)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        await pilot.press("J")
        await pilot.pause()
        await pilot.press("ctrl+u", *"2019-10-09", "enter")
        await settle(app, pilot)
        assert _protocol(demo_store).justering.justerat_on == dt.date(2019, 10, 9)
        messages = [n.message for n in app._notifications]
        (late,) = [m for m in messages if "5 kap. 69 § kommunallagen" in m]
        assert "torsdag 3 oktober 2019" in late
        assert "5 kap. 69 § kommunallagen" in _heading(app)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("ctrl+u", *"2019-10-14", "enter")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        (late,) = [m for m in messages if "8 kap. 12 § kommunallagen" in m]
        assert "fredag 11 oktober 2019" in late
        heading = _heading(app)
        # The överklagandetid counts from the real anslag: 4 November, not the plan's date.
        assert "överklagandetid t.o.m. måndag 4 november 2019" in heading
        assert "8 kap. 12 § kommunallagen" in heading


async def test_kl_8_12_an_omedelbart_justerad_paragraph_shows_its_own_dates(demo_store, make_app):
    app = _drafted_app(demo_store, make_app)
    async with app.run_test(size=(160, 44)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        await pilot.press(*["down"] * 8)  # § 90
        await settle(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert _protocol(demo_store).paragraph(90).immediate
        shown = app.screen.query_one("#paragraph-parts").source
        assert "Justeringen anslås senast fredag 20 september 2019" in shown
        assert "till och med fredag 11 oktober 2019" in shown


async def test_paragraphs_added_and_removed_with_plus_and_minus(demo_store, make_app):
    from textual.widgets import Button

    from namnd.tui.widgets.dialogs import ConfirmDialog

    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await _open_new_protocol(app, pilot)
        await pilot.press(*["down"] * 2, "plus")  # after § 84
        await settle(app, pilot)
        await pilot.press(*"Extra ärende: lokalfrågan", "enter")
        await settle(app, pilot)
        protocol = _protocol(demo_store)
        assert protocol.paragraph(85).title == "Extra ärende: lokalfrågan"
        assert protocol.numbers.text == "§§ 82–95" and app.screen.number == 85

        await pilot.press("minus")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        app.screen.query_one("#yes", Button).press()
        await settle(app, pilot)
        protocol = _protocol(demo_store)
        assert protocol.numbers.text == "§§ 82–94"
        assert "Extra ärende: lokalfrågan" not in [p.title for p in protocol.paragraphs]


async def test_a_paragraph_inserted_by_someone_else_never_takes_my_beslut(
    demo_store, workspace, make_app
):
    """The other secretary inserts a § while I minute § 90: a conflict, never § 89."""
    from namnd.storage.store import Store

    meeting = demo_store.schedule.find_meeting(DAY).id
    app = make_app(demo_store)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await _open_new_protocol(app, pilot)
        await pilot.press(*["down"] * 8)
        await settle(app, pilot)
        assert app.screen.number == 90
        title = _protocol(demo_store).paragraph(90).title

        other = Store.open(workspace)
        ids = other.protocols.get(meeting).ids
        other.protocols.add_paragraph(meeting, "Extra ärende", after_id=ids[84])
        other.close()

        await pilot.press("e", *"Mitt beslut", "escape")
        await settle(app, pilot)
        state = str(app.screen.query_one("#save-state").render())
        assert state.startswith("Konflikt")
        protocol = _protocol(demo_store)
        assert [p.number for p in protocol.paragraphs if p.decision_md == "Mitt beslut"] == []
        assert protocol.paragraph(91).title == title


async def test_a_justering_dated_after_today_is_refused_in_swedish(demo_store, make_app):
    app = _drafted_app(demo_store, make_app, today=dt.date(2019, 9, 20))
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await highlight_meeting(app, pilot, DAY)
        await pilot.press("enter", "p")
        await settle(app, pilot)
        await pilot.press("J")
        await pilot.pause()
        await pilot.press("ctrl+u", *"2019-09-26", "enter")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("Justeringsdatum torsdag 26 september 2019 ligger efter" in m for m in messages)
        assert not _protocol(demo_store).is_justerat
        assert (
            demo_store.schedule.find_meeting(DAY).status is MeetingStatus.HELD
        )  # its day has passed


async def test_a_list_with_the_openers_gives_each_paragraph_once(demo_store, make_app):
    meeting = demo_store.schedule.find_meeting(DAY).id
    for key in ("justerare", "agenda"):
        add_standing_item(demo_store, meeting, key, by="sekreteraren")
    before = demo_store.schedule.find_meeting(DAY).status
    app = make_app(demo_store)  # 1 September: the meeting is still ahead
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await _open_new_protocol(app, pilot)
        assert isinstance(app.screen, ProtocolScreen)
    titles = [p.title for p in _protocol(demo_store).paragraphs]
    assert titles[:3] == ["Val av justerare", "Fastställande av föredragningslista", "Jävsfrågan"]
    assert len(titles) == len(set(titles)) == 13
    assert _protocol(demo_store).numbers.text == "§§ 82–94"
    # Opened ahead of the day: the meeting is not yet genomförd.
    assert demo_store.schedule.find_meeting(DAY).status is before is not MeetingStatus.HELD


async def test_quick_events_at_one_paragraph_all_keep_each_other(demo_store, make_app):
    """Each § save runs in a worker; keys pressed before the one before it has finished
    wait their turn and start from what it wrote, so none is lost and none is a conflict."""
    app = make_app(demo_store, today=dt.date(2019, 9, 19))
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(app, pilot)
        await _open_new_protocol(app, pilot)
        screen = app.screen
        assert isinstance(screen, ProtocolScreen)
        # Beslut typed, then omedelbar justering and sekretess, without waiting in between.
        await pilot.press("e", *"Bifall till förslaget.", "escape", "o", "s")
        await settle(app, pilot)
        saved = _protocol(demo_store).paragraph(82)
        assert saved.decision_md == "Bifall till förslaget."
        assert saved.immediate and saved.confidential
        assert not screen.conflict
        assert "Sparat" in str(screen.query_one("#save-state").render())
