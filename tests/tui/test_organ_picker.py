"""Pilot tests: a nämnd and its arbetsutskott side by side, the organ chosen with ``b``.

The arbetsutskott comes in the way a user's would: an agenda file with another ``kod:``
(tests/data/socialnamnd/arbetsutskott-kallelse.md) and its protokoll.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from namnd.cli.main import main
from namnd.domain.kinds import MemberRole
from namnd.operations.agenda_files import import_agenda_file
from namnd.rules.roster import Seat
from namnd.storage.meeting_peek import peek_meetings
from namnd.tui.app import create_app
from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.assignments import AssignmentsScreen
from namnd.tui.screens.delegation_codes import DelegationCodesScreen
from namnd.tui.screens.meetings import MeetingsScreen
from namnd.tui.screens.members import MembersScreen
from namnd.tui.screens.schedule import ScheduleScreen
from namnd.tui.screens.waiting_times import WaitingTimesScreen
from namnd.tui.widgets.dialogs import PickDialog
from tests.tui.conftest import settle

DATA = Path(__file__).parent.parent / "data" / "socialnamnd"
TODAY = dt.date(2026, 3, 1)
NAMND, UTSKOTT = "Socialnämnden", "Socialnämndens arbetsutskott"


def two_organs(store, workspace) -> None:
    """Socialnämnden (sn) and its arbetsutskott (snau), each with seats and a planned meeting."""
    import_agenda_file(store, DATA / "kallelse.md")
    import_agenda_file(store, DATA / "arbetsutskott-kallelse.md")
    protokoll = str(DATA / "arbetsutskott-protokoll.md")
    assert main(["--workspace", str(workspace.root), "import", "protokoll", protokoll]) == 0
    first = dt.date(2023, 1, 1)
    store.members.import_seats(
        [
            Seat("Mona Sahlin", "S", MemberRole.MEMBER, first),
            Seat("Olof Ek", "M", MemberRole.MEMBER, first),
            Seat("Siv Berg", "V", MemberRole.MEMBER, first),
        ],
        "sn",
    )
    store.members.import_seats([Seat("Mona Sahlin", "S", MemberRole.MEMBER, first)], "snau")
    store.schedule.plan_meetings([dt.date(2026, 4, 16)], "sn")
    store.schedule.plan_meetings([dt.date(2026, 4, 2)], "snau")


@pytest.fixture
def organs(store, workspace):
    two_organs(store, workspace)
    return store


def app_for(store, workspace, **kwargs):
    return create_app(store, workspace=workspace, today=TODAY, user="sekreteraren", **kwargs)


async def pick(app, pilot, name: str) -> None:
    """Press b, then choose the row naming ``name`` with the arrow keys and Enter."""
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(app.screen, PickDialog)
    options = app.screen.query_one(OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    row = next(i for i, text in enumerate(labels) if text == name or text.startswith(f"{name} ("))
    options.focus()
    await pilot.press(*["down"] * row, "enter")
    await settle(app, pilot)


async def palette(app, pilot, words: str) -> None:
    """Run the command palette's best hit for ``words``, once it has any."""
    await pilot.press("ctrl+p", *words)
    while not any(found.option_count for found in app.screen.query("CommandList")):
        await pilot.pause(0.05)
    await pilot.press("enter")
    await settle(app, pilot)


def names_in(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[2]) for i in range(table.row_count)]


def rows_of(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.coordinate_to_cell_key((i, 0)).row_key.value) for i in range(table.row_count)]


async def test_switch_organ_on_members_and_year_plan_and_open_each_meeting(organs, workspace):
    app = app_for(organs, workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert len(rows_of(app)) == 4, "no organ chosen yet: every meeting"

        # The meetings list filtered to the arbetsutskott; Enter opens its meeting.
        await pick(app, pilot, UTSKOTT)
        assert isinstance(app.screen, MeetingsScreen)
        assert app.screen.sub_title == UTSKOTT
        table = app.screen.query_one(DataTable)
        assert {str(table.get_row_at(i)[2]) for i in range(table.row_count)} == {UTSKOTT}
        await pilot.press("down", "enter")  # past the planned April meeting
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.view.organ.code == "snau"
        assert app.screen.view.meeting.date == dt.date(2026, 2, 26)
        await pilot.press("escape")
        await settle(app, pilot)

        # The ledamöter screen opens on the organ just chosen; b shows the nämnd's.
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, MembersScreen)
        assert UTSKOTT in app.screen.sub_title
        assert names_in(app) == ["Mona Sahlin"]
        await pick(app, pilot, NAMND)
        assert isinstance(app.screen, MembersScreen)
        assert app.screen.sub_title == f"Ledamöter och ersättare · {NAMND}"
        assert sorted(names_in(app)) == ["Mona Sahlin", "Olof Ek", "Siv Berg"]
        await pilot.press("escape")
        await settle(app, pilot)

        # A filtered meetings list follows the organ chosen elsewhere.
        assert app.screen.sub_title == NAMND
        await pick(app, pilot, UTSKOTT)

        # The year plan of the highlighted (utskott) meeting's year; b shows the nämnd's year.
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, ScheduleScreen)
        assert UTSKOTT in app.screen.sub_title
        assert rows_of(app) == ["2026-02-26", "2026-04-02"]
        await pick(app, pilot, NAMND)
        assert app.screen.sub_title == f"Sammanträdesordning 2026 · {NAMND}"
        assert rows_of(app) == ["2026-03-12", "2026-04-16"]
        await pilot.press("escape")
        await settle(app, pilot)

        # Back on the list, which follows to the nämnd: open its kallelse.
        assert app.screen.sub_title == NAMND
        table = app.screen.query_one(DataTable)
        march = rows_of(app).index(
            next(str(m.id) for m in organs.schedule.meetings() if m.date == dt.date(2026, 3, 12))
        )
        table.move_cursor(row=march)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.view.organ.code == "sn"
        await pilot.press("escape")
        await settle(app, pilot)

        # "Alla nämnder" lifts the filter.
        await pick(app, pilot, "Alla nämnder")
        assert len(rows_of(app)) == 4


async def test_the_app_reopens_on_the_organ_last_chosen(organs, workspace):
    app = app_for(organs, workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        await pick(app, pilot, UTSKOTT)
        assert names_in(app) == ["Mona Sahlin"]

    # As ``namnd`` starts: the list read without the ORM, the Store opened after.
    again = app_for(None, workspace, first_meetings=peek_meetings(workspace, TODAY))
    try:
        async with again.run_test(size=(120, 40)) as pilot:
            await settle(again, pilot)
            assert again.screen.sub_title == UTSKOTT
            assert {m for m in names_in(again)} == {UTSKOTT}
            await pilot.press("l")
            await settle(again, pilot)
            assert UTSKOTT in again.screen.sub_title
            await pilot.press("escape", "v")
            await settle(again, pilot)
            assert isinstance(again.screen, WaitingTimesScreen)
            assert UTSKOTT in again.screen.sub_title
            await pilot.press("escape", "u")
            await settle(again, pilot)
            assert isinstance(again.screen, AssignmentsScreen)
            assert again.screen.sub_title == f"Nämnduppdrag · {UTSKOTT}"
    finally:
        again.store.close()


async def test_with_one_organ_the_key_is_not_offered(demo_store, workspace):
    app = app_for(demo_store, workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for key in ("", "l", "y"):
            if key:
                await pilot.press("escape", key)
                await settle(app, pilot)
            shown = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
            assert "pick_organ" not in shown, type(app.screen).__name__
        assert "--organ" not in str(app.screen.query_one("#schedule-heading").render())
        # "nämnd" finds the year plans "(Vård- och omsorgsnämnden)"; Byt nämnd is not offered.
        await pilot.press("ctrl+p", *"nämnd")
        while not any(found.option_count for found in app.screen.query("CommandList")):
            await pilot.pause(0.05)
        titles = [
            str(found.get_option_at_index(i).prompt)
            for found in app.screen.query("CommandList")
            for i in range(found.option_count)
        ]
        assert not any("Byt nämnd" in title for title in titles), titles


async def test_an_utskott_forslag_is_placed_on_the_namnds_list_with_l(organs, workspace):
    app = app_for(organs, workspace)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pick(app, pilot, NAMND)
        march = next(
            str(m.id) for m in organs.schedule.meetings() if m.date == dt.date(2026, 3, 12)
        )
        app.screen.query_one(DataTable).move_cursor(row=rows_of(app).index(march))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        before = len(app.screen.view.entries)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        row = next(i for i, text in enumerate(labels) if text.startswith("Taxor"))
        assert labels[row].endswith("Arbetsutskottets förslag, torsdag 26 februari 2026 § 1.")
        options.focus()
        await pilot.press(*["down"] * row, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        items = [entry.arende for entry in app.screen.view.entries]
        assert len(items) == before + 1
        assert items[-1].title == "Taxor för familjerådgivning 2026"
        assert "1 maj" in items[-1].proposal[0]
    agenda = organs.agendas.agenda(int(march))
    assert agenda.organ.code == "sn" and agenda.entries[-1].arende.title.startswith("Taxor")


async def test_the_delegationsordning_of_each_organ_from_the_palette(organs, workspace):
    organs.delegation.save_code("au1", "Brådskande beslut", "Ordföranden", "snau")
    app = app_for(organs, workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await palette(app, pilot, "Delegationsordning visa")
        assert isinstance(app.screen, DelegationCodesScreen)
        assert app.screen.sub_title == f"Delegationsordning · {NAMND}"
        assert app.screen.query_one(DataTable).row_count == 0
        await palette(app, pilot, "Byt nämnd")
        assert isinstance(app.screen, PickDialog)
        options = app.screen.query_one(OptionList)
        options.focus()
        await pilot.press("down", "enter")  # the arbetsutskott, second by name
        await settle(app, pilot)
        assert app.screen.sub_title == f"Delegationsordning · {UTSKOTT}"
        assert rows_of(app) == ["AU1"]
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"au2", "enter", *"Yttrande till IVO", "enter", *"Ordföranden", "enter")
        await settle(app, pilot)
        assert rows_of(app) == ["AU1", "AU2"]
    assert [c.code for c in organs.delegation.codes("snau")] == ["AU1", "AU2"]
    assert organs.delegation.codes("sn") == []
