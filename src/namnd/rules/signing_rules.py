"""Who must sign a protokoll, and whether a certificate's name is one of them (pure rules).

Digital justering: the protokoll is justerat when the ordförande and every justerare
named in it have signed its PDF/A. A certificate says who signed by its name, so the rule
that ties a certificate to a person in the protokoll is here, in one place:

**The names match when they are equal after Unicode normalisation (NFC), ignoring case,
and treating any run of spaces, hyphens or dots as one space.** "Tuva Lund",
"TUVA LUND" and "Tuva  Lund" match; "Tuva Lund-Berg" matches "Tuva Lund Berg"; "T. Lund"
and "Tuva Lund Berg" do not match "Tuva Lund" (a missing or extra name is another
person as far as the signature can tell). The certificate's common name (CN) is tried
first, then its given name and surname (SITHS and e-legitimation certificates carry both).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from namnd.domain.protocol import Protocol
from namnd.errors import InvalidInput

CHAIR_ROLE = "ordförande"
JUSTERARE_ROLE = "justerare"
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015]+")


@dataclass(frozen=True)
class Signatory:
    """A person whose signature the protokoll needs, and in which role."""

    name: str
    role: str


def name_key(name: str) -> str:
    """The form two names are compared in (see the module's rule)."""
    text = unicodedata.normalize("NFC", name).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def same_person(certificate_name: str, protocol_name: str) -> bool:
    """Whether a certificate's name names this person of the protokoll."""
    key = name_key(certificate_name)
    return bool(key) and key == name_key(protocol_name)


def required_signatories(protocol: Protocol) -> tuple[Signatory, ...]:
    """The ordförande and each justerare named in the protokoll, ordförande first.

    A justerare who is also ordförande (it happens in small utskott) signs once.
    """
    if protocol.chair is None:
        raise InvalidInput("Protokollet har ingen ordförande i närvaron: ange ordförande först.")
    if not protocol.justering.justerare:
        raise InvalidInput("Ange vem som justerar protokollet innan det skrivs under.")
    people = [Signatory(protocol.chair.name, CHAIR_ROLE)]
    for name in protocol.justering.justerare:
        if not any(same_person(name, p.name) for p in people):
            people.append(Signatory(name, JUSTERARE_ROLE))
    return tuple(people)


def signatory_for(names: Iterable[str], protocol: Protocol) -> Signatory:
    """The signatory a certificate with these names (CN, then given name + surname) is.

    A Swedish error naming the certificate's name and who may sign, if nobody matches.
    """
    names = [n for n in names if n.strip()]
    people = required_signatories(protocol)
    for name in names:
        for person in people:
            if same_person(name, person.name):
                return person
    shown = names[0] if names else "(inget namn)"
    allowed = ", ".join(f"{p.name} ({p.role})" for p in people)
    raise InvalidInput(
        f"Certifikatet är utfärdat till {shown}, som inte är ordförande eller justerare i "
        f"protokollet. Det ska skrivas under av: {allowed}."
    )


def missing(protocol: Protocol, signed_names: Iterable[str]) -> tuple[Signatory, ...]:
    """The signatories no valid signature names yet (empty: the protokoll may be justerat)."""
    signed = list(signed_names)
    return tuple(
        person
        for person in required_signatories(protocol)
        if not any(same_person(name, person.name) for name in signed)
    )
