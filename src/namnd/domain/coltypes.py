"""Column types: enums stored as their stable string codes, not as native DB enums.

Native PostgreSQL enums need ``ALTER TYPE`` for every new value; plain strings let a
later migration add a kind without touching existing rows.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class EnumCode(TypeDecorator[StrEnum]):
    """Store a StrEnum member as its value; read it back as the member."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: StrEnum | str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.enum_cls(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum_cls(value)
