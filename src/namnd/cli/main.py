"""Entry point of the ``namnd`` console script."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from namnd.errors import NamndError


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; Swedish message and exit code 1 on any user-facing error."""
    from namnd.cli.parser import parse_arguments

    args = parse_arguments(argv)
    try:
        from namnd.cli import commands

        return commands.run(args)
    except NamndError as err:
        print(f"namnd: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("namnd: avbrutet.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # ``namnd members --json | head``: the reader has gone; no traceback for that.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
