"""Utskick from the föredragningslista (``S``): confirm who gets which version, then send.

The confirm dialog counts the recipients per version; the PDFs and the SMTP session run
in a worker with a progress bar; the result lists every recipient by name, refused ones
first with the server's answer, so the secretary sees whom to reach another way.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Header, ProgressBar, Static

from namnd.errors import NamndError, PublicationRefused
from namnd.operations.send_kallelse import Outcome, Plan
from namnd.rules.mailing import version_label
from namnd.rules.swedish_numbers import counted
from namnd.storage.store import Store
from namnd.tui.messages import announce_change
from namnd.tui.widgets.dialogs import show_refusal
from namnd.tui.widgets.footer import Footer


def confirm_text(plan: Plan) -> str:
    """``Skicka kallelsen till 23 mottagare: 21 får kallelse med handlingar, 2 …``."""
    what = "tillägget till kallelsen" if plan.tillagg else "kallelsen"
    parts = [
        f"{plan.internal} får {version_label(False)}" if plan.internal else "",
        f"{plan.public} får {version_label(True)}" if plan.public else "",
    ]
    text = (
        f"Skicka {what} till {counted(len(plan.to_send), 'mottagare', 'mottagare')}: "
        + " och ".join(p for p in parts if p)
        + "."
    )
    if plan.already:
        text += f" {counted(plan.already, 'mottagare', 'mottagare')} har redan fått den."
    if plan.without_address:
        text += f" Saknar e-post: {', '.join(plan.without_address)}."
    return text


class SendScreen(Screen[None]):
    """One utskick under way, then its outcome per recipient."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Tillbaka", id="back")]

    def __init__(self, store: Store, meeting_id: int, *, tillagg: bool = False) -> None:
        super().__init__()
        self.store, self.meeting_id, self.tillagg = store, meeting_id, tillagg
        self.sub_title = "Tillägg till kallelse" if tillagg else "Skicka kallelsen"
        self.outcome: Outcome | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProgressBar(id="send-progress", show_eta=False)
        with VerticalScroll(id="send-result"):
            yield Static("Förbereder utskicket …", id="send-status")
        yield Footer()

    def on_mount(self) -> None:
        self._send()

    @work(thread=True, exclusive=True, group="send")
    def _send(self) -> None:
        from namnd.operations.send_kallelse import send

        def progress(done: int, total: int, text: str) -> None:
            self.app.call_from_thread(self._progress, done, total, text)

        try:
            outcome = send(
                self.store,
                str(self.meeting_id),
                tillagg=self.tillagg,
                by=self.app.user,  # type: ignore[attr-defined]
                progress=progress,
            )
        except PublicationRefused as err:
            self.app.call_from_thread(show_refusal, self.app, err)
            self.app.call_from_thread(self._failed, "spärren fann fynd i den offentliga kallelsen.")
            return
        except NamndError as err:
            self.app.call_from_thread(self._failed, str(err))
            return
        self.app.call_from_thread(self._done, outcome)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#send-status", Static).update(Content(text))

    def _failed(self, text: str) -> None:
        self.query_one("#send-status", Static).update(f"[b]Inget skickades:[/b] {escape(text)}")
        self.notify(text, title="Utskick", severity="error", timeout=12)

    def _done(self, outcome: Outcome) -> None:
        self.outcome = outcome
        bar = self.query_one(ProgressBar)
        bar.update(total=1, progress=1)
        sent = [r for r in outcome.results if not r.error]
        lines = [
            f"[b]Skickat till {counted(len(sent), 'mottagare', 'mottagare')}[/b]"
            + (f", [b]{len(outcome.refused)} nåddes inte[/b]" if outcome.refused else "")
            + "."
        ]
        for result in outcome.refused:
            lines.append(f"✗ {escape(result.recipient.name)}: {escape(result.error)}")
        for result in sent:
            lines.append(
                f"✓ {escape(result.recipient.name)} – {version_label(result.recipient.public)}"
            )
        for name in outcome.plan.without_address:
            lines.append(f"– {escape(name)}: saknar e-post")
        if outcome.marked_sent:
            lines.append("Kallelsen är markerad som utskickad.")
            announce_change(self, self.meeting_id)
        elif outcome.refused:
            lines.append(
                "Tryck S på föredragningslistan igen för att skicka till dem som inte nåddes."
            )
        self.query_one("#send-status", Static).update("\n".join(lines))
        self.notify(lines[0].replace("[b]", "").replace("[/b]", ""), title="Utskick")
