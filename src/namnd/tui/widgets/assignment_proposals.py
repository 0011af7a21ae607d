"""Confirm or correct the nämnduppdrag read from a decision before they are registered.

A due date the parser could not read is never guessed: the field stays empty with the
reason beside it, and the secretary types the date (or leaves the uppdrag out).
"""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label

from namnd.domain.kinds import DueKind
from namnd.errors import NamndError
from namnd.rules.assignment_extraction import ProposedAssignment
from namnd.rules.due_phrases import DueReading
from namnd.rules.swedish_dates import parse_iso_date


class AssignmentProposalsDialog(ModalScreen[list[ProposedAssignment] | None]):
    """One block per proposal: include it?, its due date (editable); ctrl+s registers.

    Enter belongs to the fields (a checkbox toggles with it), so the heading names the
    keys that answer: ctrl+s registers, Escape cancels.
    """

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Avbryt"),
        Binding("ctrl+s", "register", "Registrera"),
    ]

    def __init__(self, proposals: list[ProposedAssignment]) -> None:
        super().__init__()
        self.proposals = proposals

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-dialog"):
            yield Label(
                "[b]Nämnduppdrag i beslutet[/b] – bekräfta eller rätta före registrering  "
                "(ctrl+s registrerar, Esc avbryter)",
                classes="dialog-title",
            )
            with VerticalScroll(id="proposal-list"):
                for n, proposal in enumerate(self.proposals):
                    due = proposal.due
                    yield Checkbox(Content(proposal.text), value=True, id=f"take-{n}")
                    yield Label(
                        f"Ges till: {escape(proposal.assignee or '–')} · återrapporteras till: "
                        f"{escape(proposal.report_to or 'nämnden')} · "
                        + (
                            escape(due.describe())
                            if due.readable
                            else f"[b]{escape(due.describe())}[/b]"
                        )
                    )
                    yield Input(
                        due.date.isoformat() if due.date else "",
                        placeholder="Ange datum ÅÅÅÅ-MM-DD",
                        id=f"due-{n}",
                    )
            yield Label("", id="proposal-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Registrera", variant="primary", id="register")
                yield Button("Avbryt", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
            return
        self.action_register()

    def action_register(self) -> None:
        try:
            self.dismiss(self._confirmed())
        except NamndError as err:
            self.query_one("#proposal-error", Label).update(f"[b]{escape(str(err))}[/b]")

    def _confirmed(self) -> list[ProposedAssignment]:
        chosen = []
        for n, proposal in enumerate(self.proposals):
            if not self.query_one(f"#take-{n}", Checkbox).value:
                continue
            text = self.query_one(f"#due-{n}", Input).value.strip()
            if not text:
                raise NamndError(f"Ange ett datum för ”{proposal.text[:50]}” eller välj bort det.")
            day = parse_iso_date(text, what="återrapporteringsdatum")
            if day != proposal.due.date:
                due = DueReading(date=day, kind=DueKind.EXACT_DATE, matched=text)
                proposal = dataclasses.replace(proposal, due=due)
            chosen.append(proposal)
        return chosen
