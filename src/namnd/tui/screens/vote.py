"""An omröstning, live: every serving member's Ja, Nej or Avstår with one key each.

The list holds exactly the beslutande of the § (from the närvaro, jäv and tjänstgöring
ranges), so the totals are checked against the närvaro as they are typed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

from namnd.domain.kinds import VoteChoice
from namnd.domain.protocol import Attendee, Ballot, Vote
from namnd.rules.protocol_rules import outcome, totals
from namnd.tui.widgets.footer import Footer
from namnd.tui.widgets.plain_table import PlainTable


class VoteScreen(ModalScreen[Vote | None]):
    """Record the voteringsproposition and the ballots; ctrl+s when all have voted."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Avbryt"),
        Binding("j", "cast('yes')", "Ja"),
        Binding("n", "cast('no')", "Nej"),
        Binding("a", "cast('abstain')", "Avstår"),
        Binding("J", "rest_yes", "Resten Ja"),
        Binding("ctrl+s", "done", "Spara"),
        # A modal screen does not reach the app's keys: its own way to the help.
        Binding("question_mark,f1", "app.help", "Hjälp"),
    ]
    HELP_TITLE = "Omröstning"

    def __init__(self, voters: list[Attendee], vote: Vote, chair: str | None) -> None:
        super().__init__()
        self.voters, self.chair = voters, chair
        self.yes_for, self.no_for = vote.yes_for, vote.no_for
        self.choices: dict[str, VoteChoice] = {b.name: b.choice for b in vote.ballots}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog vote-dialog"):
            yield Label("[b]Omröstning[/b]: Ja för …")
            yield Input(self.yes_for, id="yes_for", compact=True)
            yield Label("Nej för …")
            yield Input(self.no_for, id="no_for", compact=True)
            yield PlainTable(id="ballots", cursor_type="row")
            yield Label("", id="vote-totals")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Ledamot", "Röst")
        for person in self.voters:
            table.add_row(person.display, self._label(person.name), key=person.name)
        table.focus()
        self._show_totals()

    def _label(self, name: str) -> str:
        choice = self.choices.get(name)
        return choice.label if choice else "–"

    def action_cast(self, code: str) -> None:
        table = self.query_one(DataTable)
        if not self.voters:
            return
        name = self.voters[table.cursor_row].name
        self.choices[name] = VoteChoice(code)
        table.update_cell(name, table.ordered_columns[1].key, self._label(name))
        table.move_cursor(row=min(table.cursor_row + 1, len(self.voters) - 1))
        self._show_totals()

    def action_rest_yes(self) -> None:
        table = self.query_one(DataTable)
        for person in self.voters:
            if person.name not in self.choices:
                self.choices[person.name] = VoteChoice.YES
                table.update_cell(person.name, table.ordered_columns[1].key, "Ja")
        self._show_totals()

    def vote(self) -> Vote:
        """The omröstning as entered, ballots in närvaro order."""
        ballots = tuple(
            Ballot(p.name, self.choices[p.name]) for p in self.voters if p.name in self.choices
        )
        return Vote(
            self.query_one("#yes_for", Input).value.strip(),
            self.query_one("#no_for", Input).value.strip(),
            ballots,
        )

    def _show_totals(self) -> None:
        vote = self.vote()
        count = totals(vote)
        text = (
            f"Ja {count.yes} · Nej {count.no} · Avstår {count.abstain} · "
            f"{count.total} av {len(self.voters)} har röstat"
        )
        if count.total == len(self.voters):
            won = outcome(vote, self.chair)
            text += " · " + (
                "oavgjort: ordföranden måste rösta Ja eller Nej"
                if won is None
                else f"utfall: {won.label}"
            )
        self.query_one("#vote-totals", Label).update(text)

    def action_done(self) -> None:
        missing = [p.display for p in self.voters if p.name not in self.choices]
        label = self.query_one("#vote-totals", Label)
        if missing:
            label.update(Content(f"Röst saknas för {', '.join(missing)}."))
            return
        vote = self.vote()
        if not vote.yes_for or not vote.no_for:
            label.update("Skriv vad Ja och Nej står för.")
            return
        self.dismiss(vote)
