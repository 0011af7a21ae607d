"""The signature table on SQLite and PostgreSQL: two signers at once, and the last one justerar."""

from __future__ import annotations

import datetime as dt

import pytest

from namnd.domain.kinds import MeetingStatus
from namnd.domain.protocol_tables import SignatureRow
from namnd.errors import StaleEdit
from tests.protocol_sample import draft_protocol

DAY = "2019-09-19"


def _row(meeting_id: int, name: str, role: str) -> SignatureRow:
    return SignatureRow(
        meeting_id=meeting_id, version=1, signer_name=name, role=role, subject=f"CN={name}",
        serial="1A", fingerprint="ab" * 32, signed_at=dt.datetime.now(dt.UTC),
        file_sha256="cd" * 32, content_sha256="ef" * 32,
    )  # fmt: skip


def test_a_signature_on_a_stale_file_is_refused_and_the_last_one_justerar(backend_demo_store):
    store = backend_demo_store
    meeting = store.schedule.find_meeting(DAY).id
    store.protocols.replace(meeting, draft_protocol())
    store.protocols.record_signature(
        _row(meeting, "Tuva Lund", "ordförande"), after=None, justera_on=None, by="Tuva Lund"
    )
    (first,) = store.protocols.signatures(meeting)
    with pytest.raises(StaleEdit, match="Tuva Lund skrev under medan du gjorde det"):
        store.protocols.record_signature(
            _row(meeting, "Per Ek", "justerare"), after=None, justera_on=None, by="x"
        )
    assert len(store.protocols.signatures(meeting)) == 1
    store.protocols.record_signature(
        _row(meeting, "Per Ek", "justerare"),
        after=first.id,
        justera_on=dt.date(2019, 9, 26),
        by="Tuva Lund, Per Ek",
    )
    assert [r.signer_name for r in store.protocols.signatures(meeting)] == ["Tuva Lund", "Per Ek"]
    assert store.protocols.get(meeting).protocol.justering.justerat_on == dt.date(2019, 9, 26)
    assert store.schedule.find_meeting(DAY).status is MeetingStatus.JUSTERAD
    assert store.agendas.status_history(meeting)[-1].changed_by == "Tuva Lund, Per Ek"
