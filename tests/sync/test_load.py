"""A short load test: clients saving and syncing at once; every save on the server once.

The full figure (20 clients for 60 s, p50/p95) is bench/sync_load.py; this runs the same
driver small enough for the suite and asserts only what must hold at any load.
"""

from __future__ import annotations

from pathlib import Path

from tests.sync.harness import Newsroom, ServerProcess
from tests.sync.load import reporters, run_load


def test_every_save_of_clients_syncing_at_once_is_on_the_server_exactly_once(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    people = reporters(newsroom.db, 5, newsroom.admin.id)
    result = run_load(newsroom.db, server.url, people, tmp_path, seconds=8)
    assert result.saves >= 10
    assert result.articles >= 5
    assert result.failures == ()
    assert result.wrong == ()
