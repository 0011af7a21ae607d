"""Text in square brackets is shown as it was typed, in every list of the TUI.

Textual's DataTable reads a plain ``str`` cell as Rich markup: an ärende titled
"Yttrande [utkast] till IVO" was listed as "Yttrande  till IVO", and a "[/]" in a place
stopped the app with a MarkupError. The lists here are the meetings list, the
föredragningslista, the protokoll's §§ and the search hits.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from textual.widgets import DataTable, Label, Static
from textual.widgets._toast import Toast

import namnd.tui
from namnd.domain.changes import ArendeChanges, MeetingDetailsChanges
from namnd.domain.kinds import ArendeKind
from namnd.tui.screens.agenda import AgendaScreen
from namnd.tui.screens.meetings import MeetingsScreen
from namnd.tui.widgets.dialogs import ConfirmDialog
from tests.tui.conftest import settle, wait_until

DRAFT = "Yttrande [utkast] till IVO"
CLOSING = "Taxor [/] avgifter [b]2020[/b]"
PLACE = "Sal [A] och [rum 3] [/]"


def _shown(table: DataTable) -> str:
    """The table's lines as painted."""
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


async def test_brackets_in_titles_and_places_are_listed_as_typed(demo_store, make_app):
    meeting = demo_store.schedule.find_meeting("2019-09-19")
    details, groups = demo_store.agendas.meeting_details(meeting.id)
    demo_store.agendas.save_meeting_details(
        meeting.id, details.version, MeetingDetailsChanges(place=PLACE), groups
    )
    for title in (DRAFT, CLOSING):
        demo_store.agendas.add_arende(meeting.id, ArendeChanges(title=title), by="test")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert PLACE in _shown(app.screen.query_one(DataTable))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)  # the new ärenden are last
        await settle(app, pilot)
        shown = _shown(table)
        assert DRAFT in shown and CLOSING in shown
        await pilot.press("x")  # the question names the ärende as it was typed
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(Label).render())
        assert question.startswith(f"Ta bort ”{CLOSING}”")
        await pilot.press("escape")


async def test_a_notification_quotes_what_was_typed(demo_store, make_app):
    """Toasts often quote input; read as markup, "[/]" in it stopped the app."""
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        app.notify(f"Okänt värde ”{CLOSING}”", severity="error")
        app.screen.notify(f"Sparade {PLACE}")
        await wait_until(pilot, lambda: len(app.screen.query(Toast)) == 2, what="two toasts")
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert shown == [f"Okänt värde ”{CLOSING}”", f"Sparade {PLACE}"]


def test_every_list_of_the_tui_is_a_plain_table():
    """A bare DataTable would read its cells as markup again."""
    tui = Path(namnd.tui.__file__).parent
    bare = [
        f"{path.relative_to(tui)}:{number}"
        for path in sorted(tui.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bDataTable\(", line)
    ]
    assert bare == []


async def test_a_search_for_brackets_names_them_and_the_app_goes_on(demo_store, make_app):
    """The line under the search field repeats the query: "[/]" there stopped the app."""
    from namnd.tui.screens.search import SearchScreen

    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"[/] [b]")
        assert isinstance(app.screen, SearchScreen)
        state = app.screen.query_one("#search-state", Static)
        await wait_until(pilot, lambda: "för ”" in str(state.render()), what="the search's answer")
        assert "för ”[/] [b]”." in str(state.render())
        assert app.is_running


async def test_what_is_due_soon_names_a_bracketed_title_as_typed(demo_store, make_app):
    """The list under the meetings, on the first screen: "[/]" there stopped every start."""
    meeting = demo_store.schedule.find_meeting("2019-09-19")
    demo_store.agendas.add_arende(
        meeting.id,
        ArendeChanges(
            title=f"Yttrande {CLOSING}", kind=ArendeKind.STATEMENT, reply_by=dt.date(2019, 9, 10)
        ),
        by="test",
    )
    app = make_app(demo_store)  # today: 1 September 2019
    async with app.run_test(size=(120, 36)) as pilot:
        todo = app.screen.query_one("#todo", Static)
        await wait_until(pilot, lambda: todo.display, what="what is due soon")
        assert f"Svar senast: Yttrande {CLOSING}" in str(todo.render())
        assert app.is_running
