"""Where a workspace's files live: one module, one seam for tests.

The workspace is the folder holding ``namnd.db``, ``agendas/`` and ``protocols/``:
``--workspace DIR``, else ``NAMND_HOME``, else the current folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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


def resolve(workspace: str | os.PathLike | None = None, db_url: str | None = None) -> Workspace:
    """Resolve the workspace from arguments, then the environment, then the current folder."""
    root = Path(workspace or os.environ.get("NAMND_HOME") or Path.cwd()).expanduser().resolve()
    url = db_url or os.environ.get("NAMND_DATABASE_URL") or f"sqlite:///{root / DB_FILENAME}"
    if url.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; a bare postgresql:// URL would ask for psycopg2.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return Workspace(root=root, database_url=url)
