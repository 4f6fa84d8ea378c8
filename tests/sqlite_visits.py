"""Helpers for the tests of SQLite's locks: other programs' visits, and who opened a file.

A visit is what a ``redaksi`` command in a terminal does to the newsroom file: open it,
read, close. When this process has lost its locks, the visitor believes it is the last
user, checkpoints the write-ahead log and deletes it.
"""

from __future__ import annotations

import ctypes
import os
import struct
import subprocess
import sys
import uuid
from pathlib import Path

READ_BODY = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
row = connection.execute(
    "SELECT markdown FROM article_bodies WHERE article_id = ?", (sys.argv[2],)
).fetchone()
print(row[0] if row else "")
connection.close()
"""
INTEGRITY = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
print(";".join(row[0] for row in connection.execute("PRAGMA integrity_check")))
connection.close()
"""
#: The ``redaksi`` console script, run the way a terminal runs it.
REDAKSI = "import sys; from ui.launcher import main; sys.exit(main())"


def other_process(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def body_seen_elsewhere(path: Path, article_id: uuid.UUID) -> str:
    """The article's body as another process reads it (UUIDs are stored as 32 hex digits)."""
    return other_process(READ_BODY, str(path), article_id.hex)


def integrity(path: Path) -> str:
    return other_process(INTEGRITY, str(path))


def drop_this_process_locks(path: Path) -> None:
    """What Qt's file dialog did: read each file's first bytes to guess its type."""
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        with open(name, "rb") as handle:
            handle.read(16)


def held_inodes() -> set[int]:
    """Inodes this process holds a POSIX lock on (Linux: /proc/locks)."""
    pid = str(os.getpid())
    held = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] != "->" and fields[4] == pid:
            held.add(int(fields[5].rsplit(":", 1)[-1]))
    return held


IN_CLOSE_NOWRITE = 0x10
IN_NONBLOCK = 0o4000
_EVENT = struct.Struct("iIII")


class ReadOnlyOpens:
    """Names of files in ``folder`` opened read-only and closed again, by anyone (inotify).

    SQLite opens a database and its -wal and -shm read-write; a read-only open that is
    closed is someone else peeking at the file, the way a file dialog guesses a type.
    """

    def __init__(self, folder: Path) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._fd = self._libc.inotify_init1(IN_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if self._libc.inotify_add_watch(self._fd, os.fsencode(folder), IN_CLOSE_NOWRITE) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")

    def names(self) -> list[str]:
        seen: list[str] = []
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return seen
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size : offset + _EVENT.size + length]
                if name.rstrip(b"\0"):  # an empty name: the folder itself was listed
                    seen.append(name.rstrip(b"\0").decode())
                offset += _EVENT.size + length

    def close(self) -> None:
        os.close(self._fd)
