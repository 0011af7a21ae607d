"""What happens at a § in the meeting room: yrkanden, votering, reservationer and jäv.

Mixed into :class:`~namnd.tui.screens.protocol.ProtocolScreen`; what it uses of the
screen is declared, typed, in :class:`~namnd.tui.screens.protocol_host.ProtocolHost`.
Each event is one key and at most one small dialog, so the secretary keeps up with the
meeting; it is saved in a worker (``_save``), after any save of the § on its way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from namnd.domain.kinds import AttendeeKind, VoteChoice, YrkandeKind
from namnd.domain.protocol import Note, Reservation, Vote, Yrkande
from namnd.rules.attendance_changes import CHANGES, change
from namnd.rules.protocol_rules import outcome, serving
from namnd.rules.protocol_text import decision_process, default_vote
from namnd.rules.swedish_numbers import counted
from namnd.tui.screens.vote import VoteScreen
from namnd.tui.store_writes import write
from namnd.tui.widgets.dialogs import ConfirmDialog, TextAreaDialog, TextDialog
from namnd.tui.widgets.entry_dialog import EntryDialog, Field

if TYPE_CHECKING:
    from namnd.rules.assignment_extraction import ProposedAssignment
    from namnd.tui.screens.protocol_host import ProtocolHost
else:
    ProtocolHost = object


class MeetingEvents(ProtocolHost):
    """The protocol screen's actions for the events of one §."""

    def _serving_options(self, first: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
        assert self.view is not None and self.number is not None
        people = serving(self.view.protocol, self.number)
        people.sort(key=lambda a: a.name not in first)
        return tuple((a.display, a.name) for a in people)

    def action_yrkande(self) -> None:
        kinds = tuple((k.label, k.value) for k in YrkandeKind)
        fields = [
            Field("by", "Vem yrkar", self._serving_options()),
            Field("kind", "Yrkande", kinds),
            Field("text", "Text (t.ex. ”motionen”, ändringens lydelse; tomt = förslaget)"),
        ]

        def done(values: dict[str, str] | None) -> None:
            if values:
                yrkande = Yrkande((values["by"],), YrkandeKind(values["kind"]), values["text"])
                self._save(lambda p: {"yrkanden": (*p.yrkanden, yrkande)})

        self.app.push_screen(EntryDialog("Yrkande", fields), done)

    def action_vote(self) -> None:
        assert self.view is not None and self.number is not None
        paragraph = self._current()
        protocol = self.view.protocol
        vote = paragraph.vote or default_vote(protocol, paragraph)
        chair = protocol.chair
        screen = VoteScreen(serving(protocol, self.number), vote, chair.name if chair else None)

        def done(vote: Vote | None) -> None:
            if vote:
                self._save(lambda p: {"vote": vote})

        self.app.push_screen(screen, done)

    def action_reservation(self) -> None:
        """Those who lost the vote first; nobody who has reserved already.

        "Till förmån för eget yrkande" is proposed only for someone who made a yrkande.
        """
        paragraph = self._current()
        losers: tuple[str, ...] = ()
        if paragraph.vote is not None:
            assert self.view is not None
            chair = self.view.protocol.chair
            won = outcome(paragraph.vote, chair.name if chair else None)
            lost = VoteChoice.NO if won is VoteChoice.YES else VoteChoice.YES
            losers = tuple(b.name for b in paragraph.vote.ballots if b.choice is lost)
        reserved = {name for r in paragraph.reservations for name in r.by}
        people = tuple(o for o in self._serving_options(losers) if o[1] not in reserved)
        if not people:
            self.notify("Alla som tjänstgör har redan reserverat sig.", title="Reservation")
            return
        movers = {name for m in paragraph.yrkanden for name in m.by}
        own = tuple((name, "till förmån för eget yrkande") for _d, name in people if name in movers)
        fields = [
            Field("by", "Vem reserverar sig", people),
            Field("reason", "Skäl", follows="by", suggest=own),
            Field("written", "Skriftlig reservation (kan lämnas fram till justering)"),
        ]

        def done(values: dict[str, str] | None) -> None:
            if values:
                reservation = Reservation((values["by"],), values["reason"], values["written"])
                self._save(lambda p: {"reservations": (*p.reservations, reservation)})

        self.app.push_screen(EntryDialog("Reservation", fields), done)

    def action_note(self) -> None:
        fields = [
            Field("by", "Vem", self._serving_options()),
            Field("text", "Protokollsanteckning"),
        ]

        def done(values: dict[str, str] | None) -> None:
            if values and values["text"]:
                note = Note((values["by"],), values["text"])
                self._save(lambda p: {"notes": (*p.notes, note)})

        self.app.push_screen(EntryDialog("Protokollsanteckning", fields), done)

    def action_recusal(self) -> None:
        fields = [Field("by", "Vem anmäler jäv", self._serving_options())]

        def done(values: dict[str, str] | None) -> None:
            if values:
                self._save(lambda p: {"recused": (*p.recused, values["by"])})

        self.app.push_screen(EntryDialog("Jäv", fields), done)

    def action_immediate(self) -> None:
        self._save(lambda p: {"immediate": not p.immediate})

    def action_confidential(self) -> None:
        self._save(lambda p: {"confidential": not p.confidential})

    def action_dispatch(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                receivers = tuple(r.strip() for r in text.split(";") if r.strip())
                self._save(lambda p: {"dispatch_to": receivers})

        current = "; ".join(self._current().dispatch_to)
        prompt = "Expedieras till (åtskilda med ;)"
        self.app.push_screen(TextDialog(prompt, value=current, allow_empty=True), done)

    def action_add_paragraph(self) -> None:
        def done(title: str | None) -> None:
            if title:
                self._flush(then=lambda: add(title))

        def add(title: str) -> None:
            assert self.view is not None
            after = None if self.number is None else self.view.ids[self.number]
            self._guard(
                lambda: self.store.protocols.add_paragraph(self.meeting_id, title, after_id=after),
                then=self._goto,
            )

        self.app.push_screen(TextDialog("Rubrik för den nya paragrafen"), done)

    def action_remove_paragraph(self) -> None:
        paragraph = self._current()
        assert self.view is not None
        paragraph_id = self.view.ids[paragraph.number]

        def done(yes: bool | None) -> None:
            if yes:
                self._guard(
                    lambda: self.store.protocols.remove_paragraph(
                        self.meeting_id, paragraph_id=paragraph_id
                    ),
                    then=lambda _removed: self._reload(),
                )

        question = f"Ta bort § {paragraph.number} {paragraph.title}? Följande §§ numreras om."
        self.app.push_screen(ConfirmDialog(question, yes="Ta bort", destructive=True), done)

    def action_propose_assignments(self) -> None:
        """Read the uppdrag the minuted beslut gives; confirm them into the register."""
        from namnd.operations.assignments import confirm_proposals, propose_for_paragraph
        from namnd.tui.widgets.assignment_proposals import AssignmentProposalsDialog

        paragraph = self._current()
        if paragraph.item is None:
            self.notify("Paragrafen hör inte till något ärende.", title="Nämnduppdrag")
            return
        item = paragraph.item

        def read() -> None:
            decision = self._current().decision_md
            write(
                self,
                lambda: propose_for_paragraph(self.store, self.meeting_id, item, decision),
                title="Nämnduppdrag",
                done=ask,
            )

        def ask(found: tuple[int, list[ProposedAssignment]]) -> None:
            arende_id, proposals = found
            if not proposals:
                self.notify("Beslutet ger inga nämnduppdrag.", title="Nämnduppdrag")
                return

            def confirmed(chosen: list[ProposedAssignment] | None) -> None:
                if chosen:
                    self._guard(
                        lambda: confirm_proposals(
                            self.store, arende_id, self.meeting_id, chosen, by=self.user
                        ),
                        then=registered,
                    )

            self.app.push_screen(AssignmentProposalsDialog(proposals), confirmed)

        def registered(added: int) -> None:
            self.notify(
                f"{counted(added, 'nämnduppdrag registrerat', 'nämnduppdrag registrerade')}.",
                title="Nämnduppdrag",
            )

        self._flush(then=read)

    def action_process(self) -> None:
        """Edit the beslutsgång; left as generated it keeps following the yrkanden."""
        assert self.view is not None
        paragraph = self._current()
        generated = decision_process(self.view.protocol, paragraph)

        def done(text: str | None) -> None:
            if text is not None:
                self._save(
                    lambda p: {"process_md": "" if text.strip() == generated else text.strip()}
                )

        prompt = "Beslutsgång (propositionsordning, votering)"
        self.app.push_screen(TextAreaDialog(prompt, paragraph.process_md or generated), done)

    def action_attendance_change(self) -> None:
        """Someone leaves, arrives or an ersättare steps in, at the current §."""
        assert self.view is not None and self.number is not None
        protocol, number = self.view.protocol, self.number
        # An ersättare present before stepping in has two lines but is one person.
        people = tuple(dict.fromkeys((a.display, a.name) for a in protocol.attendees))
        members = tuple(
            (a.display, a.name) for a in protocol.attendees if a.kind is AttendeeKind.MEMBER
        )
        fields = [
            Field("name", "Vem", people),
            Field("what", "Ändring", tuple((label, code) for code, label in CHANGES)),
            Field("replaces", "För (bara när en ersättare går in)", members),
        ]

        def done(values: dict[str, str] | None) -> None:
            if values:
                self._flush(then=lambda: record(values))

        def record(values: dict[str, str]) -> None:
            self._guard(
                lambda: self.store.protocols.save_attendance(
                    self.meeting_id,
                    change(protocol, values["name"], values["what"], number, values["replaces"]),
                ),
                then=lambda _saved: self._reload(),
            )

        self.app.push_screen(EntryDialog(f"Närvaroändring vid § {number}", fields), done)
