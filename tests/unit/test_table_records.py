"""The text tables' ``folded`` promise: when it is given, no cell needed folding.

The delegation list parser skips folding every cell (100 000 rows) when the whole text
says it may; a wrong promise would store a beslutsfattare with a stray tab or two spaces.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from namnd.formats.tables import _csv_rows, _first_line, cell_text, read_records, sniff_delimiter

_CELL = st.text(alphabet=st.sampled_from('ab å–\t;,"\xa0\u2003\r\n'), max_size=6)


@given(
    st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=5),
    st.sampled_from(["\t", ";"]),
)
def test_a_folded_table_has_no_cell_that_folding_would_change(rows, delimiter):
    text = "\n".join(delimiter.join(cells) for cells in rows)
    if not text.strip():
        return
    records = read_records(text.encode("utf-8"))
    cells = [c for _, row in records.rows for c in row]
    if records.folded:
        assert all(c == cell_text(c) for c in cells)


def test_a_clean_table_is_folded_and_a_spaced_one_is_not():
    assert read_records(b"Namn\tParti\nAnna Berg\tS\n").folded
    for spaced in ("Anna  Berg\tS", "Anna Berg \tS", "Anna\xa0Berg\tS", ' "Anna"\tS', "A\tS "):
        assert not read_records(f"Namn\tParti\n{spaced}\n".encode()).folded, spaced
    assert not read_records(b"a;b\tc;d\n").folded  # a tab inside a ;-cell is folded


@given(
    st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=6),
    st.sampled_from(["\t", ";", ","]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_a_folded_table_reads_as_the_csv_module_reads_it(rows, delimiter, newline):
    text = newline.join(delimiter.join(cells) for cells in rows)
    if not text.strip():
        return
    records = read_records(text.encode("utf-8"))
    if not records.folded:
        return
    as_csv = list(_csv_rows(text, sniff_delimiter(_first_line(text)), "Filen"))
    read = [(line, cells) for line, cells in records.rows]
    blank = ([], [""])
    assert [r for r in read if r[1] not in blank] == [r for r in as_csv if r[1] not in blank]
