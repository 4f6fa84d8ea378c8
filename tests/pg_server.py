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
from collections.abc import Iterator
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


@contextlib.contextmanager
def _private_server(bin_dir: Path) -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="redaksi-pg-"))
    port = _free_port()
    # PostgreSQL refuses to run as root: run it as the postgres user when we are root.
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
    data = folder / "data"
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
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
    with _private_server(bin_dir) as private_url:
        deadline = time.monotonic() + 15
        while not _answers(private_url) and time.monotonic() < deadline:
            time.sleep(0.2)
        yield private_url


def with_database(admin_url: str, name: str) -> str:
    return admin_url.rsplit("/", 1)[0] + f"/{name}"
