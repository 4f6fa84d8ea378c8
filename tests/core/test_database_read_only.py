"""A database file someone made read-only for a while: reading it leaves nothing behind
that refuses writes once it is writable again.

SQLite gives the ``-wal`` and ``-shm`` files it creates the database file's permissions,
and a reader of a read-only file cannot remove them. Each step runs as its own process
(one ``redaksi`` command), as a user who is not root: root writes any file whatever its
mode, so as root the step drops to ``nobody``.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from editor.cli import main

NOBODY = 65534


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder the unprivileged user can write (pytest's own is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="redaksi-read-only-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def modules_loaded(tmp_path: Path) -> None:
    """Every module a step needs, loaded before any step: the unprivileged child cannot
    read this interpreter's own files."""
    warm = str(tmp_path / "warm.db")
    assert main(["--db", warm, "people", "add", "Adi", "--role", "admin"]) == 0
    assert main(["--db", warm, "list"]) == 0
    assert main(["--db", warm, "people", "add", "Budi", "--as", "adi"]) == 0


@pytest.fixture
def database(shared_folder: Path, modules_loaded: None) -> Path:
    """A newsroom with its admin, made by the unprivileged user."""
    path = shared_folder / "newsroom.db"
    made = command(shared_folder, "--db", str(path), "people", "add", "Adi", "--role", "admin")
    assert made == (0, ""), made[1]
    return path


def command(folder: Path, *argv: str) -> tuple[int, str]:
    """Run ``redaksi ARGV`` in a child process as an unprivileged user: (exit code, stderr)."""
    return as_unprivileged_user(folder, lambda: main(list(argv)))


def as_unprivileged_user(folder: Path, run: Callable[[], int]) -> tuple[int, str]:
    """``run()`` in a child process as an unprivileged user: (its result, its stderr)."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        code = 3
        try:
            os.close(reader)
            if os.geteuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            for key in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
                os.environ[key] = str(folder / "home")
            os.environ["REDAKSI_SYSTEM_CONFIG"] = str(folder / "home" / "system-config.toml")
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
                code = run()
            os.write(writer, errors.getvalue().encode())
        except BaseException as error:  # reported to the parent, never raised
            os.write(writer, f"{type(error).__name__}: {error}".encode())
        finally:
            os._exit(code)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        said = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), said


def side_files(database: Path) -> dict[str, str]:
    return {
        side.name: stat.filemode(side.stat().st_mode)
        for side in (Path(f"{database}-wal"), Path(f"{database}-shm"))
        if side.exists()
    }


@pytest.mark.skipif(os.name != "posix", reason="file modes and fork are POSIX")
def test_reading_a_read_only_database_leaves_nothing_that_refuses_later_writes(
    shared_folder: Path, database: Path
) -> None:
    url = str(database)

    database.chmod(0o444)  # protected for a while
    assert command(shared_folder, "--db", url, "list") == (0, "")
    code, said = command(shared_folder, "--db", url, "people", "add", "Budi", "--as", "adi")
    assert code == 1
    assert said.count("\n") == 1 and "read-only for you" in said and "Nothing was changed" in said
    for name, mode in side_files(database).items():
        assert mode[2] == "w", f"{name} left as {mode}"

    database.chmod(0o644)  # writable again: the next command writes
    code, said = command(shared_folder, "--db", url, "people", "add", "Budi", "--as", "adi")
    assert (code, said) == (0, "")
    assert command(shared_folder, "--db", url, "people", "add", "Citra", "--as", "adi")[0] == 0


@pytest.mark.skipif(os.name != "posix", reason="file modes and fork are POSIX")
def test_read_only_leftovers_of_an_earlier_version_are_made_writable_again(
    shared_folder: Path, database: Path
) -> None:
    url = str(database)
    database.chmod(0o444)

    def read_as_sqlite_does() -> int:
        """What an earlier Redaksi, or any SQLite program, left after reading the file."""
        reader = sqlite3.connect(database)
        reader.execute("SELECT count(*) FROM people").fetchone()
        reader.close()
        return 0

    assert as_unprivileged_user(shared_folder, read_as_sqlite_does) == (0, "")
    assert set(side_files(database).values()) == {"-r--r--r--"}
    database.chmod(0o644)
    code, said = command(shared_folder, "--db", url, "people", "add", "Budi", "--as", "adi")
    assert (code, said) == (0, "")
