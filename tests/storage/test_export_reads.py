"""A document is read from one snapshot, with as many queries for 30 ärenden as for 10.

The SELECTs and the sessions (transactions begun on the engine) of the kallelse and the
protokoll exports (Word) and of the TUI's föredragningslista are counted with
SQLAlchemy's engine events, for the demo meeting and for a meeting with its ärenden three
times over (their bilagor and anmälda handlingar too). A public export also lets the
publication gate read the workspace's confidential texts: one session of its own. The
snapshot itself is checked on both backends.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from functools import partial

from sqlalchemy import event
from sqlmodel import col, select

from namnd.domain.agenda import AgendaDocument
from namnd.domain.models import Meeting
from namnd.operations.kallelse_export import export_kallelse
from namnd.operations.protocol_export import export_protocol
from namnd.storage import agendas
from namnd.storage.database import read_snapshot
from namnd.storage.store import Store

DEMO = "2019-09-19"
TRIPLED = dt.date(2019, 10, 17)


def _tripled(store: Store) -> str:
    """A meeting four weeks after the demo's with its ten ärenden three times over."""
    with store.session() as session:
        demo = agendas.load_agenda(session=session, meeting_id=store.schedule.find_meeting(DEMO).id)
        meeting = Meeting.model_validate(demo.meeting.model_dump() | {"date": TRIPLED})
        doc = AgendaDocument(demo.organ, meeting, demo.group_meetings, demo.entries * 3)
        agendas.insert_agenda(session=session, doc=doc)
    return TRIPLED.isoformat()


def _reads(store: Store, read: Callable[[], object]) -> tuple[int, int]:
    """(sessions, SELECTs) while ``read`` runs."""
    counts: Counter[str] = Counter()

    def begin(_connection) -> None:
        counts["sessions"] += 1

    def execute(_connection, _cursor, statement: str, *_args) -> None:
        counts["selects"] += statement.lstrip().upper().startswith("SELECT")

    event.listen(store.engine, "begin", begin)
    event.listen(store.engine, "before_cursor_execute", execute)
    try:
        read()
    finally:
        event.remove(store.engine, "before_cursor_execute", execute)
        event.remove(store.engine, "begin", begin)
    return counts["sessions"], counts["selects"]


def _with_protocols(store: Store) -> tuple[str, str]:
    """The demo meeting and the tripled one, both with their protokoll opened."""
    tripled = _tripled(store)
    for ref in (DEMO, tripled):
        store.protocols.open(store.schedule.find_meeting(ref).id, by="sekreteraren", today=TRIPLED)
    assert (
        store.schedule.find_meeting(tripled).item_count
        == 3 * store.schedule.find_meeting(DEMO).item_count
    )
    return DEMO, tripled


#: (export, public, sessions, at most so many SELECTs); the gate's own read is the second
#: session of a public export.
EXPORTS = [
    (export_kallelse, False, 1, 12),
    (export_kallelse, True, 2, 36),
    (export_protocol, False, 1, 20),
    (export_protocol, True, 2, 44),
]


def test_an_export_reads_one_snapshot_with_a_fixed_number_of_queries(demo_store, tmp_path):
    store = demo_store
    meetings = _with_protocols(store)
    for export, public, sessions, most_selects in EXPORTS:
        small, large = (
            _reads(
                store,
                partial(export, store, ref, fmt="docx", path=tmp_path / "x.docx", public=public),
            )
            for ref in meetings
        )
        what = f"{export.__name__}, public={public}"
        assert small == large, f"{what}: 10 ärenden {small}, 30 ärenden {large}"
        assert small[0] == sessions, what
        assert small[1] <= most_selects, what


def test_the_foredragningslista_is_read_with_a_fixed_number_of_queries(backend_demo_store):
    store = backend_demo_store
    ids = [store.schedule.find_meeting(ref).id for ref in (DEMO, _tripled(store))]
    small, large = (_reads(store, lambda m=m: store.agendas.agenda(m)) for m in ids)
    assert small == large == (1, 6)
    assert len(store.agendas.agenda(ids[1]).entries) == 30


def test_a_snapshot_does_not_see_a_save_made_meanwhile(backend_demo_store):
    store = backend_demo_store
    meeting_id = store.schedule.find_meeting(DEMO).id
    place = select(Meeting.place).where(col(Meeting.id) == meeting_id)
    with read_snapshot(store.engine) as snapshot:
        before = snapshot.exec(place).one()
        with store.session() as other:  # another user saves while the document is read
            saved = other.get(Meeting, meeting_id)
            assert saved is not None
            saved.place = "Tumba"
        assert snapshot.exec(place).one() == before == "Alytus"
    with read_snapshot(store.engine) as later:
        assert later.exec(place).one() == "Tumba"


def test_the_oparl_tree_is_read_from_one_snapshot_whatever_the_meetings(demo_store, tmp_path):
    """Every meeting, agenda and protokoll of the OParl tree comes from one state of the
    database (``one_snapshot``): the sessions do not grow with the meetings read, and the
    gate's read of the confidential texts joins the snapshot too."""
    from namnd.operations.oparl_export import write_oparl

    _with_protocols(demo_store)  # two meetings, each with its protokoll
    sessions, _selects = _reads(demo_store, lambda: write_oparl(demo_store, tmp_path / "a"))
    assert sessions == 1
