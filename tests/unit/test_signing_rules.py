"""The rule that ties a certificate's name to the ordförande or a justerare of the protokoll."""

from __future__ import annotations

import pytest

from namnd.errors import InvalidInput
from namnd.rules.signing_rules import missing, same_person, signatory_for
from tests.protocol_sample import draft_protocol


@pytest.mark.parametrize(
    ("certificate", "person", "same"),
    [
        ("Tuva Lund", "Tuva Lund", True),
        ("TUVA LUND", "Tuva Lund", True),
        ("Tuva  Lund ", "Tuva Lund", True),
        ("Tuva Lund-Berg", "Tuva Lund Berg", True),
        ("Åsa Öberg", "A\u030asa O\u0308berg", True),
        ("T. Lund", "Tuva Lund", False),
        ("Tuva Lund Berg", "Tuva Lund", False),
        ("", "", False),
    ],
)
def test_names_match_after_normalising_case_spaces_and_hyphens(certificate, person, same):
    assert same_person(certificate, person) is same


def test_the_chair_and_each_justerare_must_sign():
    protocol = draft_protocol()
    assert [p.name for p in missing(protocol, [])] == ["Tuva Lund", "Per Ek"]
    assert [p.name for p in missing(protocol, ["tuva lund"])] == ["Per Ek"]
    assert missing(protocol, ["Tuva Lund", "PER EK"]) == ()
    assert signatory_for(["", "Per Ek"], protocol).role == "justerare"
    with pytest.raises(InvalidInput, match="Kerstin Frimodig, som inte är ordförande"):
        signatory_for(["Kerstin Frimodig"], protocol)
