"""Load on loopback: simulated reporters saving and syncing against one server at once.

    nice .venv/bin/python bench/sync_load.py [--clients 20] [--seconds 60] [--articles 0]

Each client is a replica on its own thread, signed in as its own reporter: it saves (a new
draft now and then, otherwise a line added to its draft), then syncs, as the app does,
with up to 0.2 s between saves. Prints p50/p95/max of the time from a local save to the
end of the sync that carried it, saves a second, and whether every save is on the server
exactly once (tests/sync/load.py; tests/sync/test_load.py asserts it on a short run).
Traffic goes only to the server on 127.0.0.1; the run stops by itself.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sync_newsroom import bench_newsroom, work_folder

from tests.sync.load import run_load


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--articles", type=int, default=0, help="articles already on the server")
    args = parser.parse_args()
    with work_folder() as temporary:
        work = Path(temporary)
        with bench_newsroom(args.articles, work) as room:
            people = room.others[: args.clients]
            result = run_load(
                room.db, room.server.url, people, work / "clients", seconds=args.seconds
            )
    ms = 1000
    print(
        f"{result.clients} clients for {result.seconds:.0f} s: {result.saves} saves "
        f"({result.saves / result.seconds:.1f} a second), {result.articles} new drafts"
    )
    print(
        f"save to synced: p50 {result.percentile(0.5) * ms:.0f} ms, p95 "
        f"{result.percentile(0.95) * ms:.0f} ms, max {result.percentile(1.0) * ms:.0f} ms "
        f"({len(result.latencies)} syncs)"
    )
    print(f"syncs that failed and were tried again: {len(result.failures)}")
    for failure in result.failures[:5]:
        print(f"  {failure}")
    if result.wrong:
        print(f"NOT exactly once: {len(result.wrong)} problems")
        for problem in result.wrong[:10]:
            print(f"  {problem}")
        return 1
    print("every save is on the server exactly once")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
