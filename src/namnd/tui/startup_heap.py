"""Start-up's objects left out of the garbage collector's later full collections.

Once the first screen is up and the Store open, a namnd process holds Textual,
SQLAlchemy, SQLModel, namnd's own modules and the meetings list: some 100 000 objects
that live until namnd ends. Each of Python's full collections walked them all again
(with the demo's föredragningslista open, 41 ms over 154 000 objects on a quiet machine
and 112 ms on a busy one, against 4.6 ms in a bare Textual app: ``bench/gc_pause.py``),
a pause that falls wherever the allocations happen to trip it, in the middle of typing
a beslut as likely as anywhere. Frozen (``gc.freeze``) once, they are never walked
again (9 ms over the 50 000 objects made since; 37 ms busy); what is made later is
collected as before.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_done = False


def freeze_once() -> bool:
    """Collect, then freeze what is left; only the first call does it (True then).

    The collection first, so that start-up's own garbage is freed rather than kept for
    good. Callers wait until what they freeze will live as long as the process.
    """
    global _done
    with _lock:
        if _done:
            return False
        _done = True
    gc.collect()
    gc.freeze()
    return True
