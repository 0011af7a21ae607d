"""The one exception type users see: every message is Swedish and safe to print."""


class NamndError(Exception):
    """A failure the user can act on; ``str(err)`` is the Swedish message shown to them."""


class InvalidInput(NamndError):
    """Input (a date, a diarienummer, a file) could not be read."""


class NotFound(NamndError):
    """Something the user named does not exist in the database."""


class StaleEdit(NamndError):
    """Someone else saved the same record first; nothing was overwritten."""
