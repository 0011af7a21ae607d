"""The footer every namnd screen uses: the screen's keys, then Hjälp (and Kommandon) at the right.

Textual's footer lays the keys out left to right and cuts what does not fit, mid-word,
so the app-wide ``?`` Hjälp (bound last, on the app) would be the first to go on a
narrow terminal. Here it stands at the right edge, where nothing can push it out; the
command palette key joins it from :data:`WIDE` columns (below that the help screen
names ``ctrl+p``). The screen's own keys fill the rest in their ``BINDINGS`` order, and
a key that does not fit whole is left out rather than cut: the help screen lists it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

#: From this many columns the palette key is shown beside Hjälp.
WIDE = 100
#: The action of the help key (bound on the app, and on modal screens that show a footer).
HELP_ACTIONS = frozenset({"help", "app.help"})


class Footer(TextualFooter):
    """Textual's footer with the help and palette keys kept together at the right."""

    DEFAULT_CSS = """
    Footer .footer-right {
        dock: right;
        width: auto;
        height: 1;
    }
    Footer .footer-right FooterKey.-palette {
        border-left: vkey $foreground 20%;
        padding-right: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._sized = False
        self._fit_tries = 0
        #: What the keys shown were composed from (see :meth:`_shown`).
        self._composed: tuple[object, ...] | None = None

    def _shown(self) -> tuple[object, ...]:
        """What the footer's keys are made of: the bindings shown, enabled or not, the width."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return (
            tuple(
                (key, active.binding, active.enabled, active.tooltip)
                for key, active in self.screen.active_bindings.items()
                if active.binding.show or active.binding.action in HELP_ACTIONS or key == palette
            ),
            self.app.size.width >= WIDE,
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        # The screen's bindings are refreshed on every focus change and after most
        # events; recomposing the keys (and restyling each) only when what they show
        # changed keeps a key press cheap.
        if self._bindings_ready and screen is self.screen and self._shown() == self._composed:
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._composed = self._shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if widget.action in HELP_ACTIONS:
                    continue  # shown at the right instead
                self._settle(widget)
            yield widget
        active = self.screen.active_bindings.values()
        help_key = next((b for b in active if b.binding.action in HELP_ACTIONS), None)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        with HorizontalGroup(classes="footer-right"):
            if help_key is not None:
                yield self._right_key(help_key, "-help")
            if palette is not None and self.app.size.width >= WIDE:
                yield self._right_key(palette, "-palette")
        self._fit_tries = 0
        self.call_after_refresh(self._fit)

    def _right_key(self, active: ActiveBinding, classes: str) -> FooterKey:
        """The help or the palette key, for the group at the right edge."""
        binding = active.binding
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            disabled=not active.enabled,
            classes=classes,
        )
        return self._settle(key).data_bind(compact=TextualFooter.compact)

    def _settle(self, key: FooterKey) -> FooterKey:
        """The key in the footer's own style from the start, restyled only if that changes.

        Textual's keys start compact and are bound to the footer's style once mounted:
        two restyles of every key on every recompose (some 40 ms of the first paint).
        Set before mounting, the bound value is already there.
        """
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact", update=False)
        return key

    def on_resize(self) -> None:
        if self._sized:
            # What fits (and the palette key) changes with the width; the recompose
            # itself is async, so ask for it rather than call it.
            self.refresh(recompose=True)
        self._sized = True

    def _fit(self) -> None:
        """Hide the first key that does not fit whole, and every key after it."""
        groups = self.query(".footer-right")
        if not groups:
            return
        keys = [child for child in self.children if child is not groups.first()]
        if not groups.first().region.width or any(
            not key.region.width for key in keys if key.display
        ):
            # Not laid out yet (a recompose after the bindings changed): try once more
            # after the next refresh, rather than measure empty regions.
            self._fit_tries += 1
            if self._fit_tries < 20:
                self.call_after_refresh(self._fit)
            return
        limit = groups.first().region.x
        cut = False
        for child in keys:
            cut = cut or child.region.right > limit
            if cut:
                child.display = False
