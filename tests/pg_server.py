"""A throw-away PostgreSQL server for the storage tests, started from the machine's binaries.

initdb refuses to run as root, so under root the server runs as the ``postgres`` (or
``nobody``) user through ``runuser``. Set ``NAMND_TEST_POSTGRES_URL`` to use a server of
your own instead; set ``NAMND_REQUIRE_POSTGRES=1`` (CI does) to fail rather than skip
when no server can be had.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def find_bindir() -> Path | None:
    """The folder with initdb and pg_ctl, or None."""
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class TempPostgres:
    """A running server; ``url(dbname)`` gives a SQLAlchemy URL for one of its databases."""

    bindir: Path
    root: Path
    port: int
    run_as: list[str]

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://namnd@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.run_as, *args], check=True, capture_output=True, text=True)

    @classmethod
    def start(cls) -> TempPostgres:
        bindir = find_bindir()
        if bindir is None:
            raise FileNotFoundError("PostgreSQL server binaries not found")
        root = Path(tempfile.mkdtemp(prefix="namnd-pg-"))
        run_as: list[str] = []
        if os.geteuid() == 0:
            user = "postgres"
            try:
                entry = pwd.getpwnam(user)
            except KeyError:
                user, entry = "nobody", pwd.getpwnam("nobody")
            os.chown(root, entry.pw_uid, entry.pw_gid)
            run_as = ["runuser", "-u", user, "--"]
        server = cls(bindir, root, 0, run_as)
        data = root / "data"
        server._run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "namnd",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-instructions",
        )
        # A free port can be taken by another test process before the server binds it:
        # try another.
        for attempt in range(3):
            server.port = _free_port()
            options = (
                f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                server._run(
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(root / "server.log"),
                    "-w",
                    "start",
                )
                break
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
        return server

    def stop(self) -> None:
        """Stop without a shutdown checkpoint (``immediate``): the folder is deleted next,
        and writing out a run's hundreds of databases first took most of a minute."""
        try:
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
