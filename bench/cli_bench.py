"""How long ``redaksi list`` and ``redaksi search`` take from a shell (target ≤ 0.3 s).

    .venv/bin/python bench/cli_bench.py --count 100000

Runs each command five times against the start-up bench's newsroom (built once, see
startup_bench.py) with a fresh Python each time, as a shell would, and prints the median,
beside ``redaksi --help`` (start-up alone), bare ``python -c pass`` and importing
SQLAlchemy's ORM, which every command that reads the database pays for. Compiled
bytecode is written and used, as in an installed copy (PYTHONDONTWRITEBYTECODE is
dropped), and each command runs once unmeasured first.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.startup_bench import build_database  # noqa: E402
from bench.zipf_corpus import Corpus  # noqa: E402

RUNS = 5


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_s(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Median wall-clock seconds, and median CPU seconds (less swayed by other load)."""
    subprocess.run(command, env=env, capture_output=True, check=True)  # writes bytecode
    times, cpu = [], []
    for _ in range(RUNS):
        started, used = time.perf_counter(), _children_cpu()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - used)
    return statistics.median(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    database = build_database(args.count)
    redaksi = str(Path(sys.executable).with_name("redaksi"))
    word = Corpus(20260126).words[99]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = ["--db", f"sqlite:///{database}"]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import sqlalchemy.orm'": [sys.executable, "-c", "import sqlalchemy.orm"],
            "redaksi --help": [redaksi, "--help"],
            "redaksi list": [redaksi, *db, "list"],
            f"redaksi search {word}": [redaksi, *db, "search", word],
        }
        print(f"\n{args.count:,} articles ({database.name}), median of {RUNS}")
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("| command | seconds | CPU seconds |")
        print("|---|---:|---:|")
        for name, command in commands.items():
            wall, cpu = median_s(command, env)
            print(f"| {name} | {wall:.2f} s | {cpu:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
