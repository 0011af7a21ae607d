"""Tables of the protokoll besides its §§: the record itself, närvaro and rättelser."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from namnd.domain.coltypes import EnumCode
from namnd.domain.kinds import AttendeeKind


class ProtocolRecord(SQLModel, table=True):
    """A meeting's protokoll once opened: end time, justering, anslag, förvaring."""

    __tablename__ = "protocol"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", unique=True, index=True, ondelete="CASCADE")
    end_time: dt.time | None = None
    justerare: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, default=list)
    )
    justering_place: str = ""
    justering_date: dt.date | None = None
    justering_time: dt.time | None = Field(default=None, description="Justeringens tid.")
    justerat_on: dt.date | None = Field(default=None, description="Justerat: then read-only.")
    posted_on: dt.date | None = Field(default=None, description="Anslaget på anslagstavlan.")
    archive: str = Field(default="", description="Förvaringsplats för protokollet.")
    version: int = 1


class AttendanceRow(SQLModel, table=True):
    """One line of the närvaro (see ``domain.protocol.Attendee``)."""

    __tablename__ = "attendance"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    position: int
    name: str
    party: str = ""
    kind: AttendeeKind = Field(sa_type=EnumCode(AttendeeKind))
    function: str = ""
    replaces: str | None = None
    first_paragraph: int | None = None
    last_paragraph: int | None = None


class CorrectionRow(SQLModel, table=True):
    """A rättelse after justering: what changed in which §, why, who and when."""

    __tablename__ = "protocolcorrection"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    number: int
    what: str
    reason: str
    corrected_by: str
    corrected_at: dt.datetime


class SignatureRow(SQLModel, table=True):
    """A PAdES signature on a version of the protokoll's PDF/A: who, with which certificate.

    ``version`` counts the signed files of the meeting (a rättelse after justering starts
    a new one); ``content_sha256`` is the protokoll's text the file was made from, so a
    change before the last signature is seen; ``file_sha256`` the file after this signature.
    """

    __tablename__ = "protocolsignature"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    version: int
    signer_name: str
    role: str
    subject: str
    serial: str
    fingerprint: str
    signed_at: dt.datetime
    file_sha256: str
    content_sha256: str
