"""The user's own settings, kept beside (not in) the shared database.

Who is recorded in logs, the default export folder and the organ last worked on belong
to one person on one machine, not to the nämnd: on a shared PostgreSQL database two
secretaries must not overwrite each other's choices. They live in one small JSON file in
the user's configuration folder (platformdirs; ``NAMND_CONFIG_DIR`` overrides it, which
the tests use), written atomically. A missing or unreadable file means the defaults.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from namnd.atomic_files import write_bytes

FILENAME = "installningar.json"


@dataclass(frozen=True)
class Preferences:
    """One user's settings; ``last_organ`` maps a workspace folder to an organ kod."""

    user_name: str = ""
    export_folder: str = ""
    #: The outgoing mail server as ``smtp://``, ``smtp+starttls://`` or ``smtps://`` URL.
    smtp_url: str = ""
    #: The sender of kallelser and inkallelser, e.g. ``Nämndsekreterare <sekr@kommun.se>``.
    mail_from: str = ""
    last_organ: dict[str, str] = field(default_factory=dict)

    def organ_for(self, workspace_root: Path) -> str | None:
        """The organ kod last chosen in this workspace, if any."""
        return self.last_organ.get(str(workspace_root))

    def with_organ(self, workspace_root: Path, code: str) -> Preferences:
        return replace(self, last_organ={**self.last_organ, str(workspace_root): code})


def config_dir() -> Path:
    """Where the settings file lives: ``NAMND_CONFIG_DIR``, else the platform's folder."""
    own = os.environ.get("NAMND_CONFIG_DIR")
    if own:
        return Path(own).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("namnd", appauthor=False))


def load() -> Preferences:
    """The saved settings, or the defaults when there are none (or they cannot be read)."""
    try:
        raw = json.loads((config_dir() / FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    organs = raw.get("last_organ")
    return Preferences(
        user_name=str(raw.get("user_name") or ""),
        export_folder=str(raw.get("export_folder") or ""),
        smtp_url=str(raw.get("smtp_url") or ""),
        mail_from=str(raw.get("mail_from") or ""),
        last_organ={str(k): str(v) for k, v in organs.items()} if isinstance(organs, dict) else {},
    )


def save(preferences: Preferences) -> Path:
    """Write the settings atomically; returns the file written."""
    path = config_dir() / FILENAME
    text = json.dumps(asdict(preferences), ensure_ascii=False, indent=2) + "\n"
    write_bytes(path, text.encode("utf-8"))
    return path


def current_user(preferences: Preferences | None = None) -> str:
    """Who is recorded in status and change logs.

    ``NAMND_USER`` first (a shared terminal account can set it per person), then the name
    saved in the settings, then the login name.
    """
    return os.environ.get("NAMND_USER") or (preferences or load()).user_name or getpass.getuser()
