"""Telling a damaged SQLite file from a usable one without writing to it, and the one
message that refuses it (nothing is changed; restore from the backup beside it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from editor.errors import CorruptDatabaseError
from editor.i18n import _

#: No SQLite database file is smaller than one page of the smallest size.
SQLITE_MIN_PAGE_SIZE = 512


def corrupt_error(path: Path, detail: str) -> CorruptDatabaseError:
    return CorruptDatabaseError(
        _(
            "{path} is not a usable Redaksi database ({detail}). It was not changed. "
            "Restore it from a backup (Redaksi writes one beside it before every "
            "upgrade), or open another database with --db."
        ).format(path=path, detail=detail)
    )


def refuse_too_short(path: Path, size: int) -> None:
    """A non-empty file smaller than SQLite's smallest page holds no database.

    (SQLite itself would take it for an empty database and write a new one over it.)
    """
    if 0 < size < SQLITE_MIN_PAGE_SIZE:
        raise corrupt_error(path, _("it is not an SQLite file, or it was cut short"))


def claims_more_pages_than_it_has(path: Path, mode: str, busy_timeout: float) -> bool:
    """True if SQLite can read ``path`` once it stops comparing the page count in the
    header with the file's size: the file was cut short (a copy that did not finish).

    SQLite refuses such a file as "malformed"; with ``writable_schema`` it takes the size
    of the file instead, and nothing else in reading the header changes. The connection
    is read-only in effect (``query_only``), so that setting can change nothing.
    """
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=busy_timeout
        )
    except sqlite3.Error:
        return False
    try:
        connection.execute("PRAGMA query_only = ON")
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return True
