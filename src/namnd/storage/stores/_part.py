"""What every part of the Store shares: the engine, a read session and a write."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from namnd.storage.database import joined_read, session_scope

T = TypeVar("T")


class Part:
    """One aggregate's methods over the Store's engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _read(self, *, detached: bool = False) -> AbstractContextManager[Session]:
        """A session for reading (``database.joined_read``: inside a snapshot, that one)."""
        return joined_read(self.engine, detached=detached)

    def _write(self, fn: Callable[..., T], **kwargs: object) -> T:
        """``fn(session=…, **kwargs)`` in one committing session (rolled back on error)."""
        with session_scope(self.engine) as session:
            return fn(session=session, **kwargs)

    def _session(self) -> AbstractContextManager[Session]:
        """A committing session for a write that takes several storage calls."""
        return session_scope(self.engine)
