"""``store.delegation``: delegationsbeslut lists, the delegationsordning, ej verkställda.

The lists' rows and the ej verkställda beslut are personal data: nothing here is public
output (the counts go through ``rules.publication``). The storage modules are imported
where used: their regexes and tables would otherwise cost the TUI's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from namnd.storage.schedule import find_organ
from namnd.storage.stores._part import Part

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from namnd.domain.changes import UnexecutedDecisionChanges
    from namnd.domain.models import DelegationCode
    from namnd.formats.delegation_lists import ListRow
    from namnd.rules.unexecuted_decisions import UnexecutedDecision, UnexecutedOffer
    from namnd.storage.delegation_batch import ImportView, NewImport


class DelegationStore(Part):
    """Imported delegationsbeslut lists, delegation codes and ej verkställda beslut."""

    # --- imported delegationsbeslut lists ----------------------------------------

    def earlier_import(self, sha256: str) -> ImportView | None:
        """The import of the file with this SHA-256, if it was imported before."""
        from namnd.storage import delegation

        with self._read() as session:
            return delegation.find_import_by_hash(session=session, sha256=sha256)

    def save_import(
        self,
        batch: NewImport,
        rows: Sequence[ListRow],
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportView:
        """Store a parsed list and its rows in one transaction (all or nothing).

        :class:`~namnd.storage.delegation_batch.AlreadyImported` if the same file was
        stored meanwhile.
        """
        from sqlalchemy.exc import IntegrityError

        from namnd.storage import delegation
        from namnd.storage.delegation_batch import AlreadyImported

        try:
            with self._session() as session:
                return delegation.insert_import(
                    session=session, batch=batch, rows=rows, progress=progress
                )
        except IntegrityError as error:
            raise AlreadyImported(batch.file_sha256) from error

    def imports(self, meeting_id: int | None = None) -> list[ImportView]:
        """Imported lists (no rows), optionally of one meeting."""
        from namnd.storage import delegation

        with self._read() as session:
            return delegation.list_imports(session=session, meeting_id=meeting_id)

    def delete_import(self, import_id: int) -> int:
        """Delete an imported list and its rows (gallring); rows deleted."""
        from namnd.storage import delegation

        return self._write(delegation.delete_import, import_id=import_id)

    # --- the delegationsordning --------------------------------------------------

    def codes(self, organ_code: str | None = None) -> list[DelegationCode]:
        """The delegationsordning of the organ (or the only one)."""
        from namnd.storage.delegation_codes import list_codes

        with self._read() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return list_codes(session=session, organ_id=organ.id)

    def save_code(
        self, code: str, subject: str, delegate: str, organ_code: str | None = None
    ) -> str:
        """Add a code to the delegationsordning or change its matter and delegat; the code."""
        from namnd.storage.delegation_codes import save_code

        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return save_code(
                session=session, organ_id=organ.id, code=code, subject=subject, delegate=delegate
            ).code

    def unknown_codes(self, organ_code: str | None = None) -> list[str]:
        """Codes used in reported delegationsbeslut but missing from the delegationsordning."""
        from namnd.storage.delegation_codes import unknown_codes

        with self._read() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return unknown_codes(session=session, organ_id=organ.id)

    # --- ej verkställda beslut ----------------------------------------------------

    def unexecuted_decisions(self, organ_code: str | None = None) -> list[UnexecutedDecision]:
        """The register of ej verkställda beslut with their offers."""
        from namnd.storage import unexecuted_decisions

        with self._read() as session:
            organ = find_organ(session=session, code=organ_code)
            return unexecuted_decisions.list_decisions(session=session, organ_id=organ.id)

    def add_unexecuted_decision(
        self, decision: UnexecutedDecision, *, by: str, organ_code: str | None = None
    ) -> int | None:
        """Register a beslut; its id, or None if the same beslut was already there."""
        from namnd.storage import unexecuted_decisions

        with self._session() as session:
            organ = find_organ(session=session, code=organ_code)
            assert organ.id is not None  # a stored organ
            return unexecuted_decisions.add_decision(
                session=session, organ_id=organ.id, decision=decision, by=by
            )

    def update_unexecuted_decision(
        self, decision_id: int, version: int, changes: UnexecutedDecisionChanges, *, by: str
    ) -> int:
        """Change a registered beslut (StaleEdit if someone saved first); the new version."""
        from namnd.storage import unexecuted_decisions

        return self._write(
            unexecuted_decisions.update_decision,
            decision_id=decision_id,
            version=version,
            changes=changes.as_dict(),
            by=by,
        )

    def add_unexecuted_offer(
        self, decision_id: int, offer: UnexecutedOffer, note: str = ""
    ) -> None:
        """Record an erbjudande made for a registered beslut."""
        from namnd.storage import unexecuted_decisions

        self._write(unexecuted_decisions.add_offer, decision_id=decision_id, offer=offer, note=note)

    def delete_unexecuted_decision(self, decision_id: int) -> None:
        """Remove a registered beslut and its offers."""
        from namnd.storage import unexecuted_decisions

        self._write(unexecuted_decisions.delete_decision, decision_id=decision_id)
