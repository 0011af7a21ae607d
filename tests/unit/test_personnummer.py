import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namnd.rules.personnummer import (
    REDACTED,
    find_personnummer,
    has_personnummer,
    luhn_ok,
    mask,
    redact_personnummer,
)

# 780312-456 with its Luhn digit; the "…-4567" spellings fail the Luhn check.
VALID = "7803124564"
COORDINATION = "7803724561"  # day 12 + 60


def _check_digit(nine: str) -> str:
    return next(str(d) for d in range(10) if luhn_ok(nine + str(d)))


@pytest.mark.parametrize(
    "spelling",
    ["19780312-4564", "780312-4564", "7803124564", "197803124564", "780312+4564"],
)
def test_every_spelling_is_found_with_its_span(spelling):
    text = f"Den enskilde ({spelling}) ansöker om bistånd."
    (match,) = find_personnummer(text)
    assert text[match.start : match.end] == spelling == match.text
    assert match.number == ("780312+4564" if "+" in spelling else "780312-4564")
    assert not match.samordningsnummer


def test_samordningsnummer_day_plus_sixty():
    (match,) = find_personnummer("Samordningsnummer 780372-4561 och 19780372-4561.")[:1]
    assert match.samordningsnummer and match.number == "780372-4561"
    assert len(find_personnummer("780372-4561, 19780372-4561")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "7803124567",  # bare ten digits with a wrong check digit
        "780332-4563",  # 32 March
        "781312-4567",  # month 13
        "780230-4560",  # 30 February
        "19790229-0000",  # not a leap year
        "780392-4564",  # samordning day 32
        "VON/2019:35",
        "SN 2026/142",
        "S2026/01234",
        "2019-09-19",
        "kl. 13.00–16.30",
        "070-123 45 67",
        "08-123 456 78",
        "17803124564",  # part of a longer digit run
        "78031245641",
        "2019-09-19-7803124564",
        "von/2019:7803124564",
        "Belopp 1,7803124564 mnkr",
    ],
)
def test_not_flagged(text):
    """Not a personnummer: no real date, part of a longer number, or bare and not Luhn."""
    assert find_personnummer(text) == []


def test_leap_day_with_and_without_century():
    nine = "000229123"
    number = nine + _check_digit(nine)
    assert has_personnummer(f"{number[:6]}-{number[6:]}")
    assert has_personnummer(f"20{number}")
    assert not has_personnummer(f"19{number}")  # 1900 was not a leap year


def test_mask_keeps_the_date_and_redact_keeps_nothing():
    text = "Pnr 19780312-4564 och 7803724561."
    assert mask(text) == "Pnr 19780312-XXXX och 780372XXXX."
    assert redact_personnummer(text) == f"Pnr {REDACTED} och {REDACTED}."
    assert redact_personnummer("Inget här, VON/2019:35.") == "Inget här, VON/2019:35."


# --- properties --------------------------------------------------------------------------

_days = st.dates(min_value=dt.date(1880, 1, 1), max_value=dt.date(2026, 12, 31))


@st.composite
def valid_numbers(draw) -> tuple[str, str]:
    """(spelling, normalised) for a random valid personnummer or samordningsnummer."""
    day = draw(_days)
    coordination = draw(st.booleans())
    serial = draw(st.integers(0, 999))
    dd = day.day + (60 if coordination else 0)
    nine = f"{day:%y%m}{dd:02d}{serial:03d}"
    ten = nine + _check_digit(nine)
    century = f"{day.year // 100:02d}"
    spelling = draw(
        st.sampled_from(
            [
                f"{century}{ten[:6]}-{ten[6:]}",
                f"{ten[:6]}-{ten[6:]}",
                ten,
                century + ten,
                f"{ten[:6]}+{ten[6:]}",
            ]
        )
    )
    sep = "+" if "+" in spelling else "-"
    return spelling, f"{ten[:6]}{sep}{ten[6:]}"


_prose = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Nd", "Cs")), max_size=40
)
_gap = st.sampled_from([" ", "\n", "(", ": ", " – ", "\t", "”"])


@given(valid_numbers(), _prose, _prose, _gap, _gap)
def test_valid_numbers_are_found_in_random_text(number, before, after, left, right):
    spelling, normalised = number
    text = f"{before}{left}{spelling}{right}{after}"
    found = find_personnummer(text)
    assert [m.number for m in found] == [normalised]
    assert text[found[0].start : found[0].end] == spelling
    assert spelling not in redact_personnummer(text)


_dnr = st.builds(
    "{}{}{}{}".format,
    st.sampled_from(["VON/", "von/", "KS/", "SN ", "S", "BUN "]),
    st.integers(1990, 2030),
    st.sampled_from(["/", ":"]),
    st.integers(1, 99999),
)
_iso_dates = _days.map(dt.date.isoformat)
_phones = st.builds(
    "0{}-{} {} {}".format,
    st.integers(7, 99),
    st.integers(100, 999),
    st.integers(10, 99),
    st.integers(10, 99),
)
_dnr_plain = st.builds("{}/{}:{}".format, st.sampled_from(["VON", "KS"]), st.integers(1990, 2030),
                       st.integers(1, 999999))  # fmt: skip


@given(st.lists(st.one_of(_dnr, _iso_dates, _phones, _dnr_plain), min_size=1, max_size=6))
def test_diarienummer_dates_and_phone_numbers_are_not_flagged(parts):
    assert find_personnummer(" ".join(parts)) == []
    assert find_personnummer(", ".join(parts)) == []


@pytest.mark.parametrize("text", ["19780312-4567", "780312-4567", "197803124567", "780312+4567"])
def test_spelled_out_with_a_wrong_check_digit_is_still_flagged(text):
    """A mistyped check digit is still someone's personnummer to a reader (issue 11)."""
    assert len(find_personnummer(text)) == 1
