"""Ending a program together with every process it started.

LibreOffice is a launcher that starts ``soffice.bin``: ending only the process namnd
started leaves the one doing the work running (and holding its profile). So namnd
starts LibreOffice as the leader of a process group of its own
(``start_new_session=True``) and ends the whole group.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time


def _signal(group: int, number: int) -> bool:
    """Send ``number`` to the group; False if it is gone."""
    try:
        os.killpg(group, number)
    except ProcessLookupError:
        return False
    return True


def end(process: subprocess.Popen[bytes] | subprocess.Popen[str], *, grace: float) -> None:
    """End ``process`` (a group leader) and its group: asked first, then killed.

    The group is asked to stop (SIGTERM, and SIGCONT so a stopped one hears it) and given
    ``grace`` seconds; what is left is killed. Where process groups are not known
    (Windows), only ``process`` is ended.
    """
    if not hasattr(os, "killpg"):
        process.kill()
        process.wait()
        return
    group = process.pid
    if _signal(group, signal.SIGTERM):
        _signal(group, signal.SIGCONT)
    if not _gone(process, within=grace):
        _signal(group, signal.SIGKILL)
        _gone(process, within=KILLED_WITHIN)


#: How long the processes of a killed group may take to be gone (reaped by init).
KILLED_WITHIN = 5.0


def _gone(process: subprocess.Popen[bytes] | subprocess.Popen[str], *, within: float) -> bool:
    """Whether ``process`` and the rest of its group are gone within ``within`` seconds."""
    deadline = time.monotonic() + within
    while process.poll() is None or _signal(process.pid, 0):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True
