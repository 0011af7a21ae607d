"""Förhinder and inkallelse: who cannot come to a meeting, and which ersättare was called in.

A förhinder is reported before the meeting (by phone, by e-mail, in the corridor) and
recorded by the secretary; each inkallelse answers one förhinder. An inkallelse refused
by the mail server stays as a row with its refusal, so the log shows every attempt, but
only a delivered, telephoned or drafted one calls the ersättare in (see
``rules.inkallelse``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from namnd.domain.coltypes import EnumCode
from namnd.domain.kinds import CallInMethod


class ForhinderRow(SQLModel, table=True):
    """A seat-holder's förhinder for one meeting."""

    __tablename__ = "forhinder"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id")
    reported_at: dt.datetime = Field(description="When the förhinder was reported.")
    note: str = Field(default="", description="E.g. 'sjuk', 'ringde 8.15'.")
    recorded_by: str = ""


class InkallelseRow(SQLModel, table=True):
    """One attempt to call an ersättare in for a förhinder, and what became of it."""

    __tablename__ = "inkallelse"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    forhinder_id: int = Field(foreign_key="forhinder.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", description="The ersättare called in.")
    method: CallInMethod = Field(sa_type=EnumCode(CallInMethod))
    called_at: dt.datetime
    sent_at: dt.datetime | None = Field(
        default=None, description="When the mail server accepted it; None if not sent."
    )
    delivery: str = Field(default="", description="The server's refusal, or where drafted.")
    recorded_by: str = ""
