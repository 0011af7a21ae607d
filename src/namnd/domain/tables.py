"""Import every module that defines tables, so ``SQLModel.metadata`` is complete.

Alembic's env.py and the migration tests import this; a new table module adds one line.
"""

from namnd.domain import (  # noqa: F401
    delegation_tables,
    inkallelse_tables,
    models,
    protocol_tables,
    search_tables,
)
