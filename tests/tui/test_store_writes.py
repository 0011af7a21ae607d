"""The one way a screen writes: in a worker, the result on the UI thread, errors in Swedish."""

from __future__ import annotations

import threading

from textual.app import App
from textual.widgets import Static

from namnd.errors import NamndError
from namnd.tui.store_writes import write
from tests.tui.conftest import settle, wait_until


class _Host(App[None]):
    def compose(self):
        yield Static("")


async def test_a_write_runs_off_the_ui_thread_and_reports_back_on_it():
    app = _Host()
    ui = threading.get_ident()
    seen: dict[str, int] = {}
    async with app.run_test() as pilot:

        def change() -> int:
            seen["write"] = threading.get_ident()
            return 41

        def done(result: int) -> None:
            seen["done"] = threading.get_ident()
            seen["result"] = result + 1

        write(app.screen, change, title="Prov", done=done)
        await wait_until(pilot, lambda: "result" in seen, what="the write's result")
    assert seen["write"] != ui
    assert seen["done"] == ui
    assert seen["result"] == 42


async def test_a_failed_write_is_a_swedish_notification_or_goes_to_failed():
    app = _Host()
    handled: list[str] = []
    async with app.run_test() as pilot:

        def refused() -> None:
            raise NamndError("Rad 3: datumet 2019-02-30 finns inte.")

        write(app.screen, refused, title="Sammanträdesordning", done=lambda _r: handled.append("x"))
        await settle(app, pilot)
        notes = list(app._notifications)
        assert [(n.title, n.message, n.severity) for n in notes] == [
            ("Sammanträdesordning", "Rad 3: datumet 2019-02-30 finns inte.", "error")
        ]
        write(app.screen, refused, title="Ärendet", failed=lambda err: handled.append(str(err)))
        await settle(app, pilot)
        assert handled == ["Rad 3: datumet 2019-02-30 finns inte."]
        assert len(list(app._notifications)) == 1  # ``failed`` took it


async def test_writes_take_turns_in_the_order_asked():
    app = _Host()
    order: list[str] = []
    first_running = threading.Event()
    release = threading.Event()
    async with app.run_test() as pilot:

        def slow() -> None:
            first_running.set()
            release.wait(5)
            order.append("first")

        write(app.screen, slow, title="Prov")
        await wait_until(pilot, first_running.is_set, what="the first write running")
        write(app.screen, lambda: order.append("second"), title="Prov")
        await pilot.pause()
        assert order == []  # the second waits for the first
        release.set()
        await settle(app, pilot)
    assert order == ["first", "second"]
