"""Two people saving the same thing at the same instant, each with their own connection.

Every save that carries the version (or the form's copy) it read must check and write in
one step: of two racing saves exactly one lands and the other gets a Swedish conflict
message. A barrier starts both threads together; each round starts from fresh state.
Both backends: the embedded SQLite and a real PostgreSQL server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from functools import partial

import pytest

from namnd.domain.changes import MeetingDetailsChanges, UnexecutedDecisionChanges
from namnd.domain.kinds import AssignmentStatus, MeetingStatus
from namnd.domain.protocol import Justering
from namnd.errors import InvalidInput, NamndError, StaleEdit
from namnd.storage.store import Store
from tests.protocol_sample import draft_protocol

ROUNDS = 10
DAY = dt.date(2019, 9, 19)


@pytest.fixture
def stores(backend_demo_store, backend_workspace):
    """The demo, and two more Stores (own engines, own connections) for the racers."""
    one, two = Store.open(backend_workspace), Store.open(backend_workspace)
    yield backend_demo_store, one, two
    for store in (one, two):
        store.close()


def race(*calls: Callable[[], object]) -> list[object]:
    """Run ``calls`` in threads released together; each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results[index] = call()
        except Exception as err:  # the outcome is what the test looks at
            results[index] = err

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "a racing save hung"
    return results


def one_wins(results: list[object], match: str) -> int:
    """Exactly one result is a success, the other a StaleEdit in Swedish; the winner."""
    errors = [r for r in results if isinstance(r, BaseException)]
    assert len(errors) == 1, f"expected exactly one conflict, got {results!r}"
    (error,) = errors
    assert isinstance(error, StaleEdit), repr(error)
    assert match in str(error)
    return next(i for i, r in enumerate(results) if not isinstance(r, BaseException))


def _opened(store: Store) -> int:
    meeting = store.schedule.find_meeting(DAY.isoformat()).id
    store.protocols.open(meeting, by="sekr", first_number=82)
    return meeting


def test_two_saves_of_the_same_paragraph_at_once(stores):
    main, one, two = stores
    meeting = _opened(main)
    for round_ in range(ROUNDS):
        view = main.protocols.get(meeting)
        p90, ref = view.protocol.paragraph(90), view.ids[90]
        texts = [f"Runda {round_}: {who}s beslut" for who in ("Annas", "Bos")]
        results = race(
            *(
                partial(
                    s.protocols.save_paragraph,
                    meeting,
                    dataclasses.replace(p90, decision_md=t),
                    view.versions[90],
                    paragraph_id=ref,
                )
                for s, t in zip((one, two), texts, strict=True)
            )
        )
        winner = one_wins(results, "har sparats av någon annan")
        assert main.protocols.get(meeting).protocol.paragraph(90).decision_md == texts[winner]


def test_two_saves_of_the_same_seat_at_once(stores):
    main, one, two = stores
    for round_ in range(ROUNDS):
        per = next(s for s in main.members.seats() if s.name == "Per Ek")
        parties = [p for p in ("KD", "L", "C") if p != per.party][:2]
        if round_ % 2:
            parties.reverse()
        results = race(
            *(
                partial(s.members.save_seat, dataclasses.replace(per, party=p), expected=per)
                for s, p in zip((one, two), parties, strict=True)
            )
        )
        winner = one_wins(results, "har ändrats av någon annan")
        stored = next(s for s in main.members.seats() if s.name == "Per Ek")
        assert stored.party == parties[winner]


def test_two_saves_of_the_kallelse_details_at_once(stores):
    main, one, two = stores
    meeting_id = main.schedule.find_meeting(DAY.isoformat()).id
    for round_ in range(ROUNDS):
        meeting, _ = main.agendas.meeting_details(meeting_id)
        places = [f"Sal {round_}A", f"Sal {round_}B"]
        results = race(
            *(
                partial(
                    s.agendas.save_meeting_details,
                    meeting_id,
                    meeting.version,
                    MeetingDetailsChanges(place=p),
                    [],
                )
                for s, p in zip((one, two), places, strict=True)
            )
        )
        winner = one_wins(results, "har sparats av någon annan")
        assert main.agendas.meeting_details(meeting_id)[0].place == places[winner]


def test_two_saves_of_the_justeringsuppgifter_at_once(stores):
    main, one, two = stores
    meeting = _opened(main)
    for round_ in range(ROUNDS):
        view = main.protocols.get(meeting)
        places = [f"Rum {round_}A", f"Rum {round_}B"]
        results = race(
            *(
                partial(
                    s.protocols.save_justering,
                    meeting,
                    Justering(justerare=("Per Ek",), place=p),
                    None,
                    view.head_version,
                )
                for s, p in zip((one, two), places, strict=True)
            )
        )
        winner = one_wins(results, "har ändrats av någon annan")
        justering = main.protocols.get(meeting).protocol.justering
        assert justering.place == places[winner]


def test_two_status_changes_of_the_same_uppdrag_at_once(stores):
    main, one, two = stores
    (plan,) = [a for a in main.assignments.find() if "åtgärdsplan för boendestödet" in a.text]
    for round_ in range(ROUNDS):
        current = main.assignments.get(plan.id).assignment
        targets = [s for s in AssignmentStatus if s is not current.status][:2]
        if round_ % 2:
            targets.reverse()
        results = race(
            *(
                partial(s.assignments.set_status, plan.id, t, by="sekr", version=current.version)
                for s, t in zip((one, two), targets, strict=True)
            )
        )
        winner = one_wins(results, "har ändrats av någon annan")
        detail = main.assignments.get(plan.id)
        assert detail.assignment.status is targets[winner]
        assert detail.assignment.version == current.version + 1
        logged = [h for h in detail.history if h.field == "status"]
        assert logged[-1].new_value == targets[winner].label


@pytest.mark.usefixtures("backend_demo_store")
def test_an_uppdrag_status_from_an_old_screen_is_refused(backend_store):
    (plan,) = [
        a for a in backend_store.assignments.find() if "åtgärdsplan för boendestödet" in a.text
    ]
    backend_store.assignments.set_status(
        plan.id, AssignmentStatus.IN_PROGRESS, by="a", version=plan.version
    )
    with pytest.raises(StaleEdit, match="Uppdraget har ändrats av någon annan"):
        backend_store.assignments.set_status(
            plan.id, AssignmentStatus.CLOSED, by="b", version=plan.version
        )
    assert backend_store.assignments.get(plan.id).assignment.status is AssignmentStatus.IN_PROGRESS


def test_two_saves_of_the_same_ej_verkstallt_beslut_at_once(stores):
    from namnd.domain.delegation_tables import ReportLaw
    from namnd.rules.unexecuted_decisions import UnexecutedDecision

    main, one, two = stores
    for round_ in range(ROUNDS):
        decision = UnexecutedDecision(
            ReportLaw.SOL, "Särskilt boende", "4 kap. 1 §", dt.date(2019, 1, 1 + round_)
        )
        decision_id = main.delegation.add_unexecuted_decision(decision, by="sekr")
        texts = [f"Runda {round_}: plats saknas", f"Runda {round_}: avböjt"]
        results = race(
            *(
                partial(
                    s.delegation.update_unexecuted_decision,
                    decision_id,
                    1,
                    UnexecutedDecisionChanges(reason_text=t),
                    by="sekr",
                )
                for s, t in zip((one, two), texts, strict=True)
            )
        )
        winner = one_wins(results, "Någon annan har ändrat beslutet")
        (stored,) = [c for c in main.delegation.unexecuted_decisions() if c.id == decision_id]
        assert stored.reason_text == texts[winner]


# --- §§ are addressed by their id, never by their number --------------------------------


def test_a_paragraph_inserted_before_keeps_a_stale_editor_out_of_the_wrong_paragraph(stores):
    main, _, _ = stores
    meeting = _opened(main)
    view = main.protocols.get(meeting)
    p90 = view.protocol.paragraph(90)
    main.protocols.add_paragraph(meeting, "Extra ärende", after_id=view.ids[84])
    # The other secretary still shows § 90 as it was, and saves it.
    with pytest.raises(StaleEdit):
        main.protocols.save_paragraph(
            meeting,
            dataclasses.replace(p90, decision_md="Mitt beslut"),
            view.versions[90],
            paragraph_id=view.ids[90],
        )
    after = main.protocols.get(meeting).protocol
    assert all(p.decision_md != "Mitt beslut" for p in after.paragraphs)
    assert after.paragraph(91).title == p90.title
    assert after.paragraph(90).title == view.protocol.paragraph(89).title


def test_removing_a_paragraph_by_id_takes_the_one_shown(stores):
    main, _, _ = stores
    meeting = _opened(main)
    view = main.protocols.get(meeting)
    shown = view.protocol.paragraph(90)
    main.protocols.add_paragraph(meeting, "Extra ärende", after_id=view.ids[84])
    main.protocols.remove_paragraph(meeting, paragraph_id=view.ids[90])
    titles = [p.title for p in main.protocols.get(meeting).protocol.paragraphs]
    assert shown.title not in titles and "Extra ärende" in titles
    assert view.protocol.paragraph(89).title in titles


def test_a_paragraph_inserted_while_another_is_saved(stores):
    main, one, two = stores
    meeting = _opened(main)
    for round_ in range(ROUNDS):
        view = main.protocols.get(meeting)
        last = view.protocol.paragraphs[-1]
        ref, version = view.ids[last.number], view.versions[last.number]
        text = f"Runda {round_}: beslutet i {last.title}"
        results = race(
            partial(one.protocols.add_paragraph, meeting, f"Extra {round_}", after_id=view.ids[83]),
            partial(
                two.protocols.save_paragraph,
                meeting,
                dataclasses.replace(last, decision_md=text),
                version,
                paragraph_id=ref,
            ),
        )
        added, saved = results
        assert not isinstance(added, BaseException), repr(added)
        assert not isinstance(saved, BaseException) or isinstance(saved, StaleEdit), repr(saved)
        after = main.protocols.get(meeting).protocol
        holding = [p.title for p in after.paragraphs if p.decision_md == text]
        assert holding == ([] if isinstance(saved, StaleEdit) else [last.title])
        assert after.paragraphs[-1].title == last.title


def test_a_save_racing_the_justering_lands_before_it_or_is_refused(stores):
    """The save adds a jäv by someone not present: justering refuses a protokoll with it.

    So if the save landed first the justering fails; if the justering was first the save
    is refused. Both succeeding means the save slipped in after justering's checks.
    """
    main, one, two = stores
    for round_ in range(ROUNDS):
        # Past years: a justering may not be dated after today.
        day = dt.date(2009 + round_, 3, 10)
        main.schedule.plan_meetings([day])
        meeting = main.schedule.find_meeting(day.isoformat()).id
        main.protocols.replace(meeting, draft_protocol())
        view = main.protocols.get(meeting)
        p90 = view.protocol.paragraph(90)
        broken = dataclasses.replace(p90, decision_md="Sent beslut", recused=("Okänd Person",))
        justerat, saved = race(
            partial(one.protocols.justera, meeting, day, by="sekr"),
            partial(
                two.protocols.save_paragraph,
                meeting,
                broken,
                view.versions[90],
                paragraph_id=view.ids[90],
            ),
        )
        outcomes = [isinstance(r, BaseException) for r in (justerat, saved)]
        assert outcomes.count(True) == 1, f"round {round_}: {justerat!r}, {saved!r}"
        stored = main.protocols.get(meeting).protocol
        if isinstance(saved, BaseException):
            assert isinstance(saved, InvalidInput) and "justerat" in str(saved), repr(saved)
            assert stored.is_justerat and stored.paragraph(90).decision_md == p90.decision_md
        else:
            assert isinstance(justerat, NamndError) and "jäv" in str(justerat), repr(justerat)
            assert not stored.is_justerat
            assert main.schedule.find_meeting(str(meeting)).status is MeetingStatus.HELD
