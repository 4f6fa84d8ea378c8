"""Keeping this process's hold on an SQLite file, and recovering when it is lost.

Why. POSIX advisory locks belong to a process and a file, not to a descriptor: when
anything in the process opens the database file (or its ``-shm``) and closes it again,
every lock SQLite holds on that file is gone, silently (SQLite's "How To Corrupt An
SQLite Database File", section 2.2). A file dialog guessing a file's type from its first
bytes is enough. Another program (a ``redaksi`` command) then believes it is the last
user: it checkpoints the write-ahead log and deletes it with its ``-shm`` index, while
this process goes on writing into the deleted files. Its saves reach nobody, and when it
finally closes, its own checkpoint copies those stale pages over the newer file ("row N
missing from index"). Prevention comes first: the app's file dialogs never read files
(ui.file_dialogs) and the core checks a database through SQLite only. This module is
the guard behind that.

Noticing. When a connection is made (WAL mode set, the log open) the identity
``(st_dev, st_ino)`` of ``<db>-wal`` and ``<db>-shm`` is recorded. While any connection
of ours is open SQLite never deletes or replaces them, so a missing or different file
means another program did, because our locks were gone: the log is lost. On Linux,
``/proc/locks`` also shows whether this process still holds its locks on the database
and its index; when they are gone but the files are still in place, nothing is lost
yet, and reconnecting now keeps it that way. ``Database.transaction`` checks after every
unit of work; the app also checks on a timer.

Recovering. SQLite keeps one lock and index state per file per process: a connection
opened beside the old ones shares their lost locks and their orphaned index, so keeping
the old connections open and adding fresh ones does not help. Nor may an old connection
be closed the normal way: its close would checkpoint the orphaned log into a file that
others have changed since. So every old connection is told not to checkpoint when it
closes (``SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE``), the pools let go of them, and a new
connection waits until the last old one is closed before it reads: it then takes real
locks and sees the file as every other program does. Closing without a checkpoint is
always safe: whatever a log still in place holds is read by the next connection, as
after a crash. A unit of work that wrote through a connection whose log was lost reached
nobody: it raises ``LostWriteError`` and its caller does it again (the app saves the
editor's text again). One that wrote while only the locks were gone reached the file.

The process-wide table of watched files mirrors SQLite's own per-process table: the
state it tracks is per process and per file, whichever engine made the connection.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import sqlite3
import sys
import threading
import time
import weakref
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError

from editor.errors import DatabaseError, DatabaseLockedError, LostWriteError
from editor.i18n import _

#: SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE from sqlite3.h (Python names it from 3.12 on).
NO_CKPT_ON_CLOSE = 1006
PROC_LOCKS = Path("/proc/locks")
#: The journal files whose identity must not change under an open connection.
JOURNAL_SUFFIXES = ("-wal", "-shm")
#: After a unit of work, /proc/locks is read at most this often (about 0.15 ms a read);
#: the files' identity, which decides whether a write was lost, is checked every time.
LOCK_CHECK_INTERVAL_S = 1.0
#: How often a new connection looks again whether the old ones have closed.
_ADMIT_POLL_S = 0.05


class Loss(Enum):
    """What a check found."""

    #: This process no longer held its locks; the log was still in place (nothing lost).
    LOCKS = "locks"
    #: The log or its index was deleted or replaced under an open connection.
    LOG = "log"


class GuardedConnection(sqlite3.Connection):
    """A DB-API connection its watch knows about, so it can close it without a checkpoint."""

    watch: _Watch | None = None
    generation = 0
    #: The ``sqlite3 *`` behind the connection (Python 3.11 only), checked at connect.
    handle: int | None = None

    def close(self) -> None:
        watch = self.watch
        if watch is not None and not watch.closing(self):
            return  # pinned: closing would checkpoint a lost log
        super().close()


def _identities(path: Path) -> dict[str, tuple[int, int] | None]:
    found: dict[str, tuple[int, int] | None] = {}
    for suffix in JOURNAL_SUFFIXES:
        try:
            status = os.stat(f"{path}{suffix}")
        except OSError:
            found[suffix] = None
        else:
            found[suffix] = (status.st_dev, status.st_ino)
    return found


def _locked_inodes() -> set[int] | None:
    """Inodes this process holds a POSIX lock on, from /proc/locks (None: not available)."""
    try:
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return None
    pid = str(os.getpid())
    inodes: set[int] = set()
    for line in lines:
        # "12: POSIX  ADVISORY  READ 4242 fe:00:2146426 1073741826 1073742335"; a waiting
        # request reads "12: -> POSIX ..." and is not held. The device is left out: its
        # numbering differs from stat's on some filesystems, the inode does not.
        fields = line.split()
        if len(fields) < 6 or fields[1] == "->" or fields[4] != pid:
            continue
        with contextlib.suppress(ValueError):
            inodes.add(int(fields[5].rsplit(":", 1)[-1]))
    return inodes


def _inodes_to_hold(path: Path) -> set[int]:
    inodes = set()
    for name in (str(path), f"{path}-shm"):
        with contextlib.suppress(OSError):
            inodes.add(os.stat(name).st_ino)
    return inodes


# --- closing without a checkpoint ------------------------------------------------------


def _sqlite_library() -> Any:
    import _sqlite3

    library = ctypes.CDLL(_sqlite3.__file__)
    library.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    library.sqlite3_db_filename.restype = ctypes.c_char_p
    return library


def _verified_handle(connection: GuardedConnection) -> int | None:
    """The ``sqlite3 *`` of a Python 3.11 connection, or None if it cannot be trusted.

    Python 3.12 has ``Connection.setconfig``; 3.11 has no way to reach the setting but the
    C structure, whose first field after the object header is the handle. It is used only
    when SQLite, asked through it, names the same file as the connection itself does.
    """
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return None
    try:
        expected = next(
            row[2] for row in connection.execute("PRAGMA database_list") if row[1] == "main"
        )
        handle = ctypes.c_void_p.from_address(id(connection) + object.__basicsize__).value
        named = _sqlite_library().sqlite3_db_filename(handle, b"main")
    except (OSError, AttributeError, StopIteration, sqlite3.Error):
        return None
    if not handle or named is None or os.fsdecode(named) != expected:
        return None
    return int(handle)


def skip_checkpoint_on_close(connection: sqlite3.Connection) -> bool:
    """Make closing ``connection`` leave the log alone; False if this Python cannot."""
    setconfig = getattr(connection, "setconfig", None)
    if setconfig is not None:  # Python 3.12 and later
        try:
            setconfig(NO_CKPT_ON_CLOSE, True)
            return bool(connection.getconfig(NO_CKPT_ON_CLOSE))  # type: ignore[attr-defined]
        except sqlite3.Error:
            return False
    handle = getattr(connection, "handle", None)
    if handle is None:
        return False
    result = ctypes.c_int(-1)
    code = _sqlite_library().sqlite3_db_config(
        ctypes.c_void_p(handle),
        ctypes.c_int(NO_CKPT_ON_CLOSE),
        ctypes.c_int(1),
        ctypes.byref(result),
    )
    return code == 0 and result.value == 1


# --- the watch over one file -------------------------------------------------------------


class _Watch:
    """This process's connections to one SQLite file, and what they may rely on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Condition(threading.RLock())
        self._connections: weakref.WeakSet[GuardedConnection] = weakref.WeakSet()
        self._engines: weakref.WeakSet[Engine] = weakref.WeakSet()
        #: Connections made before the last recovery are older than this.
        self.generation = 0
        #: Connections older than this wrote into a log that nobody else reads.
        self.log_lost_before = 0
        self._files: dict[str, tuple[int, int] | None] | None = None
        self._check_locks = False
        self._locks_checked_at = 0.0
        #: Old connections that could not be told to skip their checkpoint: never closed.
        self._pinned: list[GuardedConnection] = []

    # connections coming and going

    def admit(self, timeout: float) -> None:
        """Before a new connection reads: notice a loss first, then wait until no
        connection from before a recovery is open. SQLite would give the new connection
        the old ones' state (their lost locks, their orphaned index) while one is."""
        self.check()
        deadline = time.monotonic() + timeout
        with self._lock:
            while self.old_open():
                if self._pinned:
                    raise DatabaseError(self.cannot_recover())
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise DatabaseLockedError(
                        _(
                            "Redaksi is reconnecting to {path} and another task still uses "
                            "the old connection. Nothing was changed. Try again in a moment."
                        ).format(path=self.path)
                    )
                self._lock.wait(min(remaining, _ADMIT_POLL_S))

    def register(self, connection: GuardedConnection, engine: Engine) -> None:
        """Take a connection whose log is open (its pragmas have run)."""
        with self._lock:
            connection.watch = self
            connection.generation = self.generation
            if sys.version_info < (3, 12):
                connection.handle = _verified_handle(connection)
            if not self._current_open():
                self._files = _identities(self.path) if _opened_log(connection) else None
                held = _locked_inodes()
                # Where /proc/locks does not show our own fresh lock, it cannot tell us
                # that one was lost either.
                self._check_locks = (
                    self._files is not None
                    and held is not None
                    and _inodes_to_hold(self.path) <= held
                )
                self._locks_checked_at = time.monotonic()
            self._connections.add(connection)
            self._engines.add(engine)

    def closing(self, connection: GuardedConnection) -> bool:
        """``connection`` is about to close; False if it must stay open (pinned)."""
        with self._lock:
            if any(connection is pinned for pinned in self._pinned):
                return False
            self._connections.discard(connection)
            self._lock.notify_all()
            return True

    def stuck(self) -> bool:
        return bool(self._pinned)

    def is_old(self, connection: GuardedConnection) -> bool:
        return connection.generation < self.generation

    # checking

    def check(self, *, locks: bool = True) -> Loss | None:
        """Look for a lost log or lost locks; on either, recover before returning it."""
        with self._lock:
            if not self._current_open():
                return None
            loss = self._find_loss(locks)
            if loss is None:
                return None
            engines = self._recover(loss)
        for engine in engines:
            # Lets go of the idle connections now; busy ones close when they come back.
            engine.dispose()
        return loss

    def _find_loss(self, locks: bool) -> Loss | None:
        if self._files is not None and _identities(self.path) != self._files:
            return Loss.LOG
        now = time.monotonic()
        if not self._check_locks or not locks:
            return None
        self._locks_checked_at = now
        held = _locked_inodes()
        if held is not None and not _inodes_to_hold(self.path) <= held:
            return Loss.LOCKS
        return None

    def lock_check_due(self) -> bool:
        return time.monotonic() - self._locks_checked_at >= LOCK_CHECK_INTERVAL_S

    def _recover(self, loss: Loss) -> list[Engine]:
        self.generation += 1
        if loss is Loss.LOG:
            self.log_lost_before = self.generation
        self._files = None
        for connection in list(self._connections):
            if not skip_checkpoint_on_close(connection):
                self._pinned.append(connection)
                _keep_open_until_exit(connection)
        if self._pinned:
            return []  # closing these would checkpoint the lost log: nothing is disposed
        self._lock.notify_all()
        return list(self._engines)

    def file_keys(self) -> set[tuple[int, int]]:
        """The database file and its journal files, as they are now and as recorded."""
        keys = {identity for identity in (self._files or {}).values() if identity is not None}
        for suffix in ("", *JOURNAL_SUFFIXES, "-journal"):
            with contextlib.suppress(OSError):
                status = os.stat(f"{self.path}{suffix}")
                keys.add((status.st_dev, status.st_ino))
        return keys

    def _current_open(self) -> bool:
        return any(c.generation == self.generation for c in self._connections)

    def old_open(self) -> bool:
        return any(c.generation < self.generation for c in self._connections)

    def cannot_recover(self) -> str:
        return _(
            "Redaksi lost its hold on {path} (another program removed its -wal file) "
            "and cannot reconnect safely in this Python. Close Redaksi and start it "
            "again; unsaved text is kept in the recovery file."
        ).format(path=self.path)


def _keep_open_until_exit(connection: sqlite3.Connection) -> None:
    """Never let the interpreter close ``connection`` (not even while it shuts down, when
    it drops every object): the kernel closes its files when the process ends, and
    nothing checkpoints. Only when the checkpoint on close cannot be switched off."""
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(connection))


def _opened_log(connection: sqlite3.Connection) -> bool:
    """True if the connection is in WAL mode with its log open (a new file opens it at
    its first read, so one is made here: the files' identity is taken right after)."""
    try:
        row = connection.execute("PRAGMA journal_mode").fetchone()
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and str(row[0]).lower() == "wal"


_watches: weakref.WeakValueDictionary[tuple[int, int], _Watch] = weakref.WeakValueDictionary()
_watches_lock = threading.Lock()
_exit_check_registered = False


def _watch_for(path: Path) -> _Watch:
    """The one watch of this process over the file at ``path`` (which exists)."""
    global _exit_check_registered
    status = os.stat(path)
    key = (status.st_dev, status.st_ino)
    with _watches_lock:
        watch = _watches.get(key)
        if watch is None:
            watch = _watches[key] = _Watch(path)
        if not _exit_check_registered:
            # A database left open at exit is closed by the interpreter: a lost log must be
            # known by then, or that close would checkpoint it.
            atexit.register(_check_all)
            _exit_check_registered = True
        return watch


def is_open_database_file(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` is (or links to) a database file this process has open, or one of
    its journal files: only SQLite may open those (a file read or written and closed by
    anything else drops SQLite's locks). Looks with ``stat`` only."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return False
    key = (status.st_dev, status.st_ino)
    with _watches_lock:
        watches = list(_watches.values())
    return any(key in watch.file_keys() for watch in watches)


def _check_all() -> None:
    with _watches_lock:
        watches = list(_watches.values())
    for watch in watches:
        with contextlib.suppress(Exception):
            watch.check()


# --- one engine's guard -------------------------------------------------------------------


class SqliteGuard:
    """Watches the connections one engine makes to one SQLite file."""

    def __init__(self, path: Path, busy_timeout: float) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self._watch: _Watch | None = None
        self._engine: weakref.ref[Engine] | None = None

    def attach(self, engine: Engine, prepare: Any) -> None:
        """Hook into ``engine``: ``prepare(dbapi_connection)`` sets the pragmas (WAL)."""

        def connected(dbapi_connection: Any, _record: Any) -> None:
            watch = self._watch = _watch_for(self.path)
            watch.admit(self.busy_timeout)
            prepare(dbapi_connection)
            if isinstance(dbapi_connection, GuardedConnection):
                watch.register(dbapi_connection, engine)

        def checked_out(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
            watch = getattr(dbapi_connection, "watch", None)
            if watch is not None and watch.is_old(dbapi_connection) and not watch.stuck():
                # An idle connection from before a recovery (another engine's pool):
                # the pool closes it and takes or makes another.
                raise DisconnectionError("made before the SQLite files were lost")

        def checked_in(dbapi_connection: Any, record: Any) -> None:
            watch = getattr(dbapi_connection, "watch", None)
            if watch is not None and watch.is_old(dbapi_connection) and not watch.stuck():
                record.invalidate()  # closed now (without a checkpoint), never reused

        event.listen(engine, "connect", connected)
        event.listen(engine, "checkout", checked_out)
        event.listen(engine, "checkin", checked_in)
        self._engine = weakref.ref(engine)

    def check(self) -> Loss | None:
        """A full check now (the app's timer); recovers before it returns a loss."""
        loss = self._watch.check() if self._watch is not None else None
        if loss is not None:
            self._take_hold()
        return loss

    def _take_hold(self) -> None:
        """Open a fresh connection right away, so this process holds its locks again
        before another program can act on their absence; later if an old connection is
        still busy on another thread (the next unit of work waits for it then)."""
        engine = self._engine() if self._engine is not None else None
        watch = self._watch
        if engine is None or watch is None or watch.stuck() or watch.old_open():
            return
        with contextlib.suppress(Exception):
            engine.connect().close()

    def finish(self, connection: Any, *, wrote: bool, error: BaseException | None = None) -> None:
        """After a unit of work on ``connection``: raise LostWriteError if it must be redone."""
        if not isinstance(connection, GuardedConnection):  # failed before it had one
            if self._watch is not None:
                self._watch.check(locks=self._watch.lock_check_due())
            return
        watch = connection.watch
        if watch is None:
            return
        if watch.check(locks=watch.lock_check_due()) is not None:
            self._take_hold()
        if watch.stuck() and watch.is_old(connection):
            raise DatabaseError(watch.cannot_recover()) from error
        if connection.generation < watch.log_lost_before and (wrote or error is not None):
            raise LostWriteError(
                _(
                    "The last change was not saved: another program removed {path}-wal "
                    "while Redaksi was writing to it. Redaksi has reconnected; make the "
                    "change again."
                ).format(path=self.path)
            ) from error
