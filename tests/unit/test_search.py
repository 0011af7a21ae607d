"""Ranking ärenden and §§: every word must occur, folded; dnr > rubrik > text; newest first."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from namnd.rules.search import (
    SNIPPET_WIDTH,
    Document,
    hit_cells,
    query_words,
    snippet,
)
from tests.search_oracle import ranked


def _doc(title, text="", dnr="", day=dt.date(2019, 9, 19), number=1, **kw) -> Document:
    kind = kw.pop("kind", "arende")
    return Document(kind, title, dnr, text, 1, day, number, **kw)


def test_query_words_keep_a_diarienummer_whole():
    assert query_words("Boendestöd, von/2019:76.") == ["boendestöd", "von/2019:76"]
    assert query_words(" … ") == []


def test_every_word_must_occur_and_case_and_aao_fold():
    docs = [
        _doc("Statsbidrag för förstärkning av äldreomsorgen"),
        _doc("Äldreomsorgens lokaler", "Planen för 2020"),
    ]
    assert [h.document.title for h in ranked(docs, "ÄLDREOMSORG statsbidrag")] == [docs[0].title]
    assert len(ranked(docs, "äldreomsorg")) == 2
    assert ranked(docs, "äldreomsorg hemtjänst") == []


def test_dnr_weighs_most_then_title_then_text_then_newest():
    old = _doc("Yttrande", "om matsvinn", day=dt.date(2018, 5, 1))
    new = _doc("Yttrande", "om matsvinn", day=dt.date(2019, 5, 1))
    titled = _doc("Halvera matsvinnet", day=dt.date(2010, 1, 1))
    numbered = _doc("Motion", dnr="von/2019:76", day=dt.date(2009, 1, 1))
    assert [h.document for h in ranked([old, titled, new], "matsvinn")] == [titled, new, old]
    assert ranked([titled, numbered], "2019:76")[0].document == numbered


def test_snippet_shows_the_hit_in_one_line_without_markup():
    hit = "Två **beslut** gällande\nboendestöd har rapporterats. "
    text = "Inledning. " * 20 + hit + "Slut. " * 20
    line = snippet(text, ["boendestöd"])
    assert line.startswith("…") and line.endswith("…") and "\n" not in line
    assert "beslut gällande boendestöd" in line and "**" not in line
    assert snippet("Kort text", ["saknas"]) == "Kort text"


def test_a_secret_hit_never_shows_its_text():
    secret = _doc("Individärende", "Karl Hemligsson, född 1950", confidential=True)
    (hit,) = ranked([secret], "hemligsson")
    assert "Hemligsson" not in " ".join(hit_cells(hit))
    assert hit_cells(hit)[:2] == ("torsdag 19 september 2019", "ärende 1")


@given(st.text(max_size=400), st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_snippet_is_one_bounded_line(text, words):
    line = snippet(text, [w.casefold() for w in words])
    assert "\n" not in line and len(line) <= SNIPPET_WIDTH + 2


@given(st.lists(st.text(max_size=30), min_size=1, max_size=8), st.text(max_size=20))
def test_every_hit_holds_every_word(titles, query):
    docs = [_doc(t) for t in titles]
    for hit in ranked(docs, query):
        assert all(w in hit.document.title.casefold() for w in query_words(query))
