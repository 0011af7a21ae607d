"""P in the protokoll publishes on the anslagstavla (keys pressed, the folder read back)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from namnd.operations.public_site import default_folder
from namnd.tui.screens.protocol import ProtocolScreen
from tests.protocol_sample import draft_protocol
from tests.tui.conftest import settle, wait_until

DAY = "2019-09-19"


async def test_p_publishes_the_justerat_protokoll(demo_store, make_app, workspace):
    meeting = demo_store.schedule.find_meeting(DAY).id
    demo_store.protocols.replace(meeting, draft_protocol())
    today = dt.date(2019, 10, 1)
    app = make_app(demo_store, today=today)
    app.workspace = workspace
    folder = default_folder(workspace)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.push_screen(ProtocolScreen(demo_store, meeting, today=today))
        await settle(app, pilot)
        # Before justering only § 89 (omedelbart justerad) may go up.
        await pilot.press("P")
        await wait_until(pilot, lambda: (folder / "index.html").is_file(), timeout=240)
        await settle(app, pilot)
        assert not (folder / "2019-09-19-von-protokoll.pdf").exists()
        assert (folder / "2019-09-19-von-tillkannagivande-paragraf-89.html").is_file()
        demo_store.protocols.justera(meeting, dt.date(2019, 9, 26), by="sekreteraren")
        app.screen._reload()
        await settle(app, pilot)
        await pilot.press("P")
        notice = folder / "2019-09-19-von-tillkannagivande.html"
        await wait_until(pilot, notice.is_file, timeout=240)
        await settle(app, pilot)
        shown = [n.message for n in app._notifications]
    assert (folder / "2019-09-19-von-protokoll.pdf").is_file()
    assert any("Tillkännagivande av justering" in m for m in shown), shown


async def test_p_is_not_offered_before_anything_is_justerat(demo_store, make_app):
    meeting = demo_store.schedule.find_meeting(DAY).id
    draft = draft_protocol()
    plain = tuple(dataclasses.replace(p, immediate=False) for p in draft.paragraphs)
    demo_store.protocols.replace(meeting, dataclasses.replace(draft, paragraphs=plain))
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.push_screen(ProtocolScreen(demo_store, meeting))
        await settle(app, pilot)
        assert app.screen.check_action("publish", ()) is False
        titles = [t for t, _ in ProtocolScreen.PALETTE]
    assert any(t.startswith("Protokoll: publicera på anslagstavlan") for t in titles)
