"""Things built once for the whole test run and shared by every pytest-xdist worker.

The demo's kallelse med handlingar takes LibreOffice some eight seconds; with four
workers each building its own, the run paid for it four times. The first worker that asks
builds it under a file lock in the run's own temporary folder; the others wait for it and
read it. What is shared this way is only read by the tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """The folder ``name``, filled by ``build`` the first time any worker of this run asks."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # this run's folder, the workers' own folders are in it
    folder = base / name
    done = base / f"{name}.built"
    with FileLock(base / f"{name}.lock"):
        if not done.exists():
            folder.mkdir()
            build(folder)
            done.touch()
    return folder
