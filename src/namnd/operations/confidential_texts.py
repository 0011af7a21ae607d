"""The workspace's confidential texts, as the publication gate needs them.

Read in the snapshot of the use case that publishes, when it has one (``joined_read``):
the gate checks against the same state of the database as the document it checks.
"""

from __future__ import annotations

from namnd.rules.public_check import Secret, SecretIndex
from namnd.storage import confidential
from namnd.storage.database import joined_read
from namnd.storage.store import Store


def confidential_texts(store: Store) -> list[Secret]:
    """Every confidential text in the database with where it comes from (see storage)."""
    with joined_read(store.engine) as session:
        return confidential.confidential_texts(session=session)


def secret_index(store: Store) -> SecretIndex:
    """The confidential texts indexed once, less what the workspace publishes anyway.

    Built once per snapshot: a use case that publishes many files in one (the
    anslagstavla's pages, PDFs and OParl tree) checks them all against the same index.
    """
    with joined_read(store.engine) as session:
        index = session.info.get(_INDEX)
        if index is None:
            index = session.info[_INDEX] = SecretIndex.build(
                confidential.confidential_texts(session=session),
                common=[
                    *confidential.public_texts(session=session),
                    *confidential.public_sources(session=session),
                ],
            )
        return index


_INDEX = "namnd.secret_index"
