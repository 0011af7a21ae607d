"""Where a workspace's files live: one module, one seam for tests.

The workspace is the folder holding ``namnd.db``, ``agendas/`` and ``protocols/``:
``--workspace DIR``, else ``NAMND_HOME``, else the current folder if it holds a
``namnd.db``, else the user's data folder (platformdirs: ``~/.local/share/namnd`` on
Linux), so ``namnd`` started anywhere finds the same nämnd.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from namnd.errors import NamndError

DB_FILENAME = "namnd.db"


@dataclass(frozen=True)
class Workspace:
    """A resolved workspace: its root folder and the database URL to use."""

    root: Path
    database_url: str

    @property
    def agendas(self) -> Path:
        return self.root / "agendas"

    @property
    def protocols(self) -> Path:
        return self.root / "protocols"

    def file_in(self, folder: Path, *parts: str) -> Path:
        """``folder/NAME`` for a file name built from data (organ kod, dates, titles).

        The name goes through :func:`safe_filename`, and the result is checked to be a
        file directly in ``folder`` inside the workspace: an agenda file with
        ``kod: x/../../ESCAPED`` can never make an export write elsewhere.
        """
        folder = Path(os.path.normpath(folder))
        root = Path(os.path.normpath(self.root))
        path = Path(os.path.normpath(folder / safe_filename("".join(parts))))
        if path.parent != folder or not (folder == root or root in folder.parents):
            raise NamndError(f"Filnamnet {path} hamnar utanför arbetsmappen {root}.")
        return path

    @property
    def has_database(self) -> bool:
        """False only for a SQLite workspace whose database file does not exist yet."""
        path = self.sqlite_path
        return path is None or path.is_file()

    def require_database(self) -> None:
        """For commands that only read: a Swedish error instead of creating a database."""
        if not self.has_database:
            raise NamndError(
                f"Det finns ingen databas i {self.root}. Börja med ”namnd organ add KOD "
                "--name NAMN”, ”namnd demo” eller ”namnd import agenda FIL”, eller ange "
                "arbetsmappen med --workspace MAPP (eller NAMND_HOME)."
            )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The database file of a plain ``sqlite:///PATH`` URL, else None."""
        prefix = "sqlite:///"
        url = self.database_url
        if not url.startswith(prefix) or url == prefix or ":memory:" in url or "?" in url:
            return None
        return Path(url[len(prefix) :])


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
MAX_NAME = 100  # characters: under the usual 255-byte limit even if all are å, ä, ö


def safe_filename(name: str) -> str:
    """``name`` as one plain file name: no folders, no control characters, no leading dot.

    Slashes, backslashes, control characters and the characters Windows refuses become
    ``_``; a name that would be hidden or mean a folder (``.``, ``..``) gets a ``_`` first.
    """
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip()
    if cleaned.startswith("."):
        cleaned = "_" + cleaned
    if len(cleaned) > MAX_NAME:
        suffix = Path(cleaned).suffix if len(Path(cleaned).suffix) <= 10 else ""
        cleaned = cleaned[: MAX_NAME - len(suffix)] + suffix
    return cleaned or "_"


def default_root() -> Path:
    """The current folder if it holds a database, else the user's data folder."""
    here = Path.cwd()
    if (here / DB_FILENAME).is_file():
        return here
    import platformdirs

    return Path(platformdirs.user_data_dir("namnd", appauthor=False))


def resolve(workspace: str | os.PathLike | None = None, db_url: str | None = None) -> Workspace:
    """Resolve the workspace from arguments, then the environment, then :func:`default_root`."""
    root = Path(workspace or os.environ.get("NAMND_HOME") or default_root()).expanduser().resolve()
    url = db_url or os.environ.get("NAMND_DATABASE_URL") or f"sqlite:///{root / DB_FILENAME}"
    if url.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; a bare postgresql:// URL would ask for psycopg2.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return Workspace(root=root, database_url=url)
