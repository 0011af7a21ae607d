"""``store.protocols``: the protokoll, read-only once justerat (rättelser are logged).

The storage modules are imported where used, off the TUI's first paint.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from namnd.storage.stores._part import Part

if TYPE_CHECKING:
    from collections.abc import Sequence

    from namnd.domain.protocol import Attendee, Justering, Protocol, ProtocolParagraph
    from namnd.domain.protocol_tables import SignatureRow
    from namnd.domain.views import ProtocolView


class ProtocolStore(Part):
    """Open, edit, justera, sign, post and correct a meeting's protokoll."""

    def get(self, meeting_id: int) -> ProtocolView | None:
        """The meeting's protokoll with §-versions and seats, or None if not yet opened."""
        from namnd.storage import protocols

        with self._read() as session:
            return protocols.load_protocol(session=session, meeting_id=meeting_id)

    def open(
        self,
        meeting_id: int,
        *,
        by: str,
        first_number: int | None = None,
        today: dt.date | None = None,
    ) -> None:
        """Protocol mode: §§ from the agenda after the standing openers, närvaro from members."""
        from namnd.storage import protocols

        self._write(
            protocols.open_protocol,
            meeting_id=meeting_id,
            by=by,
            first_number=first_number,
            today=today or dt.date.today(),
        )

    def save_paragraph(
        self, meeting_id: int, paragraph: ProtocolParagraph, version: int, *, paragraph_id: int
    ) -> int:
        """Save the § with this id (``ProtocolView.ids``); its new version.

        StaleEdit if someone saved or renumbered it first; InvalidInput once justerat.
        """
        from namnd.storage import protocols

        return self._write(
            protocols.save_paragraph,
            meeting_id=meeting_id,
            paragraph_id=paragraph_id,
            paragraph=paragraph,
            version=version,
        )

    def save_attendance(self, meeting_id: int, attendees: Sequence[Attendee]) -> None:
        """Replace the närvaro."""
        from namnd.storage import protocols

        self._write(protocols.save_attendance, meeting_id=meeting_id, attendees=attendees)

    def save_justering(
        self, meeting_id: int, justering: Justering, end_time: dt.time | None, version: int
    ) -> int:
        """Justerare, place and day of justering, förvaring, end time; the new version."""
        from namnd.storage import protocols

        return self._write(
            protocols.save_justering,
            meeting_id=meeting_id,
            justering=justering,
            end_time=end_time,
            version=version,
        )

    def add_paragraph(self, meeting_id: int, title: str, *, after_id: int | None) -> int:
        """Insert a § (e.g. an extra ärende) after the § with id ``after_id``; its number."""
        from namnd.storage import protocols

        return self._write(
            protocols.add_paragraph, meeting_id=meeting_id, title=title, after_id=after_id
        )

    def remove_paragraph(self, meeting_id: int, *, paragraph_id: int) -> None:
        """Delete the § with this id before justering; the following §§ move up."""
        from namnd.storage import protocols

        self._write(protocols.remove_paragraph, meeting_id=meeting_id, paragraph_id=paragraph_id)

    def justera(
        self, meeting_id: int, on: dt.date, *, by: str, today: dt.date | None = None
    ) -> None:
        """Justera (InvalidInput listing what breaks the rules, or a date after today)."""
        from namnd.storage import protocols

        today = today or dt.date.today()
        self._write(protocols.justera, meeting_id=meeting_id, on=on, by=by, today=today)

    def signatures(self, meeting_id: int) -> list[SignatureRow]:
        """The PAdES signatures on the protokoll's signed files, oldest first."""
        from namnd.storage import signatures

        with self._read() as session:
            return signatures.signatures(session=session, meeting_id=meeting_id)

    def record_signature(
        self, row: SignatureRow, *, after: int | None, justera_on: dt.date | None, by: str
    ) -> None:
        """Store a signature made on top of signature ``after``; with ``justera_on`` justera.

        StaleEdit if another signature was stored since ``after``.
        """
        from namnd.storage import signatures

        today = dt.date.today()
        self._write(
            signatures.record, row=row, after=after, justera_on=justera_on, by=by, today=today
        )

    def post(self, meeting_id: int, on: dt.date, *, today: dt.date | None = None) -> None:
        """Record the day the justering was anslagen (not after today)."""
        from namnd.storage import protocols

        self._write(protocols.post, meeting_id=meeting_id, on=on, today=today or dt.date.today())

    def correct_paragraph(
        self,
        meeting_id: int,
        paragraph: ProtocolParagraph,
        reason: str,
        *,
        by: str,
        paragraph_id: int,
        version: int | None = None,
    ) -> str:
        """A logged rättelse of the justerat § with this id; returns what changed.

        With ``version`` a rättelse someone else made meanwhile is not overwritten.
        """
        from namnd.storage import protocols

        return self._write(
            protocols.correct,
            meeting_id=meeting_id,
            paragraph_id=paragraph_id,
            paragraph=paragraph,
            reason=reason,
            by=by,
            version=version,
        )

    def replace(self, meeting_id: int, protocol: Protocol, *, today: dt.date | None = None) -> None:
        """Import a whole protokoll (all or nothing; a justerat one is never replaced).

        Justering, anslag and rättelser dated after ``today`` are refused.
        """
        from namnd.storage import protocols

        self._write(
            protocols.replace_protocol,
            meeting_id=meeting_id,
            protocol=protocol,
            today=today or dt.date.today(),
        )
