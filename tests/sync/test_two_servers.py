"""Two server processes on one PostgreSQL (as behind a load balancer): a save through one
wakes a long-poll waiting on the other (LISTEN/NOTIFY), and the sign-in of one is good on
the other, since neither keeps state of its own."""

from __future__ import annotations

from pathlib import Path

from tests.sync.harness import Newsroom, ServerProcess, free_port, save_wakes_waiting_replica


def test_a_save_through_one_server_wakes_a_replica_waiting_on_another(
    server: ServerProcess, newsroom: Newsroom, newsroom_url: str, tmp_path: Path
) -> None:
    other = ServerProcess(newsroom_url, free_port(), tmp_path / "other.log").start()
    try:
        save_wakes_waiting_replica(newsroom, tmp_path, server.url, other.url, "Dua server")
    finally:
        other.stop()
