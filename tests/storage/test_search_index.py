"""The search index finds what the Python search found, and follows every write.

The oracle (``tests/search_oracle.py``) is the search as it was before the index: every
document read and scored in Python. On random nämnder and random queries the index must
give the same hits, in the same order, with the same snippets.
"""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, inspect, text
from sqlmodel import Session, select

from namnd.domain.models import AgendaItem, Arende, Meeting, Organ, ParagraphRow
from namnd.domain.search_tables import SearchText
from namnd.operations.demo import load_demo
from namnd.storage.migrate import alembic_config
from namnd.storage.store import Store
from tests import search_oracle
from tests.protocol_sample import sample_protocol

# Swedish letters both cases, a few that fold to more than one letter, dnr punctuation.
_LETTERS = "abeorsnåäöÅÄÖABßİ0129/:.-_ "
_words = st.text(alphabet=_LETTERS.strip(), min_size=1, max_size=5)
_texts = st.lists(_words, max_size=6).map(" ".join)
_DAYS = [dt.date(2019, 1, 17), dt.date(2019, 2, 14), dt.date(2020, 1, 16)]

_arenden = st.lists(
    st.fixed_dictionaries(
        {
            "title": _texts.filter(str.strip),
            "dnr": st.one_of(st.none(), _texts),
            "summary": _texts,
            "body": _texts,
            "proposal": st.lists(_texts, max_size=2),
            "secret": st.booleans(),
            "meetings": st.lists(st.sampled_from(range(len(_DAYS))), max_size=2, unique=True),
            "paragraph": st.one_of(
                st.none(), st.fixed_dictionaries({"decision": _texts, "secret": st.booleans()})
            ),
        }
    ),
    max_size=8,
)
_queries = st.lists(_words, min_size=1, max_size=3).map(" ".join)


def _fill(store: Store, arenden: list[dict]) -> None:
    """A nämnd with these ärenden on the meetings they name, each with an optional §."""
    with store.session() as session:
        for table in (SearchText, ParagraphRow, AgendaItem, Arende, Meeting):
            session.exec(delete(table))
        organ = session.exec(select(Organ)).first()
        meetings = [Meeting(organ_id=organ.id, date=day) for day in _DAYS]
        session.add_all(meetings)
        session.flush()
        number = 0
        for a in arenden:
            arende = Arende(
                organ_id=organ.id,
                title=a["title"],
                dnr=a["dnr"],
                summary_md=a["summary"],
                body_md=a["body"],
                proposal=a["proposal"],
                confidential=a["secret"],
            )
            session.add(arende)
            session.flush()
            for position, m in enumerate(a["meetings"], start=1):
                item = AgendaItem(meeting_id=meetings[m].id, arende_id=arende.id, position=position)
                session.add(item)
                session.flush()
                if a["paragraph"] is not None:
                    number += 1
                    session.add(
                        ParagraphRow(
                            organ_id=organ.id,
                            meeting_id=meetings[m].id,
                            agenda_item_id=item.id,
                            year=_DAYS[m].year,
                            number=number,
                            title=a["title"],
                            dnr=a["dnr"],
                            decision_md=a["paragraph"]["decision"],
                            confidential=a["paragraph"]["secret"],
                        )
                    )


def _expected(store: Store, query: str, limit: int = 50):
    with Session(store.engine) as session:
        return search_oracle.ranked(search_oracle.documents(session), query, limit)


def _queries_from(arenden: list[dict], data) -> list[str]:
    """Random words, and words taken out of the corpus (so that most queries find something)."""
    corpus = [w for a in arenden for w in (a["title"] + " " + a["body"]).split()]
    taken = [data.draw(st.sampled_from(corpus)) for _ in range(3)] if corpus else []
    return [data.draw(_queries), *taken, " ".join(taken[:2])]


@pytest.fixture
def organ_store(backend_store) -> Store:
    with backend_store.session() as session:
        session.add(Organ(code="von", name="Vård- och omsorgsnämnden", diarium_prefix="von"))
    return backend_store


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(arenden=_arenden, data=st.data())
def test_the_index_finds_what_the_python_search_found(organ_store, arenden, data):
    _fill(organ_store, arenden)
    for query in _queries_from(arenden, data):
        assert organ_store.search.find(query) == _expected(organ_store, query), query
    assert organ_store.search.find("a", limit=3) == _expected(organ_store, "a", limit=3)


def test_the_index_follows_edits_sekretess_and_deletes(organ_store):
    store = organ_store
    _fill(
        store,
        [
            {
                "title": "Boendestöd",
                "dnr": "von/2019:76",
                "summary": "Om matsvinn",
                "body": "",
                "proposal": [],
                "secret": False,
                "meetings": [0],
                "paragraph": {"decision": "Bifall till Omar Haddads yrkande", "secret": False},
            }
        ],
    )
    assert [h.document.kind for h in store.search.find("haddad")] == ["paragraph"]
    with store.session() as session:
        arende = session.exec(select(Arende)).one()
        arende.summary_md = "Om hemtjänsten"
        arende.confidential = True
    assert store.search.find("matsvinn") == [] and store.search.find("hemtjänst") == []
    assert store.search.find("haddad") == [], "the § of a sekretess ärende is sekretess too"
    (hit, paragraph) = store.search.find("boendestöd")
    assert hit.document.confidential and hit.document.text == "" and paragraph.document.confidential
    with store.session() as session:
        for table in (ParagraphRow, AgendaItem, Arende):  # the ORM's deletes, as the Store's
            for row in session.exec(select(table)):
                session.delete(row)
            session.flush()
    assert store.search.find("boendestöd") == []
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM searchtext")).scalar() == 0


def test_a_database_made_before_the_index_gets_it_filled(backend_workspace):
    workspace = backend_workspace
    store = Store.open(workspace)
    load_demo(store)
    store.protocols.replace(store.schedule.find_meeting("2019-09-19").id, sample_protocol())
    queries = ["von/2019:76", "Omar Haddad", "genomlysning ÄLDREOMSORG", "boendestöd", "b"]
    before = {q: _expected(store, q) for q in queries}
    with store.engine.begin() as connection:
        config = alembic_config(store.engine)
        config.attributes["connection"] = connection
        command.downgrade(config, "0014")  # the revision before the index
        assert "searchtext" not in inspect(connection).get_table_names()
    store.close()

    store = Store.open(workspace)  # upgrades, and fills the index
    with store.engine.connect() as connection:
        indexed = connection.execute(text("SELECT count(*) FROM searchtext")).scalar()
        written = connection.execute(
            text("SELECT (SELECT count(*) FROM arende) + (SELECT count(*) FROM paragraph)")
        ).scalar()
    assert indexed == written > 0
    assert {q: store.search.find(q) for q in queries} == before
    assert before["Omar Haddad"], "the queries find something"
    store.close()
