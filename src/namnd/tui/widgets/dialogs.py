"""Typed modal dialogs: confirm, ask for a line of text, pick one of several."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, TextArea
from textual.widgets.button import ButtonVariant
from textual.widgets.option_list import Option


class ConfirmDialog(ModalScreen[bool]):
    """Do what was asked, or not; Escape means no, and the dialog says what Enter does.

    Enter answers with the action the user asked for ("Planera" plans). Where the action
    destroys something (``destructive``: text, a §, a planned meeting) Enter cancels
    instead, and the action has its own letter, the first of its label, named in words.
    """

    BINDINGS = [Binding("escape", "dismiss(False)", "Avbryt")]

    def __init__(self, question: str, yes: str = "Ja", *, destructive: bool = False) -> None:
        super().__init__()
        self.question, self.yes, self.destructive = question, yes, destructive
        #: The key that confirms a destructive action (Enter does not).
        self.key = yes[:1].lower()
        if destructive:
            self._bindings.bind(self.key, "dismiss(True)", yes, show=False)

    def hint(self) -> str:
        """What Enter does, in words, shown under the question."""
        if self.destructive:
            return f"Enter = Avbryt; tryck {self.key.upper()} för ”{self.yes}”."
        return f"Enter = {self.yes} · Esc = Avbryt"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, markup=False)
            yield Label(self.hint(), id="confirm-hint", classes="dialog-empty", markup=False)
            with Horizontal(classes="dialog-buttons"):
                variant: ButtonVariant = "error" if self.destructive else "primary"
                yield Button(self.yes, variant=variant, id="yes")
                yield Button("Avbryt", id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.destructive else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class TextDialog(ModalScreen[str | None]):
    """One line of text, e.g. a new ärende's rubrik; Escape cancels."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Avbryt")]

    def __init__(
        self, prompt: str, placeholder: str = "", *, value: str = "", allow_empty: bool = False
    ) -> None:
        super().__init__()
        self.prompt, self.placeholder, self.value = prompt, placeholder, value
        #: Enter on an empty line answers "" (a default) instead of cancelling.
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt, markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="answer")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        answer = event.value.strip()
        self.dismiss(answer if answer or self.allow_empty else None)


class PickDialog(ModalScreen[str | None]):
    """Choose one option by id; Escape cancels."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Avbryt")]

    def __init__(self, title: str, options: list[tuple[str, str]], empty: str) -> None:
        super().__init__()
        self.title_text, self.options, self.empty = title, options, empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, markup=False)
            if self.options:
                yield OptionList(*[Option(Content(label), id=key) for key, label in self.options])
            else:
                yield Label(self.empty, classes="dialog-empty", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class TextAreaDialog(ModalScreen[str | None]):
    """Several lines of Markdown, e.g. a beslutsgång; ctrl+s keeps them, Escape cancels."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Avbryt"),
        Binding("ctrl+s", "done", "Spara"),
    ]

    def __init__(self, prompt: str, text: str) -> None:
        super().__init__()
        self.prompt, self.text = prompt, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-dialog"):
            yield Label(f"{self.prompt}  (ctrl+s sparar, Esc avbryter)", markup=False)
            yield TextArea(self.text, id="answer", soft_wrap=True, classes="dialog-area")

    def action_done(self) -> None:
        self.dismiss(self.query_one(TextArea).text)


class FindingsDialog(ModalScreen[None]):
    """Why a public file was not written: each finding of the publication gate, and where.

    The secretary removes the personnummer, the HTML comment or the confidential text
    named here (or marks the ärende sekretess) and exports again; nothing was written.
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "Stäng"), Binding("enter", "dismiss(None)")]

    def __init__(self, title: str, findings: Sequence[str]) -> None:
        super().__init__()
        self.title_text, self.findings = title, list(findings)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog findings"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*(Option(Content(line)) for line in self.findings), id="findings")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Stäng", id="close")

    def on_mount(self) -> None:
        self.query_one("#findings", OptionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


def show_refusal(app, err) -> None:
    """Show a ``PublicationRefused`` as the findings dialog (nothing was written)."""
    app.push_screen(
        FindingsDialog(
            f"{err.target} skrevs inte – det här får inte publiceras:",
            [finding.message for finding in err.findings],
        )
    )
