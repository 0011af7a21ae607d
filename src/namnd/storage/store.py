"""The data access object handed to the TUI and the CLI.

Screens and commands hold a :class:`Store`, never a session or SQL; every method opens
its own short session so a screen can call it from a worker thread.
"""

from __future__ import annotations

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from namnd.domain.models import Meeting
from namnd.domain.views import AgendaView, MeetingSummary
from namnd.storage import queries
from namnd.storage.database import open_database, session_scope
from namnd.storage.workspace import Workspace


class Store:
    """Read and write the workspace database through named operations."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, workspace: Workspace) -> Store:
        """Open (and migrate if needed) the workspace's database."""
        return cls(open_database(workspace))

    def session(self):
        """A committing session for operations that write (see ``namnd.operations``)."""
        return session_scope(self.engine)

    def is_empty(self) -> bool:
        """True when no meeting has been registered yet (the TUI then offers the demo)."""
        with Session(self.engine) as session:
            return session.exec(select(func.count()).select_from(Meeting)).one() == 0

    def meetings(self, year: int | None = None) -> list[MeetingSummary]:
        """Meetings in date order, optionally of one year."""
        with Session(self.engine) as session:
            return queries.list_meetings(session=session, year=year)

    def find_meeting(self, ref: str) -> MeetingSummary:
        """The meeting named by a date or an id (Swedish error if none or ambiguous)."""
        with Session(self.engine) as session:
            meeting = queries.find_meeting(session=session, ref=ref)
            return queries.agenda_for(session=session, meeting_id=meeting.id).meeting

    def agenda(self, meeting_id: int) -> AgendaView:
        """A meeting's föredragningslista with proposals, summaries and bilagor."""
        with Session(self.engine) as session:
            return queries.agenda_for(session=session, meeting_id=meeting_id)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()
