from hypothesis import given
from hypothesis import strategies as st

from namnd.rules.public_check import (
    RECORD,
    RUN,
    FindingKind,
    Secret,
    SecretIndex,
    check_text,
    normalise,
)

SUMMARY = Secret(
    "Brukaren har sedan mars vistats på korttidsboendet Solrosen och anhöriga har "
    "framfört klagomål på bemötandet.",
    "ärende 7 (VON/2019:35), Sammanfattning",
)
ROW = Secret("Avslag Ledsagarservice enligt 9 § 3 LSS", "delegationslista LSS/SFB, rad 4, Beslut")


def test_clean_text_has_no_findings():
    text = "Vård- och omsorgsnämnden beslutar att godkänna årsredovisningen. Dnr VON/2019:35."
    assert check_text(text, where="word/document.xml", secrets=[SUMMARY, ROW]) == []


def test_personnummer_is_a_finding_with_the_number_masked():
    (finding,) = check_text("Sökande 19780312-4564 bor kvar.", where="sida 2", secrets=[])
    assert finding.kind == FindingKind.PERSONNUMMER == "personnummer"
    assert finding.where == "sida 2" and finding.excerpt == "19780312-XXXX"
    assert "4564" not in finding.message
    assert finding.message == "sida 2: personnummer 19780312-XXXX får inte publiceras."
    (coordination,) = check_text("780372-4561", where="x", secrets=[])
    assert "samordningsnummer" in coordination.message


def test_html_comment_is_a_finding():
    text = "Text före <!-- internt: ring handläggaren --> och efter. <!-- oavslutad"
    findings = check_text(text, where="kallelse.md", secrets=[])
    assert [f.kind for f in findings] == [FindingKind.HTML_COMMENT] * 2
    assert findings[0].excerpt == "<!-- internt: ring handläggaren -->"
    assert "HTML-kommentar" in findings[0].message


def test_a_copied_run_names_the_secret_and_its_field():
    text = "Ärende 7. Brukaren har sedan\nmars **vistats** på korttids-\nboendet Solrosen. Slut."
    (finding,) = check_text(text, where="word/document.xml", secrets=[SUMMARY, ROW])
    assert finding.kind == FindingKind.CONFIDENTIAL
    assert finding.source == SUMMARY.source
    assert finding.excerpt.startswith("Brukaren har sedan mars **vistats**")
    assert finding.excerpt.endswith("Solrosen")
    assert finding.message.startswith(
        "word/document.xml: text ur ärende 7 (VON/2019:35), Sammanfattning får inte publiceras"
    )


def test_case_accents_and_spacing_do_not_hide_a_copy():
    text = "AVSLAG  LEDSAGARSERVICE enligt 9 § 3 LSS"
    (finding,) = check_text(text, where="sida 1", secrets=[ROW])
    assert finding.source == ROW.source
    decomposed = "Avsla\u0308g Ledsagarservice enligt 9 § 3 LSS"
    assert check_text(decomposed, where="sida 1", secrets=[ROW])


def test_nineteen_characters_are_not_a_run_twenty_are():
    secret = Secret("abcdefg hijklmn opqrst uvwxyz", "ärende 1, Sammanfattning")
    assert not check_text("abcdefg hijklmn opqrs", where="x", secrets=[secret])
    assert check_text("abcdefg hijklmn opqrst", where="x", secrets=[secret])


def test_a_short_record_that_flattens_to_a_run_is_checked():
    # Eleven characters, 27 when flattened: a ligature grows, so shortness is not enough.
    secret = Secret("ffiffiffi ffiffiffi ffiffiffi", "ärende 1, Sammanfattning")
    record = "\ufb03\ufb03\ufb03 \ufb03\ufb03\ufb03 \ufb03\ufb03\ufb03"
    assert len(record) < RUN
    assert check_text(f"{RECORD}{record}{RECORD}", where="x", secrets=[secret])


def test_a_long_compound_and_a_word_is_no_copy():
    """Twenty letters over two words ("förvaltningsrätten om") are a phrase, not a copy."""
    secret = Secret("ansöker hos förvaltningsrätten om vård", "§ 12, Beslut")
    assert not check_text("Dom i förvaltningsrätten om bistånd", where="x", secrets=[secret])
    assert check_text("hos förvaltningsrätten om", where="x", secrets=[secret])


def test_short_secrets_and_boilerplate_are_skipped():
    short = Secret("Lex Maria", "bilaga 2, titel")
    boiler = Secret("Vård- och omsorgsnämnden", "ärende 3, Sammanfattning")
    index = SecretIndex.build([short, boiler, SUMMARY], common=["Vård- och omsorgsnämnden"])
    assert {index.secrets[i].source for i in index.shingles.values()} == {SUMMARY.source}
    text = "Lex Maria. Vård- och omsorgsnämnden. Förslag till beslut: Nämnden beslutar att"
    assert check_text(text, where="x", secrets=index) == []


def test_the_rubrik_of_a_secret_arende_is_common_and_does_not_count():
    secret = Secret(
        "Överklagande av beslut om bistånd. Den enskilde har överklagat avslaget.",
        "ärende 8, Sammanfattning",
    )
    index = SecretIndex.build([secret], common=["Överklagande av beslut om bistånd"])
    assert check_text("8. Överklagande av beslut om bistånd", where="x", secrets=index) == []
    assert check_text("Den enskilde har överklagat", where="x", secrets=index)


def test_one_finding_per_secret_with_its_longest_run():
    text = f"{ROW.text}. Annat. {SUMMARY.text[:40]} och sedan {SUMMARY.text[:80]}"
    findings = check_text(text, where="x", secrets=[SUMMARY, ROW])
    assert [f.source for f in findings] == [ROW.source, SUMMARY.source]
    assert findings[1].excerpt.endswith("…") or len(findings[1].excerpt) > 40


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=12)
_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=0, max_size=200)


@given(st.lists(_word, min_size=3, max_size=30), st.integers(0, 30), _words, _words)
def test_any_run_of_twenty_is_found_inside_other_text(words, start, before, after):
    secret = Secret("Q9 " + " ".join(words) + " Z8", "ärende 1, Sammanfattning")
    words = ["Q9", *words, "Z8"]
    start = min(start, len(words) - 1)
    end = start + 3
    while end < len(words) and len("".join(words[start:end])) < RUN:
        end += 1
    piece = " ".join(words[start:end])
    findings = check_text(f"{before}\n{piece}\n{after}", where="x", secrets=[secret])
    if end - start >= 3 and len(normalise(piece)[0]) >= RUN:
        assert [f.source for f in findings] == [secret.source]


def test_two_secrets_sharing_text_are_each_found_whole():
    lss = Secret("Sammanställning ej verkställda beslut enligt LSS, kvartal 2", "bilaga 2")
    sol = Secret("Sammanställning ej verkställda beslut enligt SoL, kvartal 2", "bilaga 3")
    findings = check_text(f"{lss.text}\n{sol.text}", where="x", secrets=[lss, sol])
    assert {(f.source, f.excerpt) for f in findings} == {
        ("bilaga 2", lss.text),
        ("bilaga 3", sol.text),
    }


def test_secrets_copied_in_the_same_place_are_one_finding():
    rows = [
        Secret(f"Bifall Avlösarservice i hemmet enligt 9 § 5 LSS, {n} tim", f"rad {n}")
        for n in (4, 9, 12)
    ]
    (finding,) = check_text("Insats: Avlösarservice i hemmet enligt 9 § 5 LSS", where="x",
                            secrets=rows)  # fmt: skip
    assert finding.source == "rad 4"
    assert finding.excerpt == "Avlösarservice i hemmet enligt 9 § 5 LSS"
    assert "text ur rad 4 (och 2 källor till) får inte publiceras" in finding.message
