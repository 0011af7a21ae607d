"""Snapshots of the meeting-room screens at an ordinary laptop's 80×24 and at 120×36.

Each shows the screen as a secretary meets it: the keys in the footer, the dialog's
title and save keys, the votering's totals. Regenerate with ``--snapshot-update`` after
a deliberate change and look at every SVG that changed.
"""

from __future__ import annotations

import pytest

from tests.protocol_sample import draft_protocol
from tests.tui.conftest import settle

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
# Down from § 82 to § 90, the § with yrkanden, votering and reservation.
TO_P90 = ["down"] * 8


def _keys(*steps):
    async def run_before(pilot):
        await settle(pilot.app, pilot)
        for keys in steps:
            await pilot.press(*keys)
            await settle(pilot.app, pilot)

    return run_before


def _drafted(store):
    store.protocols.replace(store.schedule.find_meeting("2019-09-19").id, draft_protocol())
    return store


@SIZES
def test_agenda(demo_store, make_app, snap_compare, size):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=size, run_before=_keys(["enter"], ["down"] * 5))


@SIZES
def test_review(demo_store, make_app, snap_compare, size):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=size, run_before=_keys(["enter"], ["g"]))


@SIZES
def test_protocol(demo_store, make_app, snap_compare, size):
    app = make_app(_drafted(demo_store))
    assert snap_compare(app, terminal_size=size, run_before=_keys(["enter"], ["p"], TO_P90))


@SIZES
def test_vote(demo_store, make_app, snap_compare, size):
    app = make_app(_drafted(demo_store))
    keys = _keys(["enter"], ["p"], TO_P90, ["v"], ["j"] * 4)
    assert snap_compare(app, terminal_size=size, run_before=keys)


@SIZES
def test_attendance(demo_store, make_app, snap_compare, size):
    app = make_app(_drafted(demo_store))
    assert snap_compare(app, terminal_size=size, run_before=_keys(["enter"], ["p"], ["a"]))


@SIZES
def test_new_seat(demo_store, make_app, snap_compare, size):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=size, run_before=_keys(["l"], ["n"]))


@SIZES
def test_year_plan(demo_store, make_app, snap_compare, size):
    app = make_app(demo_store)  # 1 September 2019: 2020 is planned, ten meetings
    assert snap_compare(app, terminal_size=size, run_before=_keys(["y"], ["right"]))
