"""Command palette entries, titled "Grupp: verb", and the palette itself in Swedish.

:class:`MeetingCommands` opens any meeting or year plan from anywhere; :class:`ScreenCommands`
offers what the screen the palette was opened from can do, read from its ``PALETTE``
table, with the key that does the same shown beside each entry (and not what the screen
hides just now).
:class:`SwedishCommandPalette` is Textual's palette with its placeholder and its
"no matches" line in Swedish.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.actions import parse
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.widgets.option_list import Option

from namnd.rules.swedish_dates import long_date
from namnd.rules.swedish_numbers import counted

if TYPE_CHECKING:
    from namnd.tui.app import NamndApp

#: (title, callback, help) for one palette entry.
Entry = tuple[str, Callable[[], object], str]


class _EntryProvider(Provider):
    """Discovery lists every entry; a search ranks them by the fuzzy matcher."""

    async def entries(self) -> list[Entry]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for title, callback, help_text in await self.entries():
            # Titles name organs and meetings as written: never read as markup.
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in await self.entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(title)), callback, help=help_text)


class MeetingCommands(_EntryProvider):
    """Open any meeting by typing part of its date or the organ's name."""

    async def entries(self) -> list[Entry]:
        app: NamndApp = self.app  # type: ignore[assignment]
        summaries = await asyncio.to_thread(app.store.schedule.meetings)
        entries: list[Entry] = [
            (
                f"Sammanträde: öppna {long_date(m.date)} ({m.organ_name})",
                partial(app.open_meeting, m.id),
                f"{counted(m.item_count, 'ärende', 'ärenden')}, {m.status.label}",
            )
            for m in summaries
        ]
        entries += [
            (
                f"Sammanträdesordning: visa {year} ({name})",
                partial(self._open_year, year, code),
                "sammanträden och tidsfrister",
            )
            for year, code, name in sorted(
                {(m.date.year, m.organ_code, m.organ_name) for m in summaries}
            )
        ]
        return entries

    def _open_year(self, year: int, organ_code: str) -> None:
        from namnd.tui.screens.schedule import ScheduleScreen

        app: NamndApp = self.app  # type: ignore[assignment]
        app.push_screen(ScheduleScreen(app.store, year, today=app.today, organ_code=organ_code))


class ScreenCommands(_EntryProvider):
    """The calling screen's ``PALETTE``: ``(title, action)`` pairs, keys looked up."""

    async def entries(self) -> list[Entry]:
        screen = self.screen
        keys = {
            binding.action: self.app.get_key_display(binding)
            for binding in getattr(type(screen), "BINDINGS", [])
            if hasattr(binding, "action")
        }
        return [
            (
                title,
                partial(self.app.run_action, action, screen),
                f"tangent {keys[action]}" if action in keys else "",
            )
            for title, action in getattr(screen, "PALETTE", ())
            if offered(screen, action)
        ]


def offered(screen: object, action: str) -> bool:
    """An entry whose key the screen hides (``check_action`` False) is not offered either.

    Byt nämnd with one organ, say; a dimmed key (None) stays, to say why it does nothing.
    """
    _namespace, name, parameters = parse(action)
    check = getattr(screen, "check_action", None)
    return check is None or check(name, parameters) is not False


class SwedishCommandPalette(CommandPalette):
    """Textual's command palette; "Sök kommandon…" and "Inga träffar" in Swedish."""

    def __init__(self, *args, placeholder: str = "Sök kommandon…", **kwargs) -> None:
        super().__init__(*args, placeholder=placeholder, **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own adds an English "No matches found"; the same, in Swedish.
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text("Inga träffar", style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)
