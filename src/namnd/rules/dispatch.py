"""Expediering: after justering, each recipient gets the utdrag of the §§ sent to them.

"Expedieras till" is written per §; the secretary works per recipient. An utdrag may go
out once the protokoll is justerat, or earlier for a § justerad omedelbart.
"""

from __future__ import annotations

from dataclasses import dataclass

from namnd.domain.protocol import Protocol, ProtocolParagraph
from namnd.rules.swedish_dates import long_date


@dataclass(frozen=True)
class Dispatch:
    """Who gets which §§, and the §§ held back until justering."""

    recipients: tuple[tuple[str, tuple[int, ...]], ...]
    waiting: tuple[int, ...]

    @property
    def numbers(self) -> tuple[int, ...]:
        """The §§ to write an utdrag of, in order."""
        return tuple(sorted({n for _, numbers in self.recipients for n in numbers}))


def may_go_out(protocol: Protocol, paragraph: ProtocolParagraph) -> bool:
    """An utdrag goes out once justerat, or at once for a § justerad omedelbart."""
    return protocol.is_justerat or paragraph.immediate


def dispatch(protocol: Protocol) -> Dispatch:
    """Recipients in the order first named (spelling as first written), with their §§."""
    names: dict[str, str] = {}
    numbers: dict[str, list[int]] = {}
    waiting = []
    for paragraph in protocol.paragraphs:
        recipients = [" ".join(r.split()) for r in paragraph.dispatch_to if r.strip()]
        if not recipients:
            continue
        if not may_go_out(protocol, paragraph):
            waiting.append(paragraph.number)
            continue
        for recipient in recipients:
            key = recipient.casefold()
            names.setdefault(key, recipient)
            numbers.setdefault(key, [])
            if paragraph.number not in numbers[key]:
                numbers[key].append(paragraph.number)
    return Dispatch(
        tuple((names[key], tuple(found)) for key, found in numbers.items()), tuple(waiting)
    )


def paragraph_list(numbers: tuple[int, ...]) -> str:
    """'§ 90' or '§§ 87, 90'."""
    return ("§ " if len(numbers) == 1 else "§§ ") + ", ".join(map(str, numbers))


def dispatch_markdown(protocol: Protocol, plan: Dispatch, files: dict[int, str]) -> str:
    """The expedieringslista: per recipient the §§ and the utdrag files to send."""
    lines = [
        f"# Expedieringslista {protocol.organ_name} {long_date(protocol.date)}",
        "",
    ]
    if plan.recipients:
        lines += ["| Mottagare | Paragrafer | Utdrag |", "| --- | --- | --- |"]
        for name, numbers in plan.recipients:
            sent = ", ".join(files[n] for n in numbers if n in files)
            lines.append(f"| {name} | {paragraph_list(numbers)} | {sent} |")
    else:
        lines.append("Inga paragrafer med ”Expedieras till” kan expedieras ännu.")
    if plan.waiting:
        lines += [
            "",
            f"Väntar på justering: {paragraph_list(plan.waiting)} (utdrag skickas när "
            "protokollet är justerat).",
        ]
    return "\n".join(lines) + "\n"
