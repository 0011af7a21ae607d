"""The ordförande's review: the list read-only, both proposals att-sats by att-sats, status flow.

"Granskad" is recorded in the name of the ordförande who reviewed (chosen in a dialog
from the presidium), not the login of the secretary pressing the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown

from namnd.domain.kinds import MeetingStatus
from namnd.domain.models import LateChange, MeetingStatusChange
from namnd.domain.views import AssignmentView
from namnd.errors import NamndError
from namnd.formats.markdown_sections import proposal_markdown
from namnd.rules.kallelse_flow import may_move
from namnd.rules.reply_deadlines import reply_warning
from namnd.rules.report_back import due_at_meeting
from namnd.rules.roster import presidium_names
from namnd.rules.swedish_dates import long_date
from namnd.storage.store import Store
from namnd.tui.messages import announce_change
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import PickDialog, TextDialog
from namnd.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from namnd.domain.agenda import AgendaDocument


def review_markdown(
    view: AgendaDocument,
    history: list[MeetingStatusChange],
    late: list[LateChange],
    missing: Sequence[AssignmentView] = (),
) -> str:
    """The whole review page: status, log, and each ärende with its proposals."""
    m = view.summary
    out = [
        f"# Granskning: {m.organ_name}, {long_date(m.date)}",
        f"Status: **{m.status.label}**",
    ]
    if history:
        out.append(
            "\n".join(
                f"- {h.to_status.label.capitalize()} av {h.changed_by} "
                f"{h.changed_at.astimezone():%Y-%m-%d %H:%M}"
                for h in history
            )
        )
    if late:
        out.append("## Ändringar efter utskick")
        out.append("\n".join(f"- **{c.label}**: {c.arende_title} – {c.description}" for c in late))
    late_replies = [
        w
        for w in (reply_warning(e.arende.title, e.arende.reply_by, m.date) for e in view.entries)
        if w is not None
    ]
    if late_replies:
        out.append("## Remisstiden går ut före sammanträdet")
        out.append("\n".join(f"- {w}" for w in late_replies))
    if missing:
        out.append("## Uppdrag som ska återrapporteras men saknas på listan")
        out.append("\n".join(f"- **{a.due_label}**: {a.text} ({a.origin_label})" for a in missing))
    for number, entry in enumerate(view.entries, start=1):
        item = entry.arende
        out.append(f"## {number}. {item.title}" + (f" ({item.dnr})" if item.dnr else ""))
        if item.administration_proposal and item.administration_proposal != item.proposal:
            out.append("*Kallelsens förslag skiljer sig från förvaltningens.*")
            out.append("**Förslag till beslut**\n\n" + _numbered(item.proposal))
            out.append("**Förvaltningens förslag**\n\n" + _numbered(item.administration_proposal))
        elif item.proposal:
            out.append(proposal_markdown(item.proposal))
        else:
            out.append("*Förslag till beslut saknas.*")
    return "\n\n".join(out) + "\n"


def _numbered(att_satser: Sequence[str]) -> str:
    """Each att-sats on its own numbered line (also a single one, so the two compare)."""
    return "\n".join(f"{n}. {text}" for n, text in enumerate(att_satser, start=1))


class ReviewScreen(Screen[None]):
    """Read-only; the only actions move the kallelse's status (those the flow allows now)."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tillbaka", id="back"),
        Binding("g", "status('reviewed')", "Markera granskad", id="reviewed"),
        Binding("u", "status('sent')", "Markera utskickad", id="sent"),
        Binding("t", "status('draft')", "Tillbaka till utkast", id="draft"),
    ]
    HELP_TITLE = "Granskning"
    PALETTE = (
        ("Kallelse: markera granskad", "status('reviewed')"),
        ("Kallelse: markera utskickad", "status('sent')"),
        ("Kallelse: tillbaka till utkast", "status('draft')"),
    )

    def __init__(self, store: Store, meeting_id: int, *, user: str) -> None:
        super().__init__()
        self.store, self.meeting_id, self.user = store, meeting_id, user
        self.sub_title = "Granskning"
        self.view: AgendaDocument | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review"):
            yield Markdown("", id="review-markdown")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        view = self.store.agendas.agenda(self.meeting_id)
        meeting = view.summary
        missing = due_at_meeting(
            self.store.assignments.find(today=meeting.date, organ_code=meeting.organ_code),
            meeting.date,
        )
        text = review_markdown(
            view,
            self.store.agendas.status_history(self.meeting_id),
            self.store.agendas.late_changes(self.meeting_id),
            missing,
        )
        self.app.call_from_thread(self._show, view, text)

    def _show(self, view: AgendaDocument, text: str) -> None:
        self.view = view
        self.query_one(Markdown).update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the moves the status flow allows from where the kallelse is now."""
        if action != "status" or self.view is None:
            return True
        return may_move(self.view.meeting.status, MeetingStatus(str(parameters[0])))

    def action_status(self, target: str) -> None:
        status = MeetingStatus(target)
        if status is not MeetingStatus.REVIEWED or self.view is None:
            self._move(status, self.user)
            return
        meeting = self.view.meeting
        try:
            seats = self.store.members.seats()
        except NamndError:
            seats = []  # no register: the kallelse's ordförande, or a name typed
        names = presidium_names(seats, meeting.date, meeting.chair_name)

        def chosen(name: str | None) -> None:
            if name:
                self._move(status, name)

        if names:
            options = [(name, name) for name in names]
            self.app.push_screen(
                PickDialog("Granskad av (ordföranden som granskade)", options, ""), chosen
            )
        else:
            self.app.push_screen(TextDialog("Granskad av (ordförandens namn)"), chosen)

    def _move(self, status: MeetingStatus, by: str) -> None:
        def done(_result: object) -> None:
            self.notify(f"Kallelsen är {status.label}.", title="Status")
            announce_change(self, self.meeting_id)
            self._load()

        write(
            self,
            lambda: self.store.agendas.set_status(self.meeting_id, status, by=by),
            title="Status",
            done=done,
        )
