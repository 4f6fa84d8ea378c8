"""Every sync test: no system keyring; a newsroom on a real PostgreSQL and its server.

The newsroom and its server are shared by the tests of one module (starting them costs
seconds); each test makes its own replicas and articles. A test may stop and start the
server; it is running again when the next test begins.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import _fresh_pg_database
from tests.sync.harness import FAIL_KEYRING, Newsroom, ServerProcess, free_port, make_newsroom


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FAIL_KEYRING)


@pytest.fixture(scope="module")
def newsroom_url(pg_admin_url: str | None, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from _fresh_pg_database(pg_admin_url, request)


@pytest.fixture(scope="module")
def newsroom(newsroom_url: str) -> Iterator[Newsroom]:
    room = make_newsroom(newsroom_url)
    yield room
    room.db.close()


@pytest.fixture(scope="module")
def _module_server(
    newsroom_url: str, newsroom: Newsroom, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    log = tmp_path_factory.mktemp("server") / "server.log"
    process = ServerProcess(newsroom_url, free_port(), log).start()
    yield process
    process.stop()


@pytest.fixture
def server(_module_server: ServerProcess) -> ServerProcess:
    if _module_server.process is None or _module_server.process.poll() is not None:
        _module_server.start()
    return _module_server
