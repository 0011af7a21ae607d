"""Who an utskick goes to: sändlistor resolved to one recipient per address.

Pure rules shared by the CLI, the TUI and the sending itself. The ledamöter and
ersättare lists are drawn from the seats holding on the meeting day; the other lists
keep their own addresses. A person on two lists gets one e-mail, and the internal
version (with handlingar) wins over the public one: whoever may read the handlingar
loses nothing by getting them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr

from namnd.domain.kinds import MemberRole
from namnd.errors import InvalidInput
from namnd.rules.addresses import checked_email
from namnd.rules.roster import Seat

#: The lists every organ has (kind, name, public), in the order they are shown.
STANDARD_LISTS = (
    ("ledamoter", "Ledamöter", False),
    ("ersattare", "Ersättare", False),
    ("ledning", "Förvaltningens ledning", False),
    ("revisorer", "Revisorer", False),
    ("press", "Press och allmänhet", True),
)
FREE = "fri"
#: Lists whose members come from the seats register, not from stored addresses.
FROM_SEATS = {"ledamoter": MemberRole.MEMBER, "ersattare": MemberRole.SUBSTITUTE}


def version_label(public: bool) -> str:
    """How a version is named to the secretary."""
    return "offentlig kallelse" if public else "kallelse med handlingar"


@dataclass(frozen=True)
class ListView:
    """A sändlista as shown and resolved: its name, version and stored addresses."""

    name: str
    kind: str
    public: bool
    addresses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recipient:
    """One e-mail to send: to whom, from which list, which version."""

    name: str
    address: str
    list_name: str
    public: bool

    @property
    def header(self) -> str:
        """``Tuva Lund (S) <tuva.lund@example.org>`` for the To field."""
        return display_address(self.name, self.address)


@dataclass(frozen=True)
class Resolved:
    """The recipients, and the seats that could not be reached (no e-post)."""

    recipients: list[Recipient]
    without_address: list[str]


def display_address(name: str, address: str) -> str:
    """``"Tuva Lund (S)" <tuva.lund@example.org>``: quoted where RFC 5322 needs it."""
    return str(Address(display_name=name, addr_spec=address)) if name else address


def parsed_address(text: str, *, what: str = "Adressen") -> tuple[str, str]:
    """``"Namn <a@b.se>"`` or ``"a@b.se"`` as (name, address), or a Swedish error."""
    name, address = parseaddr(text.strip())
    if not address or "@" not in address:
        raise InvalidInput(f"{what}: ”{text.strip()}” är ingen e-postadress.")
    return name.strip(), checked_email(address, what=what)


def stored_addresses(texts: Iterable[str]) -> list[str]:
    """Addresses as a list keeps them (checked, ``Namn <adress>``), a typo named by its text."""
    kept = []
    for text in texts:
        if text.strip():
            name, address = parsed_address(text)
            kept.append(display_address(name, address))
    return kept


def resolve(
    lists: Sequence[ListView], seats: Sequence[Seat], day: dt.date, chosen: Sequence[str] = ()
) -> Resolved:
    """The recipients of ``lists`` (only those named in ``chosen``, if any) on ``day``."""
    wanted = [_find(lists, name) for name in chosen] if chosen else list(lists)
    by_address: dict[str, Recipient] = {}
    missing: list[str] = []
    for view in wanted:
        for name, address in _members(view, seats, day, missing):
            key = address.casefold()
            known = by_address.get(key)
            if known is None or (known.public and not view.public):
                by_address[key] = Recipient(name, address, view.name, view.public)
    return Resolved(list(by_address.values()), list(dict.fromkeys(missing)))


def find_list(lists: Sequence[ListView], name: str) -> ListView:
    """The list called ``name`` (its name or kind, case ignored), or a Swedish error."""
    return _find(lists, name)


def _find(lists: Sequence[ListView], name: str) -> ListView:
    wanted = name.strip().casefold()
    for view in lists:
        if wanted in (view.name.casefold(), view.kind):
            return view
    names = ", ".join(f"”{v.name}”" for v in lists)
    raise InvalidInput(f"Det finns ingen sändlista ”{name}”. Sändlistorna är {names}.")


def _members(
    view: ListView, seats: Sequence[Seat], day: dt.date, missing: list[str]
) -> Iterator[tuple[str, str]]:
    role = FROM_SEATS.get(view.kind)
    if role is None:
        for text in view.addresses:
            yield parseaddr(text)
        return
    for seat in seats:
        if seat.role is role and seat.holds_on(day):
            if seat.email:
                yield seat.display, seat.email
            else:
                missing.append(seat.display)
