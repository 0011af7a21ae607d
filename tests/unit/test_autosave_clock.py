"""The autosave clock: a pause saves, steady typing saves by the deadline, busy retries."""

from __future__ import annotations

import pytest

from namnd.tui import autosave
from namnd.tui.autosave import AUTOSAVE_DELAY, AUTOSAVE_MAX_WAIT, BUSY_RETRY_DELAY, AutosaveClock


class FakeTimer:
    def __init__(self, delay: float) -> None:
        self.delay, self.stopped = delay, False

    def stop(self) -> None:
        self.stopped = True


class Owner:
    """Records the timers the clock asks for (Textual's set_timer)."""

    def __init__(self) -> None:
        self.timers: list[FakeTimer] = []

    def set_timer(self, delay, callback):
        assert delay > 0, "Textual refuses a timer of 0 s"
        self.callback = callback
        self.timers.append(FakeTimer(delay))
        return self.timers[-1]


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(autosave.time, "monotonic", lambda: now[0])
    owner, saves = Owner(), []
    return AutosaveClock(owner, lambda: saves.append(now[0])), owner, now, saves


def test_a_pause_saves_after_the_delay(clock):
    clock_, owner, _, _ = clock
    clock_.changed()
    assert owner.timers[-1].delay == AUTOSAVE_DELAY


def test_steady_typing_is_saved_by_the_deadline(clock):
    clock_, owner, now, saves = clock
    first = now[0]
    for _ in range(20):  # a key every 0.2 s for 4 s
        clock_.changed()
        due = now[0] + owner.timers[-1].delay
        assert due <= first + AUTOSAVE_MAX_WAIT + 1e-9
        now[0] += 0.2
        if now[0] >= due:
            owner.callback()
            first = now[0] + 0.2  # the next key starts a new deadline
    assert saves, "typing without a pause was never saved"


def test_a_key_after_the_deadline_saves_at_once_not_with_a_zero_timer(clock):
    clock_, owner, now, _ = clock
    clock_.changed()
    now[0] += AUTOSAVE_MAX_WAIT + 5  # the machine was too busy to fire the timer
    clock_.changed()
    assert 0 < owner.timers[-1].delay < 0.1
    assert owner.timers[-2].stopped


def test_a_busy_database_is_tried_again_later(clock):
    clock_, owner, _, _ = clock
    clock_.retry()
    assert owner.timers[-1].delay == BUSY_RETRY_DELAY
