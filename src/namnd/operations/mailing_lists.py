"""Managing an organ's sändlistor: the functions the CLI and the TUI both call."""

from __future__ import annotations

from collections.abc import Sequence

from namnd.domain.models import Organ
from namnd.errors import InvalidInput
from namnd.rules.mailing import ListView, Resolved, resolve
from namnd.storage import mailing_lists, members
from namnd.storage.schedule import find_organ
from namnd.storage.store import Store


def lists(store: Store, organ_code: str | None = None) -> list[ListView]:
    """The organ's sändlistor (the standard ones are made on first use)."""
    with store.session() as session:
        organ = find_organ(session=session, code=organ_code)
        assert organ.id is not None  # a stored organ
        return mailing_lists.list_views(session=session, organ_id=organ.id)


def members_of(store: Store, organ_code: str | None, day, names: Sequence[str] = ()) -> Resolved:
    """Who the lists reach on ``day`` (one line per address), and seats without e-post."""
    with store.session() as session:
        organ = find_organ(session=session, code=organ_code)
        assert organ.id is not None  # a stored organ
        views = mailing_lists.list_views(session=session, organ_id=organ.id)
        seats = members.list_seats(session=session, organ_id=organ.id)
        return resolve(views, seats, day, names)


def add_list(store: Store, organ_code: str | None, name: str, *, public: bool) -> ListView:
    """A free list of the organ's own, receiving the internal or the public version."""
    with store.session() as session:
        organ = find_organ(session=session, code=organ_code)
        assert organ.id is not None  # a stored organ
        return mailing_lists.add_list(session=session, organ_id=organ.id, name=name, public=public)


def remove_list(store: Store, organ_code: str | None, name: str) -> None:
    """Remove a free list (the standard ones stay)."""
    with store.session() as session:
        organ = find_organ(session=session, code=organ_code)
        assert organ.id is not None  # a stored organ
        mailing_lists.remove_list(session=session, organ_id=organ.id, name=name)


def set_public(store: Store, organ_code: str | None, name: str, *, public: bool) -> ListView:
    """Which version the list receives."""
    with store.session() as session:
        organ = find_organ(session=session, code=organ_code)
        assert organ.id is not None  # a stored organ
        return mailing_lists.set_public(
            session=session, organ_id=organ.id, name=name, public=public
        )


def change_addresses(
    store: Store,
    organ_code: str | None,
    name: str,
    *,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    replace: Sequence[str] | None = None,
) -> ListView:
    """Add or remove a list's addresses, or set them all."""
    with store.session() as session:
        organ = find_organ(session=session, code=organ_code)
        assert organ.id is not None  # a stored organ
        return mailing_lists.change_addresses(
            session=session, organ_id=organ.id, name=name, add=add, remove=remove, replace=replace
        )


def set_limit(
    store: Store, organ_code: str | None, *, megabytes: int | None, url: str | None
) -> Organ:
    """The largest PDF e-mailed, and where the handlingar are published for a link."""
    if megabytes is not None and megabytes < 1:
        raise InvalidInput("Gränsen för e-post ska vara minst 1 MB.")
    if url is not None and url and not url.startswith(("https://", "http://")):
        raise InvalidInput(f"Adressen ”{url}” ska börja med https://.")
    with store.session() as session:
        organ = find_organ(session=session, code=organ_code)
        if megabytes is not None:
            organ.mail_limit_mb = megabytes
        if url is not None:
            organ.handlingar_url = url.strip()
        session.add(organ)
        session.flush()
        session.refresh(organ)
        session.expunge(organ)
        return organ
