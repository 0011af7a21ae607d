import io

import docx
import pytest

from namnd.errors import InvalidInput, NamndError, PublicationRefused
from namnd.operations.public_gate import check_public_file, write_public
from namnd.rules.public_check import FindingKind, Secret, SecretIndex

SECRET = Secret(
    "Brukaren har sedan mars vistats på korttidsboendet Solrosen",
    "ärende 7 (VON/2019:35), Sammanfattning",
)


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_clean_file_is_written_atomically(tmp_path):
    target = tmp_path / "ut" / "kallelse-offentlig.docx"
    data = _docx("Kallelse", "Ärende 7. Sekretessbelagd handling")
    write_public(data, target, kind="docx", secrets=[SECRET])
    assert target.read_bytes() == data
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_leaking_file_is_refused_and_nothing_is_written(tmp_path):
    target = tmp_path / "kallelse.md"
    target.write_text("förra versionen", encoding="utf-8")
    data = "Ärende 7\n\nBrukaren har sedan mars vistats på korttidsboendet. 780312-4564 <!-- x -->"
    with pytest.raises(PublicationRefused) as refused:
        write_public(data.encode(), target, kind="md", secrets=[SECRET])
    assert isinstance(refused.value, NamndError)
    assert [f.kind for f in refused.value.findings] == [
        FindingKind.PERSONNUMMER,
        FindingKind.HTML_COMMENT,
        FindingKind.CONFIDENTIAL,
    ]
    message = str(refused.value)
    assert message.startswith(
        f"{target} skrevs inte: den offentliga versionen innehåller 3 fynd som inte får "
        "publiceras:\n- kallelse.md: personnummer 780312-XXXX får inte publiceras."
    )
    assert "ärende 7 (VON/2019:35), Sammanfattning" in message
    assert "4564" not in message
    assert target.read_text(encoding="utf-8") == "förra versionen"
    assert [p.name for p in tmp_path.iterdir()] == ["kallelse.md"]


def test_check_a_file_on_disk(tmp_path):
    path = tmp_path / "k.docx"
    path.write_bytes(_docx("Brukaren har sedan mars vistats på korttidsboendet"))
    index = SecretIndex.build([SECRET])
    (finding,) = check_public_file(path, secrets=index)
    assert finding.where == "word/document.xml" and finding.source == SECRET.source
    assert check_public_file(_docx("Inget hemligt"), "docx", index) == []
    with pytest.raises(InvalidInput, match="finns inte"):
        check_public_file(tmp_path / "saknas.docx", secrets=index)
