"""Pilot tests: follow a nämnduppdrag from the board to its återrapportering, keys only."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Markdown, Select

from namnd.domain.changes import ArendeChanges
from namnd.domain.kinds import ArendeKind, AssignmentStatus
from namnd.tui.app import create_app
from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.assignments import AssignmentsScreen
from namnd.tui.screens.review import ReviewScreen
from tests.finders import assignment_containing
from tests.tui.conftest import settle

TODAY = dt.date(2020, 1, 15)  # the December 2019 uppdrag are overdue


async def test_board_groups_and_highlights(demo_store):
    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssignmentsScreen)
        table = screen.query_one(DataTable)
        statuses = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        assert statuses == [
            "försenad",
            "försenad",
            "ej påbörjad",
            "återrapporterad",
            "återrapporterad",
        ]
        assert "red" in str(table.get_row_at(0)[0].style)
        assert str(table.get_row_at(2)[0].style) == ""  # 28 February: more than 30 days off
        await settle(app, pilot)
        assert "Ursprung" in screen.query_one(Markdown).source
        # Filter by förvaltning: the omsorgschef's uppdrag only.
        screen.query_one("#assignee", Select).value = "omsorgschef"
        await pilot.pause()
        assert table.row_count == 1


async def test_uppdrag_from_pagar_to_aterrapporterad(demo_store):
    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    boendestod = assignment_containing(
        demo_store, "Utifrån rekommendationerna i ”Genomlysning- boendestöd", today=TODAY
    )
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        # Board: mark the åtgärdsplan boendestöd uppdrag pågår.
        await pilot.press("u")
        await settle(app, pilot)
        assert app.screen.rows[0].id == boendestod.id
        await pilot.press("p")
        await settle(app, pilot)
        assert demo_store.assignments.get(boendestod.id).assignment.status == (
            AssignmentStatus.IN_PROGRESS
        )
        await pilot.press("escape")
        await settle(app, pilot)
        # Kallelse for 27 January 2020: the review flags the missing återrapportering …
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen.query_one(Markdown).source
        assert "saknas på listan" in review and "boendestöd" in review
        await pilot.press("escape")
        await settle(app, pilot)
        # … one key adds it …
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")  # the first due uppdrag
        await settle(app, pilot)
        entries = demo_store.agendas.agenda(
            demo_store.schedule.find_meeting("2020-01-27").id
        ).entries
        (report,) = (entry.arende for entry in entries)
        assert report.kind == ArendeKind.REPORT_BACK and report.dnr == "von/2018:225"
        # … and deciding it marks the uppdrag återrapporterad.
        await pilot.press("b")
        await settle(app, pilot)
    detail = demo_store.assignments.get(boendestod.id, today=TODAY)
    assert detail.assignment.status == AssignmentStatus.REPORTED
    assert detail.report_arende_title == report.title


async def test_uppdrag_read_from_a_decision_are_confirmed_and_corrected(demo_store):
    from textual.widgets import Button, Input

    from namnd.tui.widgets.assignment_proposals import AssignmentProposalsDialog

    meeting = demo_store.schedule.find_meeting("2020-01-27")
    demo_store.agendas.add_arende(
        meeting.id,
        ArendeChanges(
            title="Hemtjänstens kvalitet",
            proposal=[
                "Vård- och omsorgsnämnden uppdrar åt vård- och omsorgsförvaltningen att ta fram "
                "en plan för hemtjänstens kvalitet.",
                "Planen ska återrapporteras till nämnden snarast.",
            ],
        ),
        by="test",
    )
    before = len(demo_store.assignments.find(today=TODAY))
    app = create_app(demo_store, today=TODAY, user="sekreteraren")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AssignmentProposalsDialog)
        assert dialog.query_one("#due-0", Input).value == ""  # "snarast" is never guessed
        dialog.query_one("#register", Button).press()
        await pilot.pause()
        assert app.screen is dialog  # refused without a date
        dialog.query_one("#due-0", Input).value = "2020-05-18"
        dialog.query_one("#register", Button).press()
        await settle(app, pilot)
    rows = demo_store.assignments.find(today=TODAY)
    assert len(rows) == before + 1
    new = next(a for a in rows if "plan för hemtjänstens kvalitet" in a.text)
    assert new.due_date.isoformat() == "2020-05-18" and new.origin_meeting_date.isoformat() == (
        "2020-01-27"
    )
