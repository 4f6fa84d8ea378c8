"""The copy of an SQLite newsroom kept beside it before its schema is upgraded.

One copy per upgrade: an upgrade that is tried again (after a crash, a kill, a power cut
or a failing migration, all of which leave the database as it was) finds the copy it made
the first time, byte for byte what it would write now, and keeps that one instead of
adding another. A copy that differs (the database was used in between) is written beside
the earlier ones, which are never deleted: they are the user's.

The copy is a single file in rollback-journal mode, so it opens read-only anywhere
(a copy in WAL mode leaves ``-wal`` and ``-shm`` files beside it when it is opened).
"""

from __future__ import annotations

import filecmp
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

BACKUP_SUFFIX = ".bak"
#: The copy is written under this suffix first: a crash mid-copy never leaves a half
#: copy that looks like a good one. Its name is fixed, so the next try replaces it.
PARTIAL_SUFFIX = ".partial"
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def backups_of(path: Path, revision: str | None) -> list[Path]:
    """The copies kept of ``path`` at ``revision`` before an upgrade, oldest first."""
    pattern = re.compile(
        re.escape(f"{path.name}.{_label(revision)}.")
        + r"(\d{8}T\d{6}Z)(?:-(\d+))?"
        + re.escape(BACKUP_SUFFIX)
    )
    found = []
    for candidate in path.parent.iterdir():
        match = pattern.fullmatch(candidate.name)
        if match:
            found.append(((match[1], int(match[2] or 1)), candidate))
    return [candidate for _when, candidate in sorted(found)]


def backup_before_upgrade(path: Path, revision: str | None, busy_timeout: float) -> Path:
    """The copy of ``path`` (at schema ``revision``) to keep through its upgrade: an earlier
    identical one if there is one, otherwise a new one (SQLite's backup API: consistent even
    while others use the file in WAL mode)."""
    partial = path.with_name(f"{path.name}.{_label(revision)}{BACKUP_SUFFIX}{PARTIAL_SUFFIX}")
    _remove_with_side_files(partial)
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=busy_timeout)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    finally:
        source.close()
    for earlier in reversed(backups_of(path, revision)):
        if filecmp.cmp(earlier, partial, shallow=False):
            partial.unlink()
            return earlier
    target = _free_name(path, revision)
    partial.replace(target)
    return target


def _label(revision: str | None) -> str:
    return revision or "empty"


def _free_name(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}.{_label(revision)}.{stamp}"
    target = path.with_name(base + BACKUP_SUFFIX)
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{base}-{counter}{BACKUP_SUFFIX}")
    return target


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SQLITE_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
