"""The workspace's confidential texts, as the publication gate needs them."""

from __future__ import annotations

from sqlmodel import Session

from namnd.rules.public_check import Secret, SecretIndex
from namnd.storage import confidential
from namnd.storage.store import Store


def confidential_texts(store: Store) -> list[Secret]:
    """Every confidential text in the database with where it comes from (see storage)."""
    with Session(store.engine) as session:
        return confidential.confidential_texts(session=session)


def secret_index(store: Store) -> SecretIndex:
    """The confidential texts indexed once, less what the workspace publishes anyway."""
    with Session(store.engine) as session:
        return SecretIndex.build(
            confidential.confidential_texts(session=session),
            common=[
                *confidential.public_texts(session=session),
                *confidential.public_sources(session=session),
            ],
        )
