"""The real TUI in a real terminal: closing it (SIGHUP) or SIGTERM right after typing
loses nothing. Runs the ``namnd`` entry point inside tmux, which gives a pty, keys and a
readable screen; skipped where tmux is not installed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from namnd.storage.store import Store
from namnd.storage.workspace import resolve

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

NAMND = Path(sys.executable).with_name("namnd")
#: 46 characters, typed in one burst: well inside any autosave delay.
TYPED = "Tillagt precis innan terminalen stängdes, 46 t"
assert len(TYPED) == 46


class Terminal:
    """One tmux server of our own with the app in its only pane."""

    def __init__(self, workspace: Path) -> None:
        self.socket = f"namnd-test-{uuid.uuid4().hex[:8]}"
        env = {
            "NAMND_HOME": str(workspace),
            "NAMND_USER": "sekreteraren",
            "TERM": "xterm-256color",
        }
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.tmux(
            "new-session",
            "-d",
            "-x",
            "140",
            "-y",
            "44",
            "-s",
            "app",
            f"exec env -u COLUMNS -u LINES {exports} {NAMND}",
        )
        # A pane whose app died keeps its last screen (a traceback) for the failure message.
        self.tmux("set-option", "-t", "app", "remain-on-exit", "on")
        self.pid = int(self.tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-f", "/dev/null", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def history(self) -> str:
        """Everything the pane printed, e.g. a traceback longer than the screen."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", "app")

    def wait_for(self, text: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen():
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} never showed; the pane printed:\n{self.history()}")
            time.sleep(0.05)

    def wait_until_absent(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} stayed; the screen was:\n{self.screen()}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "app", "-l", text)

    def close(self) -> None:
        """The terminal window closes: tmux hangs up the pty (the app gets SIGHUP)."""
        self.tmux("kill-server")

    def alive(self) -> bool:
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return False
        return state != "Z"

    def wait_until_gone(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while self.alive():
            if time.monotonic() > deadline:
                pytest.fail("the app did not exit")
            time.sleep(0.05)


@pytest.fixture
def demo_workspace(tmp_path, templates) -> Path:
    root = tmp_path / "ws"
    templates.sqlite_into("demo", resolve(root))
    return root


@pytest.fixture
def terminal(demo_workspace):
    term = Terminal(demo_workspace)
    yield term
    term.close()
    if term.alive():
        os.kill(term.pid, signal.SIGKILL)


def _end(terminal: Terminal, how: str) -> None:
    time.sleep(0.1)  # the scenario: 0.1 s after the last key
    if how == "terminal closed":
        terminal.close()
    else:
        os.kill(terminal.pid, getattr(signal, how))
    terminal.wait_until_gone()


HOW = ["terminal closed", "SIGHUP", "SIGTERM"]


@pytest.mark.parametrize("how", HOW)
def test_nothing_typed_in_the_arende_editor_is_lost(demo_workspace, terminal, how):
    terminal.wait_for("Ärenden")
    terminal.keys("Enter")  # the demo meeting, the one with ärenden
    terminal.wait_for("Föredragningslista")
    terminal.keys("e")
    terminal.wait_for("Rubrik")
    terminal.type(TYPED)  # over the rubrik, which is selected on focus
    terminal.wait_for(TYPED[:20])  # on screen: the app has the keys
    _end(terminal, how)
    store = Store.open(resolve(demo_workspace))
    meeting = store.schedule.find_meeting("2019-09-19")
    first = store.agendas.agenda(meeting.id).entries[0]
    assert store.agendas.arende(first.arende_id)[0].title.endswith(TYPED)


@pytest.mark.parametrize("how", HOW)
def test_nothing_typed_in_a_protocol_beslut_is_lost(demo_workspace, terminal, how):
    terminal.wait_for("Ärenden")
    terminal.keys("Enter")
    terminal.wait_for("Föredragningslista")
    terminal.keys("p")
    terminal.wait_for("Första §")
    terminal.type("82")
    terminal.keys("Enter")
    terminal.wait_for("e Skriv beslut")  # the list has the keys
    terminal.keys("e")
    terminal.wait_until_absent("e Skriv beslut")  # the beslut has them
    terminal.type(TYPED)
    terminal.wait_for(TYPED[:20])
    _end(terminal, how)
    store = Store.open(resolve(demo_workspace))
    meeting = store.schedule.find_meeting("2019-09-19")
    assert store.protocols.get(meeting.id).protocol.paragraph(82).decision_md == TYPED
