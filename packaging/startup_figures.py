"""Print start-up figures of the frozen app beside the app run from source.

    .venv/bin/python packaging/startup_figures.py [--bundle dist/redaksi] [--runs 5]

Each run starts a fresh process offscreen on a demo newsroom with REDAKSI_BENCH_READY=1:
the app prints ``REDAKSI_READY`` once the article list is filled and painted, then quits.
Reported: wall time from launch to that line, and to process exit (median and first run;
the first run of each is the coldest this script can make without dropping the OS caches).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def launch(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    ready = float("nan")
    for line in process.stdout:
        if line.startswith("REDAKSI_READY"):
            ready = time.perf_counter() - started
    process.wait(timeout=120)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return ready, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "redaksi")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    frozen = args.bundle / "redaksi"
    if not frozen.is_file():
        raise SystemExit(f"No bundle at {args.bundle}: run packaging/build.py bundle first.")
    with tempfile.TemporaryDirectory(prefix="redaksi-startup-") as folder:
        home = Path(folder)
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "REDAKSI_SYSTEM_CONFIG": str(home / "none.toml"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        programs = {
            "source": str(Path(sys.executable).parent / "redaksi"),
            "frozen": str(frozen),
        }
        bench_env = {**env, "REDAKSI_BENCH_READY": "1"}
        for name, program in programs.items():
            # Each its own demo newsroom: the source tree may carry a newer schema.
            database = str(home / f"{name}.db")
            demo = [program, "--db", database, "demo"]
            subprocess.run(demo, env=env, check=True, stdout=subprocess.DEVNULL)
            runs = [launch([program, "--db", database], bench_env) for _ in range(args.runs)]
            ready = [run[0] for run in runs]
            exits = [run[1] for run in runs]
            print(
                f"{name:7} ready: first {ready[0]:.2f} s, median {statistics.median(ready):.2f} s"
                f" | exit: first {exits[0]:.2f} s, median {statistics.median(exits):.2f} s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
