"""Article, section and person ids as the database returns them, and back to UUIDs.

Tens of thousands of rows each turned into a ``uuid.UUID`` cost more than the query that
read them; the dashboard keeps ids as stored (hex text on SQLite, a UUID on PostgreSQL)
while it sums and sorts, and makes UUIDs only of the few that it shows.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String, type_coerce


def stored_id(column: Any) -> Any:
    """An id column as the database returns it, with no conversion per row."""
    return type_coerce(column, String)


def as_uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
