"""The data access object handed to the TUI and the CLI.

Screens and commands hold a :class:`Store`, never a session or SQL. The Store opens
and closes the workspace's database; what it reads and writes is grouped by aggregate
in its parts (``store.protocols``, ``store.agendas`` …, see ``namnd.storage.stores``),
each method opening its own short session so a screen can call it from a worker thread.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from namnd.storage.database import open_database, read_snapshot, session_scope
from namnd.storage.stores.agendas import AgendaStore
from namnd.storage.stores.assignments import AssignmentStore
from namnd.storage.stores.delegation import DelegationStore
from namnd.storage.stores.members import MemberStore
from namnd.storage.stores.organs import OrganStore
from namnd.storage.stores.protocols import ProtocolStore
from namnd.storage.stores.schedule import ScheduleStore
from namnd.storage.stores.search import SearchStore
from namnd.storage.workspace import Workspace


class Store:
    """The workspace database, and its parts by aggregate."""

    def __init__(self, engine: Engine, workspace: Workspace | None = None) -> None:
        self.engine = engine
        #: Where bilaga files are kept (``agendas/handlingar/``); None for a bare engine.
        self.workspace = workspace
        #: Meetings, the sammanträdesordning and its deadlines.
        self.schedule = ScheduleStore(engine)
        #: The föredragningslista, its ärenden and the kallelse's details.
        self.agendas = AgendaStore(engine)
        #: The protokoll: §§, närvaro, justering, signatures, rättelser.
        self.protocols = ProtocolStore(engine)
        #: Nämnduppdrag and their återrapportering.
        self.assignments = AssignmentStore(engine)
        #: Delegationsbeslut lists, the delegationsordning and ej verkställda beslut.
        self.delegation = DelegationStore(engine)
        #: Ledamöter and ersättare.
        self.members = MemberStore(engine)
        #: Each organ's settings.
        self.organs = OrganStore(engine)
        #: Full-text search over ärenden and §§.
        self.search = SearchStore(engine)

    @classmethod
    def open(cls, workspace: Workspace) -> Store:
        """Open (and migrate if needed) the workspace's database."""
        return cls(open_database(workspace), workspace)

    def session(self) -> AbstractContextManager[Session]:
        """A committing session for operations that write (see ``namnd.operations``)."""
        return session_scope(self.engine)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()


P = ParamSpec("P")
R = TypeVar("R")


def one_snapshot(
    use_case: Callable[Concatenate[Store, P], R],
) -> Callable[Concatenate[Store, P], R]:
    """Run ``use_case(store, …)`` with every read it makes in one snapshot.

    For a use case that reads a meeting through several Store methods and exports (the
    anslagstavla, the OParl tree, the arkivpaket): what it writes out is the database as
    of one moment, never half of a save made meanwhile (``database.read_snapshot``).
    """

    @functools.wraps(use_case)
    def run(store: Store, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with read_snapshot(store.engine):
            return use_case(store, *args, **kwargs)

    return run
