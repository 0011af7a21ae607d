"""The one exception type users see: every message is Swedish and safe to print."""


class NamndError(Exception):
    """A failure the user can act on; ``str(err)`` is the Swedish message shown to them."""


class InvalidInput(NamndError):
    """Input (a date, a diarienummer, a file) could not be read."""


class NotFound(NamndError):
    """Something the user named does not exist in the database."""


class StaleEdit(NamndError):
    """Someone else saved the same record first; nothing was overwritten."""


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
