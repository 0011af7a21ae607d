"""Command palette entries: open a meeting, a year's sammanträdesordning, the demo."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from namnd.services.swedish_dates import long_date

if TYPE_CHECKING:
    from namnd.tui.app import NamndApp


class MeetingCommands(Provider):
    """Open any meeting by typing part of its date or the organ's name."""

    async def _entries(self) -> list[tuple[str, object, str]]:
        app: NamndApp = self.app  # type: ignore[assignment]
        summaries = await asyncio.to_thread(app.store.meetings)
        entries = [
            (
                f"Sammanträde: öppna {long_date(m.date)} ({m.organ_name})",
                partial(app.open_meeting, m.id),
                f"{m.item_count} ärenden, {m.status.label}",
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
        screen = app.screen
        if hasattr(screen, "action_load_demo"):
            entries.append(
                ("Demo: läs in demonämnden", screen.action_load_demo, "Kallelsen 19 september 2019")
            )
        return entries

    def _open_year(self, year: int, organ_code: str) -> None:
        from namnd.tui.screens.schedule import ScheduleScreen

        app: NamndApp = self.app  # type: ignore[assignment]
        app.push_screen(ScheduleScreen(app.store, year, today=app.today, organ_code=organ_code))

    async def discover(self) -> Hits:
        for title, callback, help_text in await self._entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in await self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
