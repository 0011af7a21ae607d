"""The ERMS renderer alone: any ärende namnd can hold gives XML the ERMS schema accepts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from namnd.operations.archive_package import SCHEMAS
from namnd.renderers.erms_xml import CaseFile, Description, Handling, erms_document

SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "ERMS.xsd")))
ERMS = {"erms": "https://DILCIS.eu/XML/ERMS"}
#: Text as users type it: any printable character XML can carry, å/ä/ö and markup too.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=60,
)
AT = dt.datetime(2026, 3, 17, 10, 0, tzinfo=dt.UTC)


def _description(signers: list[str], signed: bool = False) -> Description:
    return Description(
        ident="uuid-1",
        organ="Kultur- och fritidsnämnden",
        municipality="",
        osl_reference="40 kap. 5 § OSL",
        created=AT,
        signatures=[(name, AT) for name in signers],
        signed=signed,
    )


cases = st.builds(
    CaseFile,
    ident=st.just("arende-01"),
    dnr=TEXT,
    title=TEXT,
    paragraph=st.none() | st.integers(1, 999),
    decision=TEXT,
    decided_on=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    confidential=st.booleans(),
    handlingar=st.lists(
        st.builds(
            Handling,
            title=TEXT,
            kind=st.sampled_from(["tjänsteskrivelse", "bilaga", "protokollsutdrag"]),
            date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
            href=st.sampled_from(["", "representations/rep1/data/bilagor/a.pdf"]),
            confidential=st.booleans(),
            file_format=st.sampled_from(["", "PDF", "TSV"]),
        ),
        max_size=3,
    ),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(cases, min_size=1, max_size=3), st.lists(TEXT.filter(str.strip), max_size=3))
def test_any_arende_gives_valid_erms(found, signers):
    document = etree.fromstring(erms_document(_description(signers), found))
    assert SCHEMA.validate(document), SCHEMA.error_log
    restricted = document.xpath("//erms:aggregation[erms:restriction]", namespaces=ERMS)
    assert len(restricted) == sum(case.confidential for case in found)


def test_the_sekretess_ground_and_the_signatures_are_written():
    case = CaseFile("arende-01", "KFN 2026/7", "Bidrag till förening", 12, "Beviljas.",
                    dt.date(2026, 3, 12), confidential=True)  # fmt: skip
    document = etree.fromstring(erms_document(_description(["Ada Ek", "Bo Lind"], True), [case]))
    assert document.xpath("//erms:regulation/text()", namespaces=ERMS) == ["40 kap. 5 § OSL"]
    assert document.xpath("//erms:eSignature/@present", namespaces=ERMS) == ["true", "true"]
    kinds = document.xpath("//erms:action[erms:actionType='justering']//erms:agent/@agentType",
                           namespaces=ERMS)  # fmt: skip
    assert kinds == ["main_signatory", "other_signatory"]
