"""Put a standing item (Information från förvaltningen, Anmälningsärenden …) on a list."""

from __future__ import annotations

from namnd.rules.standing_items import standing_item
from namnd.storage.store import Store


def add_standing_item(store: Store, meeting_id: int, key: str, *, by: str) -> int:
    """Register the template ``key`` filled in for the meeting's organ, last; its id."""
    organ_name = store.schedule.find_meeting(str(meeting_id)).organ_name
    return store.agendas.add_arende(meeting_id, standing_item(key).fill(organ_name), by=by)
