"""A LibreOffice left running between conversions, for a process that makes many.

A conversion on a LibreOffice of its own spends about a second of CPU starting it
(loading its libraries) and milliseconds converting a page. Started on a profile where
LibreOffice already runs, ``soffice --convert-to`` only hands the work to that one and
waits for the result: hundredths of a second. So a long-lived process (the TUI) calls
``keep_office_running``; its first conversion starts LibreOffice on the kept profile
(``pdf_archive.office_profile``), whose lock the process then holds until it exits, and
stops it at exit. A one-shot CLI export does not ask (it would start it only to stop it).

LibreOffice keeps running only with a document open (one with none ends once the work
handed to it is done), so it holds an empty Writer document, never shown or saved. Work
may be handed over only once it is up: before that a second start would itself become
the LibreOffice of the profile. It is up when the pipe it was asked to listen on exists
(``--accept=pipe``; a Unix socket ``OSL_PIPE_<uid>_<name>`` in /tmp, which only this
user may connect to). Where that cannot be seen (Windows), or it does not come up,
every conversion starts its own LibreOffice, as without this.

A process that ends without running its exit handlers (killed, or crashed) must not
leave LibreOffice behind: it is started by a small shell (:data:`WATCH`) that ends it,
and itself, once the process that asked for it is gone.

The TUI converts in worker threads, so the state here is changed under a lock, and the
profile's file lock is not bound to the thread that took it (it is released by whichever
thread stops LibreOffice).
"""

from __future__ import annotations

import atexit
import os
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from namnd.renderers import process_group

#: How long the first start may take (a new profile is built then: seconds). Past it the
#: conversion runs on a LibreOffice of its own: a stalled export is worse than a slow one.
START_TIMEOUT = 30.0
#: How long LibreOffice is given to stop when asked before it is killed.
STOP_GRACE = 10.0
#: Where LibreOffice (its OSL layer) makes a named pipe, the second if /tmp is not usable.
#: (It takes no folder from the environment: ``OSL_SOCKET_PATH`` set there is not read.)
PIPE_FOLDERS = (Path("/tmp"), Path("/var/tmp"))
#: Runs LibreOffice (the arguments after the second) while both it and the process whose
#: id is the first argument live, then removes its pipe (the second argument: the paths
#: it may have, separated by colons) and ends its whole process group, LibreOffice too.
WATCH = """
owner=$1; pipes=$2; shift 2
"$@" &
office=$!
while kill -0 "$owner" 2>/dev/null && kill -0 "$office" 2>/dev/null; do sleep 1; done
IFS=:
for pipe in $pipes; do rm -f "$pipe"; done
kill 0
"""


def pipe_paths(name: str) -> list[Path]:
    """Where LibreOffice may make the pipe ``name`` it was asked to listen on."""
    return [folder / f"OSL_PIPE_{os.getuid()}_{name}" for folder in PIPE_FOLDERS]


@dataclass
class KeptOffice:
    """LibreOffice running on the kept profile ``folder``, whose lock is held meanwhile."""

    folder: Path
    lock: Any  # filelock.FileLock
    process: subprocess.Popen[bytes]
    pipe: str

    @property
    def url(self) -> str:
        return (self.folder / "profil").as_uri()

    def running(self) -> bool:
        return self.process.poll() is None

    def wait_until_up(self) -> bool:
        """Whether it came up (its pipe exists) within :data:`START_TIMEOUT`, still running."""
        paths = pipe_paths(self.pipe)
        deadline = time.monotonic() + START_TIMEOUT
        while self.running() and time.monotonic() < deadline:
            if any(path.exists() for path in paths):
                return True
            time.sleep(0.05)
        return False

    def stop(self, *, release: bool = True, grace: float = STOP_GRACE) -> None:
        """End LibreOffice, its whole process group, before the profile is free again."""
        atexit.unregister(self.stop)
        process_group.end(self.process, grace=grace)
        for path in pipe_paths(self.pipe):  # a killed LibreOffice leaves its socket behind
            path.unlink(missing_ok=True)
        if release:
            self.lock.release()


#: Whether LibreOffice stays running between conversions (``keep_office_running``).
_wanted = False
#: The LibreOffice kept running, once a conversion has started it.
_kept: KeptOffice | None = None
#: Held while ``_kept`` is looked at or changed: conversions run in several threads.
_state = threading.RLock()


def keep_office_running() -> None:
    """Leave LibreOffice running after this process's first conversion (see the module)."""
    global _wanted
    _wanted = hasattr(os, "killpg") and hasattr(os, "getuid")  # not on Windows


def running_on(folder: Path) -> KeptOffice | None:
    """The LibreOffice kept running on the profile in ``folder``, if one is.

    One that ended (killed, or it found a LibreOffice left running there) is forgotten,
    and the profile's lock released: the next conversion starts another.
    """
    global _kept
    with _state:
        if _kept is None or _kept.folder != folder:
            return None
        if _kept.running():
            return _kept
        _kept.stop()
        _kept = None
        return None


def runs_at(url: str) -> bool:
    """Whether work on the profile ``url`` is handed to the LibreOffice kept running."""
    with _state:
        return _kept is not None and _kept.url == url


def start(office: str, folder: Path, lock: Any) -> bool:
    """Start LibreOffice on the profile in ``folder``, if wanted and none runs yet.

    Waits until work can be handed to it; ``lock`` (the profile's, held) goes with it.
    False: convert as ever (the lock is still held then, for this one conversion).
    """
    global _kept, _wanted
    with _state:
        if not _wanted or _kept is not None:
            return False
        pipe = f"namnd-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        pipes = ":".join(map(str, pipe_paths(pipe)))
        process = subprocess.Popen(
            ["sh", "-c", WATCH, "sh", str(os.getpid()), pipes,
             office, f"-env:UserInstallation={(folder / 'profil').as_uri()}", "--headless",
             "--invisible", "--norestore", f"--accept=pipe,name={pipe};urp;",
             "private:factory/swriter"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        kept = KeptOffice(folder, lock, process, pipe)
        atexit.register(kept.stop)
        if not kept.wait_until_up():
            kept.stop(release=False)
            (folder / "profil" / ".lock").unlink(missing_ok=True)  # as it left the profile
            _wanted = False  # it does not stay here: no more tries
            return False
        _kept = kept
        return True


def stop(*, grace: float = STOP_GRACE) -> None:
    """Stop the LibreOffice kept running, if one is, given ``grace`` seconds to end.

    At exit, before a hard exit, and when it failed or did not answer (then killed at
    once: ``grace=0``); the next conversion starts another.
    """
    global _kept
    with _state:
        if _kept is not None:
            _kept.stop(grace=grace)
            _kept = None
