"""What every part of the Store shares: the engine, a read session and a write."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from namnd.storage.database import session_scope

T = TypeVar("T")


class Part:
    """One aggregate's methods over the Store's engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _read(self, *, detached: bool = False) -> Session:
        """A session for reading; ``detached`` keeps loaded rows usable after it closes."""
        return Session(self.engine, expire_on_commit=not detached)

    def _write(self, fn: Callable[..., T], **kwargs: object) -> T:
        """``fn(session=…, **kwargs)`` in one committing session (rolled back on error)."""
        with session_scope(self.engine) as session:
            return fn(session=session, **kwargs)

    def _session(self) -> AbstractContextManager[Session]:
        """A committing session for a write that takes several storage calls."""
        return session_scope(self.engine)
