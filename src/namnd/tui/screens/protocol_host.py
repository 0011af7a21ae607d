"""What the protokoll screen gives its mixins, typed: the shared state and helpers.

:class:`~namnd.tui.screens.protocol_events.MeetingEvents` and
:class:`~namnd.tui.screens.protocol_closing.Closing` are mixed into
:class:`~namnd.tui.screens.protocol.ProtocolScreen`. They name :class:`ProtocolHost` as
their base only for the type checker (at run time it is ``object`` and this module is not
imported), so every attribute they use of the screen is declared here once and checked
against the screen.
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from namnd.domain.protocol import ProtocolParagraph
    from namnd.domain.views import ProtocolView
    from namnd.rules.deadlines import AfterMeeting
    from namnd.storage.store import Store


T = TypeVar("T")

#: A change to one §, made from the § as last saved: ``{"motions": (*p.yrkanden, new)}``.
#: Built when the save's turn comes, so quick events at one § all keep each other.
Changes = Callable[["ProtocolParagraph"], dict[str, Any]]


class ProtocolHost(Screen[None]):
    """The part of ``ProtocolScreen`` its mixins use."""

    store: Store
    meeting_id: int
    today: dt.date
    view: ProtocolView | None
    after: AfterMeeting | None
    number: int | None
    correcting: bool

    @property
    @abstractmethod
    def user(self) -> str: ...

    @abstractmethod
    def _current(self) -> ProtocolParagraph: ...

    @abstractmethod
    def _save(
        self,
        changes: Changes | None,
        *,
        then: Callable[[], object] | None = None,
        otherwise: Callable[[], object] | None = None,
    ) -> None: ...

    @abstractmethod
    def _flush(
        self,
        then: Callable[[], object] | None = None,
        otherwise: Callable[[], object] | None = None,
    ) -> None: ...

    @abstractmethod
    def _guard(self, step: Callable[[], T], then: Callable[[T], object] | None = None) -> None: ...

    @abstractmethod
    def _goto(self, number: int) -> None: ...

    @abstractmethod
    def _reload(self) -> None: ...

    @abstractmethod
    def _set_state(self, text: str, *, error: bool = False) -> None: ...
