"""The ``-wal`` and ``-shm`` files beside an SQLite database stay writable by their owner.

SQLite creates them with the database file's own permissions. When the database file is
read-only (mode 0444: an archive copy, or a file its owner protected for a while), a
connection that only reads still creates both, read-only too, and cannot remove them when
it closes, since only a connection that can write tidies them away. Once the database is
made writable again, those leftovers refuse every write ("attempt to write a readonly
database") although the database itself may be written.

They are scratch files that belong to the database, not copies of it: whoever owns them
may write them. So each time a connection is made, the ones this user owns get their
owner's write bit back: before SQLite opens them (left by an earlier read-only use) and
after (made just now). ``chmod`` opens no descriptor, so it never drops the locks SQLite
holds on them (editor.sqlite_guard).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

SIDE_FILE_SUFFIXES = ("-wal", "-shm")


def keep_side_files_writable(database: Path) -> None:
    """Give this user's ``-wal`` and ``-shm`` files of ``database`` their write bit back."""
    if os.name != "posix":
        return  # SQLite copies permissions only on POSIX systems
    for suffix in SIDE_FILE_SUFFIXES:
        side = Path(f"{database}{suffix}")
        try:
            status = side.stat()
        except OSError:
            continue  # not there (yet): nothing to keep writable
        if status.st_uid != os.geteuid() or status.st_mode & stat.S_IWUSR:
            continue  # someone else's (not ours to change), or writable already
        with contextlib.suppress(OSError):  # a read-only file system: nothing can write
            side.chmod(stat.S_IMODE(status.st_mode) | stat.S_IWUSR)
