"""Writing an export so that a crash never destroys the previous good file.

Every file namnd writes (Word, PDF, Markdown, ics, backups) is first written to a
temporary file in the target's own folder and then renamed over the target with
``os.replace``, which is atomic on one file system: a kill, a full disk or an error half
way leaves the old file as it was and at most a stray ``.namnd-*.tmp`` beside it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

TEMP_PREFIX = ".namnd-"
TEMP_SUFFIX = ".tmp"


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    The folder is created if needed. On any error (or KeyboardInterrupt) the temporary
    file is removed and ``path`` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _new_temporary(path)
    try:
        yield temporary
        _flush_to_disk(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_with(path: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file, then move it into place; returns ``path``."""
    with replacing(path) as temporary:
        write(temporary)
    return Path(path)


def write_bytes(path: Path, data: bytes) -> Path:
    """``Path.write_bytes`` that never leaves a half-written ``path``."""
    return write_with(path, lambda temporary: temporary.write_bytes(data))


def write_text(path: Path, text: str) -> Path:
    """UTF-8 text, written as :func:`write_bytes` does."""
    return write_bytes(path, text.encode("utf-8"))


def save_document(document, path: Path) -> Path:
    """Save a python-docx ``Document`` to ``path`` through a temporary file."""
    return write_with(path, lambda temporary: document.save(str(temporary)))


def _new_temporary(path: Path) -> Path:
    """An empty file of our own beside ``path``, with the permissions a plain write gives."""
    while True:
        temporary = path.with_name(
            f"{TEMP_PREFIX}{path.stem[:40]}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
        )
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temporary


def _flush_to_disk(path: Path) -> None:
    """Make the new contents durable before the rename makes them visible."""
    with contextlib.suppress(OSError), open(path, "rb+") as handle:
        os.fsync(handle.fileno())
