"""Which organ the per-organ screens show: one choice for the whole app, remembered.

A workspace may hold a nämnd and its utskott. Ledamöter, sammanträdesordning,
nämnduppdrag and väntetider each belong to one of them, so every such screen has the
same key (``b``, "Byt nämnd") and reads "the current organ" from here. The app keeps the
kod last chosen and saves it in the user's preferences per workspace folder, so namnd
reopens on it. With one organ the key is hidden and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.binding import Binding

from namnd.errors import NotFound

if TYPE_CHECKING:
    from textual.screen import Screen

    from namnd.domain.organ_settings import OrganSettings
    from namnd.storage.store import Store

    _Screen = Screen[None]  # the mixin's screen, for the type checker
else:
    _Screen = object

#: The one key and palette entry for choosing the organ, on every per-organ screen.
PICK_ORGAN = Binding("b", "pick_organ", "Byt nämnd", id="pick_organ")
PICK_ORGAN_ENTRY = ("Byt nämnd", "pick_organ")
NO_ORGAN = "Det finns ingen nämnd ännu."


def organ_in_use(organs: Sequence[OrganSettings], wanted: str | None) -> OrganSettings | None:
    """The organ with kod ``wanted`` if it (still) exists, else the first by name."""
    for organ in organs:
        if organ.code == wanted:
            return organ
    return organs[0] if organs else None


def organ_options(organs: Sequence[tuple[str, str]], current: str | None) -> list[tuple[str, str]]:
    """The picker's rows from (kod, name) pairs: name and kod, the one shown now marked."""
    return [
        (code, f"{name} ({code})" + ("  ← visas nu" if code == current else ""))
        for code, name in organs
    ]


class PerOrganScreen(_Screen):
    """Mixed into a screen that shows one organ's data (before ``Screen`` in the bases).

    The screen calls :meth:`resolve_organ` in its loading worker, uses ``self.organ_code``
    for every Store call and names ``self.organ_name`` in its title; :meth:`organ_changed`
    is called after the user picked another one.
    """

    store: Store
    organ_code: str | None = None
    organ_name: str = ""
    organ_count: int = 0

    def resolve_organ(self) -> OrganSettings:
        """The organ to show (this screen's, else the app's choice); for worker threads."""
        organs = self.store.organs.all()
        organ = organ_in_use(organs, self.organ_code or getattr(self.app, "organ_code", None))
        if organ is None:
            raise NotFound(NO_ORGAN)
        self.organ_count = len(organs)
        self.organ_code, self.organ_name = organ.code, organ.name
        return organ

    def may_pick_organ(self) -> bool:
        """``check_action`` for ``pick_organ``: hidden while there is only one organ."""
        return self.organ_count > 1

    def action_pick_organ(self) -> None:
        """A small list of organs; the screen reloads for the one chosen."""
        organs = [(o.code, o.name) for o in self.store.organs.all()]
        pick_organ(self, organs, self.organ_code, self._organ_picked)

    def _organ_picked(self, code: str) -> None:
        self.organ_code = code
        self.app.choose_organ(code)  # type: ignore[attr-defined]
        self.organ_changed()

    def organ_changed(self) -> None:
        raise NotImplementedError


def pick_organ(
    screen: object,
    organs: Sequence[tuple[str, str]],
    current: str | None,
    then: Callable[[str], None],
    *,
    extra: Sequence[tuple[str, str]] = (),
) -> None:
    """Open the "Byt nämnd" list (``extra`` rows first) and call ``then`` with the kod."""
    # Imported here: the meetings list's first paint does without the dialogs' TextArea.
    from namnd.tui.widgets.dialogs import PickDialog

    def chosen(key: str | None) -> None:
        if key is not None:
            then(key)

    options = [*extra, *organ_options(organs, current)]
    screen.app.push_screen(PickDialog("Byt nämnd", options, NO_ORGAN), chosen)  # type: ignore[attr-defined]
