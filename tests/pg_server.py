"""A PostgreSQL server for the storage tests.

Uses $REDAKSI_TEST_PG (a server URL) if set, else the server on 127.0.0.1:5432 if one
answers, else starts a private one from the installed PostgreSQL binaries in a temporary
folder. If none of that is possible the tests are skipped with the reason, unless
$REDAKSI_REQUIRE_PG is set (CI sets it), in which case they fail.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def _answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=2):
            return True
    except psycopg.Error:
        return False


def _binaries() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run its programs as the postgres user."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PrivateServerError(
            f"{Path(command[len(_as_postgres_user())]).name} failed "
            f"(exit {result.returncode}): {(result.stderr or result.stdout).strip()[-500:]}"
        )


class PrivateServerError(RuntimeError):
    """The private server could not be started; the message has the program's own words."""


def _with_log_tail(log: Path) -> Callable[[list[str]], None]:
    """``_run`` that adds the end of the server log to its error: pg_ctl only says "see log"."""

    def run(command: list[str]) -> None:
        try:
            _run(command)
        except PrivateServerError as error:
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise PrivateServerError(f"{error}\nserver log:\n{tail}") from error

    return run


@contextlib.contextmanager
def private_server(bin_dir: Path | None = None, *, wait: float = 15.0) -> Iterator[str]:
    """A throwaway PostgreSQL server in a temporary folder; yields its admin URL.

    Everything it made (data folder, socket, log, the server process) is gone afterwards,
    also when starting it fails half way.
    """
    bin_dir = bin_dir or _binaries()
    if bin_dir is None:
        raise PrivateServerError(
            "no PostgreSQL binaries are installed (apt-get install postgresql)"
        )
    prefix = _as_postgres_user()
    folder = Path(tempfile.mkdtemp(prefix="redaksi-pg-"))
    data = folder / "data"
    started = False
    try:
        if prefix:
            try:
                shutil.chown(folder, "postgres")
            except LookupError as error:
                raise PrivateServerError(
                    "running as root, and there is no 'postgres' user to run the server as"
                ) from error
        _run(
            [
                *prefix,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
            ]
        )
        port = _free_port()
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = folder / "log"
        started = True  # from here on a stop is needed even if the start reports failure
        run_or_show_log = _with_log_tail(log)
        run_or_show_log(
            [
                *prefix,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(log),
                "-w",
                "start",
            ]
        )
        url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        deadline = time.monotonic() + wait
        while not _answers(url):
            if time.monotonic() > deadline:
                raise PrivateServerError(f"the private server on port {port} never answered")
            time.sleep(0.2)
        yield url
    finally:
        if started:
            subprocess.run(
                [
                    *prefix,
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                check=False,
            )
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def postgres_server() -> Iterator[str | None]:
    """Yields an admin URL of a running server, or None (the reason is in ``why_none``)."""
    url = os.environ.get("REDAKSI_TEST_PG", DEFAULT_URL)
    if _answers(url):
        yield url
        return
    bin_dir = _binaries()
    if bin_dir is None:
        postgres_server.why_none = (  # type: ignore[attr-defined]
            f"no PostgreSQL server answers at {url} and no PostgreSQL binaries are installed "
            "(apt-get install postgresql)"
        )
        yield None
        return
    with contextlib.ExitStack() as stack:
        try:
            private_url = stack.enter_context(private_server(bin_dir))
        except PrivateServerError as error:
            postgres_server.why_none = (  # type: ignore[attr-defined]
                f"no PostgreSQL server answers at {url} and a private one could not be "
                f"started: {error}"
            )
            yield None
            return
        yield private_url


class DatabaseDropper:
    """Drops test databases in the background.

    DROP DATABASE takes around a second on a server that syncs to disk; done inline it
    was most of every PostgreSQL test's time. One worker keeps the drops in order, and
    ``close`` waits for all of them, so the server outlives them.
    """

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-drop")

    def drop(self, name: str) -> None:
        self._pool.submit(self._drop, name)

    def _drop(self, name: str) -> None:
        # A database left behind on a test server is harmless; a crash here is not.
        with (
            contextlib.suppress(psycopg.Error),
            psycopg.connect(self.admin_url, autocommit=True) as conn,
        ):
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def with_database(admin_url: str, name: str) -> str:
    return admin_url.rsplit("/", 1)[0] + f"/{name}"
