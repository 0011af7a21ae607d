"""Numbers written out in Swedish, as the redovisningar write their counts ("fjorton").

Babel has no spell-out and num2words is not a dependency; counts of reported beslut stay
far below a million, so a small table and the composition rules suffice.
"""

from __future__ import annotations

_ONES = (
    "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
    "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton",
)  # fmt: skip
_TENS = {
    2: "tjugo", 3: "trettio", 4: "fyrtio", 5: "femtio",
    6: "sextio", 7: "sjuttio", 8: "åttio", 9: "nittio",
}  # fmt: skip


def number_word(n: int, *, neuter: bool = True) -> str:
    """0 ≤ n < 1 000 000 in words; ``neuter=False`` gives "en" for 1 (en insats)."""
    if not 0 <= n < 1_000_000:
        raise ValueError(f"{n} is outside 0–999 999")
    if n == 1:
        return "ett" if neuter else "en"
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (_ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = ("ett" if hundreds == 1 else _ONES[hundreds]) + "hundra"
        return head + (number_word(rest) if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "ettusen" if thousands == 1 else number_word(thousands) + "tusen"  # not "etttusen"
    return head + (number_word(rest) if rest else "")


def capitalised(text: str) -> str:
    """First letter upper case (a sentence starting with a count: "Sju beslut …")."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """'Daglig verksamhet' → 'daglig verksamhet'; an abbreviation keeps its capitals."""
    if len(text) > 1 and text[:2].isupper():
        return text  # such as "LSS-boende"
    return text[:1].lower() + text[1:]


def counted(n: int, one: str, many: str) -> str:
    """``1 träff``, ``2 träffar``: a count with the word in the form Swedish wants.

    ``one`` and ``many`` may carry an agreeing word: ``counted(n, "sammanträde planerat",
    "sammanträden planerade")``. Used wherever the TUI and the CLI print a count.
    """
    return f"{n} {one if n == 1 else many}"
