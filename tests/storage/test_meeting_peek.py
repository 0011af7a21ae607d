"""The ORM-free meetings list for the TUI's first paint: equal to the Store's, or None."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys

from namnd.domain.changes import MeetingDetailsChanges
from namnd.domain.models import Meeting, Organ
from namnd.storage.meeting_peek import LATEST_PER_ORGAN, peek_meetings
from namnd.storage.workspace import resolve

TODAY = dt.date(2019, 9, 1)


def test_equal_to_the_store_on_the_demo(demo_store, workspace):
    # A saved meeting's version (the calendar's SEQUENCE) is read the same way too.
    moved = demo_store.schedule.meetings()[1]
    details, groups = demo_store.agendas.meeting_details(moved.id)
    demo_store.agendas.save_meeting_details(
        moved.id, details.version, MeetingDetailsChanges(place="Tumba"), groups
    )
    peeked = peek_meetings(workspace, TODAY)
    assert peeked is not None and len(peeked) == 11
    assert peeked == demo_store.schedule.first_meetings(TODAY) == demo_store.schedule.meetings()
    assert peeked[1].version == details.version + 1
    demo = peeked[0]
    assert (demo.item_count, demo.start_time.isoformat(), demo.place) == (10, "18:30:00", "Alytus")


def test_empty_workspace_is_an_empty_list(store, workspace):
    assert peek_meetings(workspace, TODAY) == [] == store.schedule.first_meetings(TODAY)


def test_none_where_only_the_store_can_answer(tmp_path, workspace, store):
    assert peek_meetings(resolve(tmp_path / "ny"), TODAY) is None, "no database yet"
    assert peek_meetings(resolve(tmp_path, "postgresql://namnd@localhost/namnd"), TODAY) is None
    garbage = tmp_path / "trasig" / "namnd.db"
    garbage.parent.mkdir()
    garbage.write_bytes(b"inte en databas" * 100)
    assert peek_meetings(resolve(garbage.parent), TODAY) is None
    with sqlite3.connect(workspace.root / "namnd.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert peek_meetings(workspace, TODAY) is None, "an older schema is migrated by the Store"


def test_no_orm_on_the_way_to_the_first_paint(demo_store, workspace):
    code = (
        "import sys; from namnd.storage.meeting_peek import peek_meetings; "
        "from namnd.storage.workspace import resolve; import namnd.tui.app, namnd.cli.commands; "
        "import datetime; "
        f"assert peek_meetings(resolve({str(workspace.root)!r}), datetime.date(2019, 9, 1)); "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def archive(store, years: int = 20) -> list[Meeting]:
    """Two organs meeting monthly for ``years`` years up to 2019, and twice after TODAY."""
    with store.session() as session:
        organs = [
            Organ(code="von", name="Vård- och omsorgsnämnden", diarium_prefix="von"),
            Organ(code="kfn", name="Kultur- och fritidsnämnden", diarium_prefix="kfn"),
        ]
        session.add_all(organs)
        session.flush()
        for organ in organs:
            for year in range(2019 - years + 1, 2020):
                for month in range(1, 13):
                    session.add(Meeting(organ_id=organ.id, date=dt.date(year, month, 10)))
    return store.schedule.meetings()


def test_the_first_screen_reads_the_coming_and_each_organs_latest(backend_store, backend_workspace):
    everything = archive(backend_store)
    window = backend_store.schedule.first_meetings(TODAY)
    coming = [m for m in everything if m.date >= TODAY]
    assert len(coming) == 2 * 4
    for code in ("von", "kfn"):
        past = [m for m in everything if m.organ_code == code and m.date < TODAY]
        shown = [m for m in window if m.organ_code == code and m.date < TODAY]
        assert shown == past[-LATEST_PER_ORGAN:], "the latest, in date order"
    assert len(window) == len(coming) + 2 * LATEST_PER_ORGAN < len(everything) == 480
    on_sqlite = backend_store.engine.dialect.name == "sqlite"
    assert peek_meetings(backend_workspace, TODAY) == (window if on_sqlite else None)
