"""Read a nämnduppdrag's due date from the words of the decision.

Decisions word their deadlines loosely: "senast december 2019", "senast den 28 februari
2020", "till nämndens sammanträde i september", "under våren 2020", "kvartal 1 2020".
:func:`read_due` turns such words into a date and says how it got there (a day, the
nämnd's meeting in a month, the end of a period) and from which words. What it cannot
read ("snarast", "31 februari") comes back flagged with a Swedish reason: a register of
uppdrag must never show a deadline nobody decided.

"Före" a period means the day before it begins ("före sommaren 2020" is 30 June 2020,
"före mars 2020" is 29 February); "efter" a period names no last day and is flagged.
A week ends on its last vardag (lag 1930:173: not långfredagen, not midsommarafton).
The seasons split the year without gaps: våren to 30 June, sommaren July–August,
hösten from 1 September.

A month reported "to the nämnd" means the nämnd's last meeting that month per the
sammanträdesordning (passed in as ``meetings``); before that is planned the month's
last day stands in, and the reading says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from babel.dates import format_date, get_month_names

from namnd.domain.kinds import DueKind
from namnd.rules.deadlines import previous_workday

LOCALE = "sv_SE"


@dataclass(frozen=True)
class DueReading:
    """What a due phrase means, or why it could not be read."""

    date: dt.date | None
    kind: DueKind | None
    matched: str = ""
    """The words the date was read from, as written."""
    reason: str | None = None
    """Swedish: why no date could be read (set exactly when ``date`` is None)."""
    meeting_planned: bool = False
    """For a meeting in a month: True if ``date`` is a planned meeting, not the month's end."""

    @property
    def readable(self) -> bool:
        return self.date is not None

    def describe(self) -> str:
        """The due as the register shows it, e.g. ``nämndens sammanträde i december 2019``."""
        if self.date is None or self.kind is None:
            return f"oläslig tidpunkt: {self.reason}"
        return due_label(self.kind, self.date, meeting_planned=self.meeting_planned)


def due_label(kind: DueKind, day: dt.date, *, meeting_planned: bool) -> str:
    """Swedish words for a stored due (shared by the CLI, the TUI and the Word report)."""
    if kind is DueKind.MEETING_IN_MONTH:
        month = format_date(day, "LLLL y", locale=LOCALE)
        when = format_date(day, "d MMMM", locale=LOCALE) if meeting_planned else "datum ej satt"
        return f"nämndens sammanträde i {month} ({when})"
    if kind is DueKind.END_OF_PERIOD:
        return f"senast {format_date(day, 'd MMMM y', locale=LOCALE)} (periodens slut)"
    return format_date(day, "d MMMM y", locale=LOCALE)


def last_meeting_in(year: int, month: int, meetings: Iterable[dt.date]) -> dt.date | None:
    """The nämnd's last meeting in a month, if the sammanträdesordning has one."""
    days = [d for d in meetings if (d.year, d.month) == (year, month)]
    return max(days) if days else None


# --- words ------------------------------------------------------------------------------

_WIDE = {name: n for n, name in get_month_names("wide", locale=LOCALE).items()}
_SHORT = {name.rstrip("."): n for n, name in get_month_names("abbreviated", locale=LOCALE).items()}
_MONTHS = {**_SHORT, **_WIDE}
_ANY_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_M = rf"(?P<month>{_ANY_MONTH})\.?"
_WIDE_M = rf"(?P<month>{'|'.join(_WIDE)})"
_Y = r"(?P<year>[0-9]{4})"
_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}
_NUMBERS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
    "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
}  # fmt: skip
_SEASON_END = {"våren": (6, 30), "vårterminen": (6, 30), "sommaren": (8, 31)}
_SEASON_END |= {"hösten": (12, 31), "höstterminen": (12, 31)}
#: The first day of each season, the day after the one before it ends.
_SEASON_START = {"våren": (1, 1), "vårterminen": (1, 1), "sommaren": (7, 1)}
_SEASON_START |= {"hösten": (9, 1), "höstterminen": (9, 1)}


@dataclass(frozen=True)
class _Context:
    given_on: dt.date | None
    meetings: tuple[dt.date, ...]
    to_meeting: bool


def _flag(matched: str, reason: str) -> DueReading:
    return DueReading(None, None, matched, reason)


def _no_year(matched: str) -> DueReading:
    return _flag(matched, f"Året framgår inte av ”{matched}”; skriv det, t.ex. ”{matched} 2020”.")


def _month(m: re.Match[str]) -> int | None:
    """The month number of the match's month word (None if the match had none)."""
    name = m.groupdict().get("month")
    return _MONTHS.get(name.casefold().rstrip(".")) if name else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date | None:
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _period_end(matched: str, day: dt.date | None) -> DueReading:
    if day is None:
        return _flag(matched, f"”{matched}” ger inget giltigt datum.")
    return DueReading(day, DueKind.END_OF_PERIOD, matched)


def _year(m: re.Match[str], ctx: _Context, *, after: tuple[int, int] | None = None) -> int | None:
    """The year written, or from the date the uppdrag was given (the next such month/day)."""
    if m.groupdict().get("year"):
        return int(m["year"])
    if ctx.given_on is None:
        return None
    if after is not None and after <= (ctx.given_on.month, ctx.given_on.day):
        return ctx.given_on.year + 1
    return ctx.given_on.year


# --- rules: each reads one shape of phrase ------------------------------------------------


def _iso(m: re.Match[str], ctx: _Context) -> DueReading:
    day = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if day is None:
        return _flag(m[0], f"Datumet ”{m[0]}” finns inte.")
    return DueReading(day, DueKind.EXACT_DATE, m[0])


def _day_month(m: re.Match[str], ctx: _Context) -> DueReading:
    month, day_no = _month(m), int(m["day"])
    if month is None:
        return _flag(m[0], f"”{m[0]}” är ingen månad.")
    year = _year(m, ctx, after=(month, day_no))
    if year is None:
        return _no_year(m[0].strip())
    day = _safe_date(year, month, day_no)
    if day is None:
        return _flag(m[0], f"Datumet ”{m[0].strip()}” finns inte.")
    return DueReading(day, DueKind.EXACT_DATE, m[0])


def _week(m: re.Match[str], ctx: _Context) -> DueReading:
    year = _year(m, ctx)
    if year is None:
        return _no_year(m[0])
    try:
        monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
    except ValueError:
        return _flag(m[0], f"Vecka {int(m['week'])} finns inte år {year}.")
    # The week's last vardag (lag 1930:173): Friday, earlier when that is a holiday.
    last = previous_workday(monday + dt.timedelta(days=4))
    if last < monday:
        return _flag(m[0], f"Vecka {int(m['week'])} {year} har ingen vardag.")
    return DueReading(last, DueKind.END_OF_PERIOD, m[0])


def _part_of_year(size: int) -> Callable[[re.Match[str], _Context], DueReading]:
    """Kvartal (3 months), tertial (4) and halvår (6): the part's last day."""
    parts = 12 // size

    def rule(m: re.Match[str], ctx: _Context) -> DueReading:
        raw = m["n"]
        number = _ORDINALS.get(raw.casefold()) or (int(raw) if raw.isdigit() else 0)
        if not 1 <= number <= parts:
            return _flag(m[0], f"”{m[0]}”: ett år har bara {parts} sådana delar.")
        year = _year(m, ctx)
        if year is None:
            return _no_year(m[0])
        return _period_end(m[0], _month_end(year, number * size))

    return rule


def _meeting_month(m: re.Match[str], ctx: _Context) -> DueReading:
    month = _month(m)
    if month is None:
        return _flag(m[0], f"”{m[0]}” är ingen månad.")
    year = _year(m, ctx, after=(month, 31))
    given = ctx.given_on  # known whenever the year was not written but found
    if year is not None and given and not m.groupdict().get("year") and month == given.month:
        # "i september", decided in September: this month only if a meeting is still ahead.
        ahead = [d for d in ctx.meetings if d > given and (d.year, d.month) == (year, month)]
        year = year if ahead else year + 1
    if year is None:
        return _no_year(m[0].strip())
    end = _month_end(year, month)
    if end is None:
        return _flag(m[0], f"”{m[0]}” ger inget giltigt datum.")
    if not ctx.to_meeting or m.groupdict().get("end"):
        return DueReading(end, DueKind.END_OF_PERIOD, m[0])
    meeting = last_meeting_in(year, month, ctx.meetings)
    return DueReading(meeting or end, DueKind.MEETING_IN_MONTH, m[0], meeting_planned=bool(meeting))


def _season(m: re.Match[str], ctx: _Context) -> DueReading:
    season = m["season"].casefold()
    if season == "vintern":
        return _flag(m[0], f"”{m[0]}” kan betyda två olika år; skriv en månad eller ett datum.")
    month, day = _SEASON_END.get(season, (12, 31))
    year = _year(m, ctx, after=(month, day))
    if year is None:
        return _no_year(m[0])
    return _period_end(m[0], _safe_date(year, month, day))


def _before_or_after(m: re.Match[str], ctx: _Context) -> DueReading:
    """``före sommaren 2020``: the day before it begins; ``efter …`` names no last day."""
    if m["word"].casefold() == "efter":
        return _flag(m[0], f"”{m[0]}” anger ingen sista dag; skriv ett datum eller en månad.")
    season = (m.groupdict().get("season") or "").casefold()
    if season == "vintern":
        return _flag(m[0], f"”{m[0]}” kan betyda två olika år; skriv en månad eller ett datum.")
    month, day = _SEASON_START[season] if season else (_month(m), 1)
    if month is None:
        return _flag(m[0], f"”{m[0]}” är ingen månad.")
    year = _year(m, ctx, after=(month, day))
    if year is None:
        return _no_year(m[0].strip())
    start = _safe_date(year, month, day)
    if start is None or start == dt.date.min:
        return _flag(m[0], f"”{m[0]}” ger inget giltigt datum.")
    return DueReading(start - dt.timedelta(days=1), DueKind.END_OF_PERIOD, m[0])


def _part_of(m: re.Match[str], ctx: _Context) -> DueReading:
    """``i början/mitten/slutet av 2020`` (a quarter, a half, a year) or ``… av mars 2020``."""
    year, part = int(m["year"]), m["part"].casefold()
    month = _month(m)
    if month is not None:
        if part == "slutet":
            return _period_end(m[0], _month_end(year, month))
        return _period_end(m[0], _safe_date(year, month, 10 if part == "början" else 20))
    month = {"början": 3, "mitten": 6}.get(part, 12)
    return _period_end(m[0], _month_end(year, month))


def _turn_of_year(m: re.Match[str], ctx: _Context) -> DueReading:
    if (m["before"] or "").casefold() == "efter":
        return _flag(m[0], f"”{m[0]}” anger ingen sista dag.")
    year = int(m["year"]) if m["year"] else (ctx.given_on.year if ctx.given_on else None)
    if year is None:
        return _no_year(m[0])
    return _period_end(m[0], _safe_date(year, 12, 31))


def _within(m: re.Match[str], ctx: _Context) -> DueReading:
    raw, unit = m["n"].casefold(), m["unit"].casefold()
    n = _NUMBERS.get(raw) or (int(raw) if raw.isdigit() else None)
    if n is None:
        return _flag(m[0], f"”{m[0]}” är inget antal.")
    if ctx.given_on is None:
        return _flag(m[0], f"”{m[0]}” räknas från beslutsdagen, som inte är känd.")
    try:
        if unit.startswith("dag"):
            end = ctx.given_on + dt.timedelta(days=n)
        elif unit.startswith("veck"):
            end = ctx.given_on + dt.timedelta(weeks=n)
        else:
            months = n * (12 if unit == "år" else 1)
            total = ctx.given_on.month - 1 + months
            year, month = ctx.given_on.year + total // 12, total % 12 + 1
            last = calendar.monthrange(year, month)[1]
            end = dt.date(year, month, min(ctx.given_on.day, last))
    except (ValueError, OverflowError):
        return _flag(m[0], f"”{m[0]}” ger inget giltigt datum.")
    return DueReading(end, DueKind.END_OF_PERIOD, m[0])


def _whole_year(m: re.Match[str], ctx: _Context) -> DueReading:
    return _period_end(m[0], _safe_date(int(m["year"]), 12, 31))


_NUM = rf"(?P<n>[0-9]{{1,3}}|{'|'.join(_NUMBERS)})"
_ORD = rf"(?P<n>[0-9]{{1,2}}|{'|'.join(_ORDINALS)})"
_TURN = r"(?:\b(?P<before>vid|till|före|inför|efter)\s+)?\bårsskiftet"
_SEASON = r"(?P<season>vårterminen|höstterminen|våren|sommaren|hösten|vintern)"
_MEETING = r"(?:(?:nämndens|nästa|ordinarie)\s+)?sammanträde(?:t|n)?\s+i"

# Most specific first: each match is blanked before the next rule runs.
_RULES: list[tuple[str, Callable[[re.Match[str], _Context], DueReading]]] = [
    (r"\b(?P<y>[0-9]{4})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})\b", _iso),
    (rf"\b(?:den\s+)?(?P<day>[0-9]{{1,2}})(?::[ae])?\s+{_M}(?:\s+{_Y})?(?![\wåäö])", _day_month),
    (rf"\b(?:vecka|v\.?)\s*(?P<week>[0-9]{{1,2}})(?:\s*,?\s*(?:år\s+)?{_Y})?\b", _week),
    (rf"\b(?:kvartal|kv\.?|q)\s*{_ORD}(?:\s*,?\s*(?:år\s+)?{_Y})?\b", _part_of_year(3)),
    (rf"\b{_ORD}\s+kvartalet(?:\s+{_Y})?\b", _part_of_year(3)),
    (rf"\btertial\s*{_ORD}(?:\s*,?\s*{_Y})?\b", _part_of_year(4)),
    (rf"\b{_ORD}\s+tertialet(?:\s+{_Y})?\b", _part_of_year(4)),
    (rf"\bhalvår\s*{_ORD}(?:\s*,?\s*{_Y})?\b", _part_of_year(6)),
    (rf"\b{_ORD}\s+halvåret(?:\s+{_Y})?\b", _part_of_year(6)),
    (rf"\bi\s+(?P<part>början|mitten|slutet)\s+av\s+(?:{_M}\s+)?{_Y}\b", _part_of),
    (rf"{_TURN}(?:\s+{_Y}(?:\s*/\s*[0-9]{{2,4}})?)?", _turn_of_year),
    (rf"\b(?P<word>före|efter)\s+{_SEASON}(?:\s+{_Y})?\b", _before_or_after),
    (rf"\b(?P<word>före|efter)\s+{_M}(?:\s+{_Y})?(?![\wåäö])", _before_or_after),
    (rf"\b{_MEETING}\s+{_WIDE_M}(?:\s+{_Y})?(?![\wåäö])", _meeting_month),
    (rf"\b{_WIDE_M}sammanträde(?:t|n)?(?:\s+{_Y})?(?![\wåäö])", _meeting_month),
    (rf"(?P<end>\b(?:utgången|slutet)\s+av\s+)?\b{_M}\s+{_Y}\b", _meeting_month),
    (rf"\b(?:senast|till|i|under)\s+{_WIDE_M}(?![\wåäö])", _meeting_month),
    (rf"\b(?:under\s+)?{_SEASON}(?:\s+{_Y})?\b", _season),
    (rf"\binom\s+{_NUM}\s+(?P<unit>dagar|dag|veckor|vecka|månader|månad|år)\b", _within),
    (rf"\b(?:under|senast|till|före\s+utgången\s+av|under\s+år|år)\s+{_Y}\b", _whole_year),
]  # fmt: skip
_COMPILED = [(re.compile(p, re.IGNORECASE), rule) for p, rule in _RULES]

_VAGUE = [
    (r"\bsnarast\b|\bså\s+(?:snart|fort)\s+som\s+möjligt\b|\bomgående\b|\bskyndsamt\b",
     "anger ingen sista dag; skriv ett datum eller en månad"),
    (r"\binom\s+(?:rimlig|skälig|kort)\s+tid\b", "anger ingen sista dag; skriv ett datum"),
    (r"\b(?:fort)?löpande\b|\bkontinuerligt\b|\bregelbundet\b|\bårligen\b|\bvarje\s+år\b",
     "är en återkommande rapportering; lägg upp varje tillfälle med eget datum"),
    (r"\bi\s+samband\s+med\b[^.,;]*", "knyter an till en händelse, inte ett datum"),
    (r"\bnär\s+[^.,;]*\b(?:klar|klart|färdig|färdigt)\b", "knyter an till en händelse"),
]  # fmt: skip
_VAGUE_COMPILED = [(re.compile(p, re.IGNORECASE), why) for p, why in _VAGUE]


def read_due(
    text: str,
    *,
    given_on: dt.date | None = None,
    meetings: Iterable[dt.date] = (),
    to_meeting: bool = True,
) -> DueReading:
    """Read the due date in ``text``; flagged with a Swedish reason when it cannot.

    ``given_on`` supplies a missing year (the next such month after the decision) and
    the start of "inom tre månader". ``to_meeting`` is False when the report goes to
    someone other than the nämnd (Socialstyrelsen): a month then means its last day.
    """
    ctx = _Context(given_on, tuple(meetings), to_meeting)
    work = " ".join((text or "").split())
    readings: list[tuple[int, DueReading]] = []
    for pattern, rule in _COMPILED:
        for m in pattern.finditer(work):
            readings.append((m.start(), rule(m, ctx)))
        work = pattern.sub(lambda m: " " * len(m[0]), work)
    return _choose(" ".join((text or "").split()), sorted(readings, key=lambda r: r[0]))


def _choose(clean: str, readings: list[tuple[int, DueReading]]) -> DueReading:
    """One due, or a flag: an impossible date or two different dues are never guessed past."""
    flagged = [r for _, r in readings if not r.readable]
    if flagged:
        return flagged[0]
    distinct = {(r.date, r.kind): (start, r) for start, r in readings}
    if len(distinct) == 1:
        return next(iter(distinct.values()))[1]
    if distinct:
        cued = [r for start, r in distinct.values() if clean[:start].rstrip().endswith("senast")]
        if len(cued) == 1:
            return cued[0]
        words = ", ".join(f"”{r.matched.strip()}”" for _, r in distinct.values())
        return _flag(clean, f"Texten nämner flera tidpunkter ({words}); välj en.")
    for pattern, why in _VAGUE_COMPILED:
        m = pattern.search(clean)
        if m:
            return _flag(m[0], f"”{m[0]}” {why}.")
    if not clean:
        return _flag("", "Ingen tidpunkt är angiven.")
    return _flag("", f"Ingen tidpunkt hittades i ”{clean}”.")
