"""Which §§ open a protokoll: the list's own openers once, the missing ones added."""

from __future__ import annotations

from namnd.rules.standing_items import OPENERS, opener_for, protocol_order


def test_a_list_without_openers_gets_all_three_first():
    order = protocol_order(["Budget", "Information"])
    assert order == [*OPENERS, 0, 1]


def test_openers_on_the_list_are_taken_from_it_and_not_added_again():
    titles = [
        "Information",
        "Val av justerare och tid för justering",
        "Fastställande av föredragningslista.",
    ]
    assert protocol_order(titles) == [1, 2, OPENERS[2], 0]


def test_a_second_copy_on_the_list_stays_an_ordinary_item():
    assert protocol_order(["Jävsfrågan", "jävsfrågan"]) == [OPENERS[0], OPENERS[1], 0, 1]


def test_titles_that_only_mention_an_opener_are_not_one():
    assert opener_for("Budget och val av justerare") is None
    assert opener_for("VAL AV JUSTERARE").key == "justerare"
