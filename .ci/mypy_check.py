"""Run mypy and fail on any error not in the checked-in baseline (.ci/mypy-baseline.txt).

The baseline lists the errors the code base still had when the type check was introduced,
one ``path: message  [code]`` per line, without line numbers, so edits above an old error
do not make it new. An error counts as new when its line occurs more often than in the
baseline. Fixing errors never fails: the script says how far the baseline can shrink, and
``--update`` rewrites it (do that only to remove lines, never to accept new errors).

    python .ci/mypy_check.py [--update]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / ".ci" / "mypy-baseline.txt"
_ERROR = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*)$")


def _errors(output: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for line in output.splitlines():
        if match := _ERROR.match(line):
            found[f"{match['path']}: {match['message']}"] += 1
    return found


def main() -> int:
    """Exit 1 when mypy reports an error the baseline does not list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the baseline")
    args = parser.parse_args()
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1):  # 2: mypy itself failed (configuration, crash)
        sys.stderr.write(run.stdout + run.stderr)
        return run.returncode
    found = _errors(run.stdout)
    if args.update:
        BASELINE.write_text("".join(f"{e}\n" for e in sorted(found.elements())), "utf-8")
        print(f"mypy baseline: {found.total()} errors written to {BASELINE.name}")
        return 0
    known = Counter(BASELINE.read_text("utf-8").splitlines()) if BASELINE.exists() else Counter()
    new = found - known
    if new:
        print(f"mypy: {new.total()} new error(s) (not in {BASELINE.name}):")
        for line in run.stdout.splitlines():
            if (m := _ERROR.match(line)) and new[f"{m['path']}: {m['message']}"] > 0:
                print(line)
        return 1
    gone = (known - found).total()
    note = f"; {gone} baseline error(s) fixed, run with --update" if gone else ""
    print(f"mypy: {found.total()} known error(s), none new{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
