"""Tables for imported delegationsbeslut lists and the register of ej verkställda beslut.

Both hold personal data (birth year, sex, reasons for avslag or delay): they are only
ever shown in full in a bilaga marked sekretess, and public exports carry counts only.
The register keeps no name or personnummer: the verksamhetssystem is the case record.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from namnd.domain.coltypes import EnumCode


class ReportLaw(StrEnum):
    """The law a reported gynnande beslut was made under."""

    SOL = "sol"
    LSS = "lss"

    @property
    def label(self) -> str:
        return {"sol": "SoL", "lss": "LSS"}[self.value]


class DelayReason(StrEnum):
    """IVO's reason categories for a beslut not verkställt in time."""

    RESOURCES = "resources"
    DECLINED = "declined"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "resources": "Resursbrist",
            "declined": "Den enskilde har tackat nej till erbjudande",
            "other": "Annat skäl",
        }[self.value]


class DelegationListImport(SQLModel, table=True):
    """One imported list file; the SHA-256 makes a second import of it a no-op."""

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    arende_id: int | None = Field(default=None, foreign_key="arende.id", index=True)
    list_name: str = Field(description="The list's title, e.g. 'LSS/SFB'.")
    period: str = Field(description="'2019-08', or the first and last beslutsdatum.")
    file_name: str
    file_sha256: str = Field(unique=True, index=True, max_length=64)
    file_format: str = Field(description="'tsv', 'csv' or 'xlsx'.")
    row_count: int
    warnings: list[str] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, default=list),
        description="Rows repaired on import, by line.",
    )
    imported_by: str
    imported_at: dt.datetime


class DelegationListRow(SQLModel, table=True):
    """One delegationsbeslut of an imported list, as exported (personal data)."""

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="delegationlistimport.id", index=True, ondelete="CASCADE")
    line: int = Field(description="Line (or sheet row) in the file, for messages.")
    decided_by: str = Field(description="Beslutsfattare.")
    decision_date: dt.date
    decision: str = Field(description="Beslut as exported: 'Bifall Hemtjänst enligt …'.")
    rejection_reason: str = Field(default="", description="Anledning till avslag.")
    birth_year: int | None = None
    sex: str = ""


class UnexecutedDecisionRow(SQLModel, table=True):
    """A gynnande beslut not verkställt within three months (or of an avbrott)."""

    __tablename__ = "unexecuteddecision"

    id: int | None = Field(default=None, primary_key=True)
    organ_id: int = Field(foreign_key="organ.id", index=True)
    law: ReportLaw = Field(sa_type=EnumCode(ReportLaw))
    insats: str = Field(description="E.g. 'Daglig verksamhet'.")
    lagrum: str = Field(description="Editable text, e.g. '9 § 10 LSS', '4 kap. 1 § SoL'.")
    decision_date: dt.date = Field(index=True)
    sex: str = Field(default="", description="As reported: 'K', 'M', 'HEN' or empty.")
    executed_on: dt.date | None = Field(
        default=None, description="Verkställt (after an avbrott: verkställt på nytt)."
    )
    interrupted_on: dt.date | None = Field(default=None, description="Avbrott i verkställighet.")
    reason: DelayReason | None = Field(default=None, sa_type=EnumCode(DelayReason))
    reason_text: str = Field(default="", description="Övriga kommentarer (personal data).")
    updated_by: str = ""
    updated_at: dt.datetime | None = None
    version: int = 1


class UnexecutedOfferRow(SQLModel, table=True):
    """An erbjudande made to the person, and their answer ('ja', 'nej' or not yet)."""

    __tablename__ = "unexecutedoffer"

    id: int | None = Field(default=None, primary_key=True)
    decision_id: int = Field(foreign_key="unexecuteddecision.id", index=True, ondelete="CASCADE")
    offered_on: dt.date
    answer: str = Field(default="", description="'ja', 'nej' or '' (no answer yet).")
    note: str = ""
