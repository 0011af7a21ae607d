"""The publication gate's rule: what in a public document's text must never be published.

A rendered public file is read back as text (``formats.public_files``) and checked here,
so a renderer that lets something slip is caught whatever route the text took. Three
things are refused: a personnummer or samordningsnummer, an HTML comment (a note to
colleagues, never meant to be printed), and any run of 20 or more characters of a text
that belongs to something confidential (a sekretess ärende, bilaga, §, rättelse,
delegation row or ej verkställt beslut).

Runs are compared on a normalised form (case folded, no accents, only letters and
digits), so line breaks, Markdown markup, PDF spacing and hyphenation do not hide a
copy. Each confidential text is cut into 20-character shingles once
(:class:`SecretIndex`); the output's shingles are then looked up one by one. Shingles
that also occur in public text (the organ's name, standard phrases, the ärende's own
rubrik, which stays public) are common boilerplate and do not count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from namnd.rules.personnummer import find_personnummer
from namnd.rules.plain_text import HTML_COMMENT

RUN = 20
"""A copy this long (letters and digits) of a confidential text is a leak."""
RECORD = "\x1e"
"""Separates texts of one part that do not run on into each other (attribute values)."""
MIN_WORDS = 3
"""A copy spans at least this many words: Swedish compounds make two words 20 letters."""

EXCERPT = 80

# Text every public document may carry whatever the secrets say (placeholders, headings).
STANDARD_PHRASES = (
    "Sekretessbelagd handling",
    "Innehåller sekretessbelagda uppgifter – ej för publicering",
    "Ärendet redovisas inte med hänvisning till sekretess.",
    "Ärendet redovisas inte med hänvisning till sekretess (26 kap. 1 § OSL)",
    "Förslag till beslut",
    "Förvaltningens förslag till beslut",
    "Sammanfattning av ärendet",
    "Nämnden beslutar att",
    "beslutar i enlighet med förvaltningens förslag",
    "Offentlighets- och sekretesslagen",
    # The formulaic beslut of the standing items: they identify no one.
    "läggs till handlingarna",
    "lägger informationen till handlingarna",
    "lägger anmälningarna till handlingarna",
    "noterar informationen till protokollet",
    "noterar till protokollet att de tagit del av informationen",
    "tar del av informationen",
    "godkänner redovisningen",
    "beslutar enligt förslaget",
    "bifaller förslaget",
    "avslår förslaget",
    "justeras omedelbart",
)


class FindingKind(StrEnum):
    """What was found; the value is the Swedish word shown to the user."""

    PERSONNUMMER = "personnummer"
    HTML_COMMENT = "html-kommentar"
    CONFIDENTIAL = "sekretess"


@dataclass(frozen=True)
class Secret:
    """A confidential text and where it comes from, in Swedish for messages.

    ``source`` names the ärende or § and the field, e.g.
    'ärende 7 (VON/2019:35), Sammanfattning'.
    """

    text: str
    source: str


@dataclass(frozen=True)
class Finding:
    """Something in a public file that must not be published."""

    where: str
    """The part of the file, e.g. 'word/document.xml' or 'sida 3'."""
    kind: FindingKind
    source: str
    """For a confidential text, the :attr:`Secret.source`; else empty."""
    excerpt: str
    """The offending text (a personnummer with its last four digits hidden)."""
    message: str
    """The whole finding as one Swedish sentence."""


_NOT_ALNUM = re.compile(r"[\W_]+")


def flatten(text: str) -> str:
    """Letters and digits of ``text``, case folded, accents dropped: what runs compare.

    NFKD without combining marks, so a PDF's decomposed 'å' and the database's composed
    one, and a ligature 'ﬁ' and 'fi', compare equal.
    """
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text).casefold())


def normalise(text: str) -> tuple[str, list[int]]:
    """:func:`flatten` of ``text`` and each flat character's index in ``text``.

    Character by character, so slower: used only to quote a finding.
    """
    chars: list[str] = []
    positions: list[int] = []
    for i, char in enumerate(text):
        flat = char.lower() if char.isascii() and char.isalnum() else flatten(char)
        chars.append(flat)
        positions += [i] * len(flat)
    return "".join(chars), positions


def _shingles(flat: str) -> Iterator[int]:
    """The hash of every RUN-character window of ``flat``, in order (all in C, no loop).

    Hashes, not the windows: less memory for a large workspace, and a
    collision between two different 20-character windows is a 1 in 2⁶⁴ chance.
    """
    count = max(0, len(flat) - RUN + 1)
    return map(hash, map(flat.__getitem__, map(slice, range(count), range(RUN, RUN + count))))


@dataclass
class SecretIndex:
    """Every confidential text's 20-character shingles, built once for many checks."""

    secrets: list[Secret]
    shingles: dict[int, int | tuple[int, ...]] = field(default_factory=dict)
    """Shingle → index in ``secrets`` of the secret it belongs to (a tuple if several)."""

    @classmethod
    def build(cls, secrets: Iterable[Secret], *, common: Iterable[str] = ()) -> SecretIndex:
        """Index ``secrets``, leaving out shingles that also occur in ``common`` texts.

        ``common`` is the workspace's public text: what a public field says may be
        printed, so the gate looks for what only confidential text says — a renderer
        that prints a confidential field. Only the secrets' shingles are kept in memory;
        the common texts (years of them, perhaps) are streamed past them once.
        """
        index = cls(secrets=[])
        owner: dict[int, int] = {}  # shingle → the one secret having it (so far)
        shared: dict[int, list[int]] = {}
        for secret in secrets:
            own = set(_shingles(flatten(secret.text)))
            if not own:
                continue  # shorter than a run
            index.secrets.append(secret)
            number = len(index.secrets) - 1
            seen = own & owner.keys()
            for shingle in seen:  # e.g. two delegation rows with the same insats
                shared.setdefault(shingle, [owner[shingle]]).append(number)
            owner.update(dict.fromkeys(own - seen if seen else own, number))
        shingles = index.shingles
        shingles.update(owner)
        for shingle, numbers in shared.items():
            shingles[shingle] = tuple(numbers)
        for text in (*STANDARD_PHRASES, *common):
            for shingle in filter(shingles.__contains__, _shingles(flatten(text))):
                shingles.pop(shingle, None)
        return index


def check_text(text: str, *, where: str, secrets: Sequence[Secret] | SecretIndex) -> list[Finding]:
    """Everything in ``text`` (one part of a public file) that must not be published."""
    index = secrets if isinstance(secrets, SecretIndex) else SecretIndex.build(secrets)
    return [
        *_personnummer(text, where),
        *_comments(text, where),
        *(
            f
            for record in text.split(RECORD)
            if _long(record)
            for f in _confidential(record, where, index)
        ),
    ]


def _long(record: str) -> bool:
    """Whether ``record`` may hold a run of ``RUN`` flat characters.

    A short ASCII text (most of a .docx's many attribute values) flattens to fewer; any
    other text may grow when flattened ('ﬁ' is two).
    """
    return len(record) >= RUN or not record.isascii()


def _personnummer(text: str, where: str) -> list[Finding]:
    findings = []
    for match in find_personnummer(text):
        kind = "samordningsnummer" if match.samordningsnummer else "personnummer"
        findings.append(
            Finding(
                where=where,
                kind=FindingKind.PERSONNUMMER,
                source="",
                excerpt=match.masked,
                message=f"{where}: {kind} {match.masked} får inte publiceras.",
            )
        )
    return findings


def _comments(text: str, where: str) -> list[Finding]:
    findings = []
    for match in HTML_COMMENT.finditer(text):
        excerpt = _cut(match.group().strip())
        findings.append(
            Finding(
                where=where,
                kind=FindingKind.HTML_COMMENT,
                source="",
                excerpt=excerpt,
                message=f"{where}: en HTML-kommentar ”{excerpt}” får inte publiceras "
                "(kommentarer är anteckningar, inte text).",
            )
        )
    return findings


def _confidential(text: str, where: str, index: SecretIndex) -> list[Finding]:
    """One finding per secret: its longest copied run of ``MIN_WORDS`` words or more."""
    if not index.shingles:
        return []
    flat = flatten(text)
    found: list[tuple[int, int, int]] = []  # (secret, start, end) in flat, each run
    runs: dict[int, int] = {}  # secret → index in ``found`` of its current run
    for i, shingle in enumerate(_shingles(flat)):
        entry = index.shingles.get(shingle)
        if entry is None:
            continue
        for secret in entry if isinstance(entry, tuple) else (entry,):
            at = runs.get(secret)
            if at is not None and found[at][2] == i + RUN - 1:
                found[at] = (secret, found[at][1], i + RUN)
            else:
                runs[secret] = len(found)
                found.append((secret, i, i + RUN))
    if not found:
        return []
    positions = _positions(text, flat)
    words = _word_counter(text, positions)
    longest: dict[int, tuple[int, int]] = {}  # secret → (start, end) in flat
    for secret, start, end in found:
        if words(start, end) < MIN_WORDS:
            continue  # a long compound and a word ("förvaltningsrätten om") is no copy
        best_start, best_end = longest.get(secret, (0, 0))
        if end - start > best_end - best_start:
            longest[secret] = (start, end)
    if not longest:
        return []
    # Secrets copied in the same place (rows with the same insats) are one finding.
    spans: dict[tuple[int, int], list[int]] = {}
    for secret, span in longest.items():
        spans.setdefault(span, []).append(secret)
    quote = _quoter(text, flat, positions)
    findings = []
    for (start, end), secrets in sorted(spans.items()):
        source = index.secrets[min(secrets)].source
        more = len(secrets) - 1
        also = f" (och {more} {'källa' if more == 1 else 'källor'} till)" if more else ""
        excerpt = quote(start, end)
        findings.append(
            Finding(
                where=where,
                kind=FindingKind.CONFIDENTIAL,
                source=source,
                excerpt=excerpt,
                message=f"{where}: text ur {source}{also} får inte publiceras: ”{excerpt}”.",
            )
        )
    return findings


def _positions(text: str, flat: str) -> list[int] | None:
    """Each flat character's index in ``text``, read once per text with findings.

    None where the two cannot be mapped (an exotic character flattened differently alone).
    """
    slow, positions = normalise(text)
    return positions if slow == flat else None


def _word_counter(text: str, positions: list[int] | None) -> Callable[[int, int], int]:
    """How many whole words of ``text`` a span of the flat text covers.

    Flat text runs words together, so "…kontaktperson, ett" and "…kontaktperson enligt"
    share "kontaktpersone": words cut at either end of the span do not count.
    """
    if positions is None:  # cannot map back: count it as a copy
        return lambda start, end: MIN_WORDS

    def count(start: int, end: int) -> int:
        first, last = positions[start], positions[end - 1] + 1
        words = text[first:last].split()
        if words and first > 0 and text[first - 1].isalnum():
            words.pop(0)
        if words and last < len(text) and text[last].isalnum():
            words.pop()
        return len(words)

    return count


def _quoter(text: str, flat: str, positions: list[int] | None) -> Callable[[int, int], str]:
    """Turn a span of the flat text into the original words, as written."""
    if positions is None:  # quote the flat text
        return lambda start, end: _cut(flat[start:end])

    def quote(start: int, end: int) -> str:
        first, last = positions[start], positions[end - 1] + 1
        # Whole words, so the user can search the document for the excerpt.
        while first > 0 and not text[first - 1].isspace() and positions[start] - first < 30:
            first -= 1
        while last < len(text) and not text[last].isspace() and last - positions[end - 1] < 30:
            last += 1
        return _cut(" ".join(text[first:last].split()).rstrip(".,;:!?"))

    return quote


def _cut(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
