"""Typed changes: which fields of a stored row a form or a command sets, by name.

A form saves only what it shows, so an update names some fields and leaves the others as
stored. Each class below spells out the fields one table lets the user change; a field
left at :data:`KEEP` is not touched. A misspelt field is a ``TypeError`` when the
change is made (and a mypy error before that), never a change silently not saved.

The Store (``namnd.storage.stores``) hands :meth:`Changes.as_dict` to the storage
function, which checks the values and writes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from enum import Enum
from typing import TYPE_CHECKING, Final

from namnd.domain.kinds import ArendeKind, DueKind
from namnd.domain.organ_settings import OrganSettings

if TYPE_CHECKING:  # the delegation tables stay off the TUI's first paint
    from namnd.domain.delegation_tables import DelayReason, ReportLaw


class Unchanged(Enum):
    """The value of a field an update leaves as it is stored."""

    KEEP = "keep"


#: Leave this field as it is stored (every field's default).
KEEP: Final = Unchanged.KEEP


@dataclass(frozen=True, kw_only=True)
class Changes:
    """The fields set on a stored row; subclasses name them."""

    def as_dict(self) -> dict[str, object]:
        """The fields that are set, by name (what the storage functions take)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in values.items() if value is not KEEP}


@dataclass(frozen=True, kw_only=True)
class ArendeChanges(Changes):
    """What the ärende editor (and an import) sets on an ärende; ``title`` for a new one."""

    title: str | Unchanged = KEEP
    dnr: str | Unchanged | None = KEEP
    related_dnrs: list[str] | Unchanged = KEEP
    external_ref: str | Unchanged | None = KEEP
    kind: ArendeKind | Unchanged = KEEP
    handlers: list[str] | Unchanged = KEEP
    recipients: list[str] | Unchanged = KEEP
    memo_date: dt.date | Unchanged | None = KEEP
    reply_by: dt.date | Unchanged | None = KEEP
    memo_title: str | Unchanged = KEEP
    proposal: list[str] | Unchanged = KEEP
    administration_proposal: list[str] | Unchanged | None = KEEP
    preamble_md: str | Unchanged = KEEP
    summary_md: str | Unchanged = KEEP
    body_md: str | Unchanged = KEEP
    signatures: list[str] | Unchanged = KEEP
    dispatch_to: list[str] | Unchanged = KEEP
    sent_later: str | Unchanged | None = KEEP
    confidential: bool | Unchanged = KEEP


@dataclass(frozen=True, kw_only=True)
class MeetingDetailsChanges(Changes):
    """The kallelse details form: day, time, place, justering and who signs."""

    date: dt.date | Unchanged = KEEP
    start_time: dt.time | Unchanged | None = KEEP
    place: str | Unchanged = KEEP
    kallelse_date: dt.date | Unchanged | None = KEEP
    justering_text: str | Unchanged = KEEP
    chair_name: str | Unchanged = KEEP
    secretary_name: str | Unchanged = KEEP
    secretary_title: str | Unchanged = KEEP


@dataclass(frozen=True, kw_only=True)
class AssignmentChanges(Changes):
    """A nämnduppdrag's own fields (``text`` for a new one); status has its own method."""

    text: str | Unchanged = KEEP
    assignee: str | Unchanged = KEEP
    report_to: str | Unchanged = KEEP
    given_on: dt.date | Unchanged | None = KEEP
    due_date: dt.date | Unchanged | None = KEEP
    due_kind: DueKind | Unchanged | None = KEEP
    due_text: str | Unchanged = KEEP
    origin_dnr: str | Unchanged | None = KEEP
    origin_note: str | Unchanged = KEEP


@dataclass(frozen=True, kw_only=True)
class UnexecutedDecisionChanges(Changes):
    """A registered ej verkställt beslut's fields (personal data: never public)."""

    law: ReportLaw | Unchanged = KEEP
    insats: str | Unchanged = KEEP
    lagrum: str | Unchanged = KEEP
    decision_date: dt.date | Unchanged = KEEP
    sex: str | Unchanged = KEEP
    executed_on: dt.date | Unchanged | None = KEEP
    interrupted_on: dt.date | Unchanged | None = KEEP
    reason: DelayReason | Unchanged | None = KEEP
    reason_text: str | Unchanged = KEEP


@dataclass(frozen=True, kw_only=True)
class OrganRulesChanges(Changes):
    """The sammanträdesordning's rules: day counts (checked against the law), time, place."""

    kallelse_days: int | Unchanged = KEEP
    case_stop_days: int | Unchanged = KEEP
    presidium_days: int | Unchanged = KEEP
    justering_days: int | Unchanged = KEEP
    posting_days: int | Unchanged = KEEP
    appeal_weeks: int | Unchanged = KEEP
    default_time: dt.time | Unchanged | None = KEEP
    default_place: str | Unchanged = KEEP


@dataclass(frozen=True, kw_only=True)
class OrganChanges(Changes):
    """Some of an organ's settings (``domain.organ_settings``); the kod never changes."""

    name: str | Unchanged = KEEP
    diarium_prefix: str | Unchanged = KEEP
    dnr_format: str | Unchanged = KEEP
    parent: str | Unchanged = KEEP
    administration: str | Unchanged = KEEP
    municipality: str | Unchanged = KEEP
    secretary_name: str | Unchanged = KEEP
    secretary_title: str | Unchanged = KEEP
    archive_place: str | Unchanged = KEEP
    osl_reference: str | Unchanged = KEEP
    template_path: str | Unchanged = KEEP

    @classmethod
    def every_field_of(cls, settings: OrganSettings) -> OrganChanges:
        """All of ``settings`` but the kod (what the organ form saves)."""
        values = asdict(settings)
        del values["code"]
        return cls(**values)
