"""A small modal form: a few choices and lines of text, answered with ctrl+s or Enter.

Used in the meeting room (yrkande, reservation, jäv …), where speed matters more than
layout: the first field has focus, Enter in the last line saves, Escape cancels. The
fields are compact (one line each) and scroll under a title that stays put, so even a
long form (a new seat) on a 24-line terminal shows what it is and how to save it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select


@dataclass(frozen=True)
class Field:
    """One question: a choice among ``options`` (label, value), or a line of text.

    A text field can follow a choice: ``suggest`` maps the value chosen in the field
    ``follows`` to the text proposed here (nothing for a value not in it). A text the
    user typed over a proposal is kept.
    """

    key: str
    label: str
    options: tuple[tuple[str, str], ...] = ()
    value: str = ""
    follows: str = ""
    suggest: tuple[tuple[str, str], ...] = ()


class EntryDialog(ModalScreen[dict[str, str] | None]):
    """Ask for ``fields``; dismisses with their values, or None on Escape."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Avbryt"),
        Binding("ctrl+s", "done", "Spara"),
    ]

    def __init__(self, title: str, fields: list[Field]) -> None:
        super().__init__()
        self.title_text, self.fields = title, fields

    def compose(self) -> ComposeResult:
        # Not focusable itself: the first field has focus, as before.
        with VerticalScroll(classes="dialog entry-dialog", can_focus=False):
            yield Label(
                f"[b]{escape(self.title_text)}[/b]  (ctrl+s sparar, Esc avbryter)",
                classes="dialog-title",
            )
            for field in self.fields:
                yield Label(field.label, classes="field-label", markup=False)
                if field.options:
                    yield Select(
                        [(Content(label), value) for label, value in field.options],
                        value=field.value or field.options[0][1],
                        allow_blank=False,
                        id=field.key,
                        compact=True,
                    )
                else:
                    value = field.value
                    if field.follows:
                        chosen = next(f for f in self.fields if f.key == field.follows)
                        first = chosen.value or chosen.options[0][1] if chosen.options else ""
                        value = dict(field.suggest).get(first, value)
                    yield Input(value=value, id=field.key, compact=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        chosen = str(event.value)
        for field in self.fields:
            if field.follows and field.follows == event.select.id:
                proposals = dict(field.suggest)
                line = self.query_one(f"#{field.key}", Input)
                if line.value in ("", *proposals.values()):
                    line.value = proposals.get(chosen, "")

    def values(self) -> dict[str, str]:
        """What is filled in now."""
        out = {}
        for field in self.fields:
            if field.options:
                value: object = self.query_one(f"#{field.key}", Select).value
            else:
                value = self.query_one(f"#{field.key}", Input).value
            out[field.key] = str(value).strip()
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == self.fields[-1].key:
            self.action_done()
        else:
            self.focus_next()

    def action_done(self) -> None:
        self.dismiss(self.values())
