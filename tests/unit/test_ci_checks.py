"""CI runs exactly the README's checks and tests, and the layers' contracts hold."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"Run the checks and the tests.*?```sh\n(.*?)```", readme, re.S)
    assert block, "README: the 'Run the checks and the tests' block"
    return block[1].strip().splitlines()


def test_ci_runs_the_readme_commands_in_order():
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    commands = _readme_commands()
    assert commands[-1] == ".venv/bin/python -m pytest"
    start = ci.index(commands[0])
    assert ci[start : start + len(commands)] == commands


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
