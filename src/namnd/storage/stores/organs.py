"""``store.organs``: each organ's name, kod, diarienummer format and the rest of its form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from namnd.domain.models import Organ
from namnd.storage.schedule import find_organ
from namnd.storage.stores._part import Part

if TYPE_CHECKING:
    from namnd.domain.changes import OrganChanges
    from namnd.domain.diarienummer import DnrFormat
    from namnd.domain.organ_settings import OrganSettings


class OrganStore(Part):
    """List, read, add and change organs (a nämnd and its utskott, say)."""

    def all(self) -> list[OrganSettings]:
        """Every organ's settings, by name."""
        from namnd.storage import organs

        with self._read() as session:
            return organs.list_organs(session=session)

    def settings(self, code: str | None = None) -> OrganSettings:
        """One organ's settings (the only one when ``code`` is None)."""
        from namnd.storage import organs

        with self._read() as session:
            organ = find_organ(session=session, code=code)
            return organs.settings_of(session=session, organ=organ)

    def dnr_format(self, organ_id: int) -> DnrFormat:
        """How the organ writes its diarienummer (for examples in the editor)."""
        from namnd.storage import organs

        with self._read() as session:
            organ = session.get(Organ, organ_id)
            assert organ is not None  # the id of a stored organ
            return organs.dnr_format(organ)

    def create(self, settings: OrganSettings) -> OrganSettings:
        """Add an organ (InvalidOrgan naming each refused field; nothing saved then)."""
        from namnd.storage import organs

        return self._write(organs.create_organ, settings=settings)

    def edit(self, code: str, changes: OrganChanges) -> OrganSettings:
        """Change some of an organ's settings (InvalidOrgan naming each refused field)."""
        from namnd.storage import organs

        texts = {name: str(value) for name, value in changes.as_dict().items()}  # all texts
        return self._write(organs.edit_organ, code=code, changes=texts)
