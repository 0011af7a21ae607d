"""Hjälp: every key of the screen it was opened from, in Swedish, read from the bindings.

The lists are built from the screen's and the app's ``BINDINGS`` when the help opens,
so a key added, moved or renamed shows here without anyone editing a help text. Keys
that apply only in a state (Anslag after justering …) are listed with a note while they
do not apply. The few keys that Textual's own widgets and screens bring are named in
Swedish here (:data:`TEXTUAL_KEYS`); Textual's English descriptions are never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Header, Static

from namnd.tui.widgets.footer import Footer

#: Where to read more, shown under the keys.
READ_MORE = (
    "Läs mer i README.md (avsnittet ”In the TUI”) och i docs/: agenda-format.md, "
    "protocol-format.md, roster-format.md och cli.md. ctrl+p visar alla kommandon, "
    "också de som saknar egen tangent."
)
#: Textual's own actions that a user meets, in Swedish (None: not shown in the help).
TEXTUAL_KEYS: dict[str, str | None] = {
    "app.focus_next": "Nästa fält",
    "app.focus_previous": "Föregående fält",
    "screen.copy_text": "Kopiera markerad text",
    "quit": "Avsluta",
    "help_quit": None,
}
#: Keys inside lists and text fields (Textual's widgets), which have no screen binding.
FIELD_KEYS = (
    ("↑ ↓ PgUp PgDn", "Flytta i listan eller texten"),
    ("Enter", "Öppna eller välj det markerade"),
    ("ctrl+z / ctrl+y", "Ångra / gör om i ett textfält"),
    ("F1", "Hjälp också när ett textfält har fokus (där skriver ? ett frågetecken)"),
)
_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "plus": "+",
    "minus": "-",
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Delete",
    "tab": "Tab",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}


@dataclass(frozen=True)
class KeyHelp:
    """One line of the help: the keys, what they do, and whether they apply now."""

    keys: str
    description: str
    available: bool = True


def key_label(key: str) -> str:
    """``ctrl+up`` → ``ctrl+↑``, ``question_mark`` → ``?``, ``f1`` → ``F1``."""
    *mods, name = key.split("+")
    shown = _NAMES.get(name) or (name.upper() if name[:1] == "f" and name[1:].isdigit() else name)
    return "+".join([*mods, shown])


def _entries(node: DOMNode, bindings: list[Binding], palette: dict[str, str]) -> list[KeyHelp]:
    """Bindings with the same action on one line, in binding order."""
    keys: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        if binding.system:
            continue
        description = TEXTUAL_KEYS.get(binding.action, binding.description)
        if not description:
            continue
        keys.setdefault((binding.action, description), []).append(key_label(binding.key))
    out = []
    for (action, description), labels in keys.items():
        detail = palette.get(action, "")
        if detail.casefold().startswith(description.casefold()):
            text = detail  # "Expediera – utdrag till alla …" says it all
        else:
            text = f"{description} – {detail}" if detail else description
        out.append(KeyHelp(", ".join(dict.fromkeys(labels)), text, _available(node, action)))
    return out


def _available(node: DOMNode, action: str) -> bool:
    """What the screen's ``check_action`` says now (a dimmed or hidden key is not)."""
    namespace, name, parameters = parse(action)
    target = node.app if namespace == "app" else node
    return bool(target.check_action(name, parameters))


def _palette_details(screen: Screen) -> dict[str, str]:
    """The palette entry for an action, without its "Grupp: " (the longer wording)."""
    return {
        action: detail[:1].upper() + detail[1:]
        for title, action in getattr(screen, "PALETTE", ())
        for detail in [title.split(": ", 1)[-1]]
    }


def _bindings(node: DOMNode, *, own: bool) -> list[Binding]:
    """``node``'s bindings: its own (``own``) or those Textual's classes bring."""
    textual_actions = {k for k in TEXTUAL_KEYS if k not in ("quit",)}
    return [
        b
        for _key, b in node._bindings  # the active map: keymaps and inheritance applied
        if (b.action in textual_actions) != own
    ]


def screen_keys(screen: Screen) -> list[KeyHelp]:
    """The keys of ``screen`` itself, in its ``BINDINGS`` order."""
    return _entries(screen, _bindings(screen, own=True), _palette_details(screen))


def general_keys(screen: Screen) -> list[KeyHelp]:
    """Keys that work on every screen: the app's and Textual's."""
    app = screen.app
    return _entries(app, [b for _k, b in app._bindings], {}) + _entries(
        screen, _bindings(screen, own=False), {}
    )


def _table(title: str, rows: list[KeyHelp]) -> Table:
    # Text, not markup: a screen's sub-title may name what the user typed.
    table = Table(
        title=Text(title, style="table.title"), title_justify="left", expand=True, show_edge=False
    )
    table.add_column("Tangent", no_wrap=True)
    table.add_column("Gör", ratio=1)
    for row in rows:
        if row.available:
            table.add_row(Text(row.keys, style="bold"), Text(row.description))
        else:
            table.add_row(
                Text(row.keys, style="dim"),
                Text(f"{row.description} (inte nu)", style="dim"),
            )
    return table


class HelpScreen(Screen[None]):
    """The keys of one screen, then those that work everywhere; Esc, ? or F1 closes."""

    BINDINGS = [
        Binding("escape,question_mark,f1", "close", "Stäng", id="close"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.for_screen = screen
        self.title_text = getattr(screen, "HELP_TITLE", "") or screen.sub_title or "Skärmen"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Static(_table(self.title_text, screen_keys(self.for_screen)), id="help-screen")
            yield Static(_table("Överallt", general_keys(self.for_screen)), id="help-general")
            yield Static(
                _table("I listor och textfält", [KeyHelp(k, d) for k, d in FIELD_KEYS]),
                id="help-fields",
            )
            yield Static(READ_MORE, id="help-more")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Hjälp: {self.title_text}"
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss()
