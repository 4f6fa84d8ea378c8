"""Every sync test: no system keyring, a server on a real PostgreSQL, stopped at the end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.harness import FAIL_KEYRING, Newsroom, ServerProcess, free_port, make_newsroom


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FAIL_KEYRING)


@pytest.fixture
def newsroom(pg_url: str) -> Iterator[Newsroom]:
    room = make_newsroom(pg_url)
    yield room
    room.db.close()


@pytest.fixture
def server(pg_url: str, newsroom: Newsroom, tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(pg_url, free_port(), tmp_path / "server.log").start()
    yield process
    process.stop()
