"""E-mail addresses and phone numbers as the seats register and the sändlistor keep them.

Checked when typed (form, roster file, list), not when sending: a kallelse that cannot
reach a ledamot because of a typo found on the day of utskick is found too late.
"""

from __future__ import annotations

import re

from namnd.errors import InvalidInput

# Deliberately plain: local part, @, a domain with at least one dot. No quoted local
# parts or IP literals: no secretariat writes them, and a typo is far likelier.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]{2,}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,20}$")


def checked_email(text: str, *, what: str = "E-post") -> str:
    """``text`` trimmed (empty stays empty), or a Swedish error naming ``what``."""
    address = text.strip()
    if address and (not _EMAIL.match(address) or ".." in address):
        raise InvalidInput(
            f"{what}: ”{address}” är ingen e-postadress (skriv t.ex. namn@kommun.se)."
        )
    return address


def checked_phone(text: str, *, what: str = "Telefon") -> str:
    """``text`` trimmed (empty stays empty), or a Swedish error naming ``what``."""
    number = " ".join(text.split())
    if number and not _PHONE.match(number):
        raise InvalidInput(
            f"{what}: ”{number}” är inget telefonnummer (skriv t.ex. 08-530 610 00)."
        )
    return number
