"""A write that waits past the busy timeout is one Swedish error, on both backends."""

from __future__ import annotations

import pytest

from namnd.domain.changes import ArendeChanges
from namnd.errors import DatabaseBusy, NamndError
from namnd.storage.store import Store
from tests.locks import write_lock

#: Short enough to keep the tests fast, long enough to be a real wait.
BUSY_MS = "200"


@pytest.fixture
def busy_store(backend_workspace, monkeypatch):
    monkeypatch.setenv("NAMND_BUSY_TIMEOUT_MS", BUSY_MS)
    from namnd.operations.demo import load_demo

    store = Store.open(backend_workspace)
    load_demo(store)
    yield store
    store.close()


def _first_arende(store):
    view = store.agendas.agenda(store.schedule.find_meeting("2019-09-19").id)
    return store.agendas.arende(view.entries[0].arende_id)[0]


def test_a_write_past_the_busy_timeout_is_database_busy_in_swedish(busy_store, backend_workspace):
    arende = _first_arende(busy_store)
    with write_lock(backend_workspace), pytest.raises(DatabaseBusy) as caught:
        busy_store.agendas.save_arende(
            arende.id, arende.version, ArendeChanges(title="Ny rubrik"), by="x"
        )
    assert isinstance(caught.value, NamndError)
    assert "upptagen" in str(caught.value)
    # Nothing was written, and once the lock is gone the same save goes through.
    assert _first_arende(busy_store).title == arende.title
    busy_store.agendas.save_arende(
        arende.id, arende.version, ArendeChanges(title="Ny rubrik"), by="x"
    )
    assert _first_arende(busy_store).title == "Ny rubrik"
