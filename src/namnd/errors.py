"""The one exception type users see: every message is Swedish and safe to print."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from namnd.rules.public_check import Finding


class NamndError(Exception):
    """A failure the user can act on; ``str(err)`` is the Swedish message shown to them."""


class InvalidInput(NamndError):
    """Input (a date, a diarienummer, a file) could not be read."""


class NotFound(NamndError):
    """Something the user named does not exist in the database."""


class StaleEdit(NamndError):
    """Someone else saved the same record first; nothing was overwritten."""


class PublicationRefused(NamndError):
    """The publication gate found what must not be published; nothing was written.

    ``findings`` (``rules.public_check.Finding``) say what and where, so the TUI can
    list them in a dialog; ``str(err)`` lists them for the command line.
    """

    def __init__(self, target: str, findings: Sequence[Finding]) -> None:
        self.target = target
        self.findings = tuple(findings)
        lines = "\n".join(f"- {finding.message}" for finding in self.findings)
        count = len(self.findings)
        super().__init__(
            f"{target} skrevs inte: den offentliga versionen innehåller "
            f"{'ett fynd' if count == 1 else f'{count} fynd'} som inte får publiceras:\n{lines}"
        )


class DatabaseBusy(NamndError):
    """Another process held a write lock past the busy timeout; nothing was written.

    Raised in one place (``storage.database``) for SQLite's "database is locked" and
    PostgreSQL's lock timeout, so screens can keep the text and try again later.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "Databasen är upptagen (någon annan skriver just nu); ingenting sparades. "
            "Försök igen om en stund."
        )
