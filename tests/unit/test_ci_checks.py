"""CI runs exactly the README's command, and that command runs the static checks first."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _readme_command() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"Run the checks and the tests.*?```sh\n(.*?)```", readme, re.S)
    assert block, "README: the 'Run the checks and the tests' block"
    (command,) = block[1].strip().splitlines()
    return command


def test_ci_runs_the_readme_command_checks_first():
    command = _readme_command()
    assert command in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert command.index("bash .ci/checks") < command.index("-m pytest")
    checks = (ROOT / ".ci" / "checks").read_text("utf-8")
    for check in ("ruff check", "ruff format --check", "lint-imports", "mypy_check.py"):
        assert check in checks, check
