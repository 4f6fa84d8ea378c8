"""Peak memory of ``redaksi publish --full`` across all its processes (issue 16: under 1 GB
at 100,000 articles).

    .venv/bin/python bench/publish_memory_bench.py                  # 100,000 articles
    .venv/bin/python bench/publish_memory_bench.py --articles 10000 # a quicker run

The newsroom is generated once by ``bench/publish_bench.py``'s generator (bodies of 400-800
words, nested sections, bylines, tags, page views) and cached under build/bench/memory/.
Each run publishes it cold into a fresh folder with the real command line, as cron would
run it, and samples the process and every process it starts from ``/proc`` every few
milliseconds:

- RSS summed over the tree counts pages shared between the parent and its forked workers
  once per process, so it overstates; PSS (``/proc/PID/smaps_rollup``) shares each page
  out between the processes mapping it, so its sum is what the publish really holds;
- each process's own high-water mark (``VmHWM``, kept by the kernel) catches a peak that
  falls between two samples.

Linux only (it reads /proc). Prints the figures with the machine's load: a loaded machine
changes the time, hardly the memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

#: The issue's target: a full publish of 100,000 articles under 1 GB across its processes.
TARGET_BYTES = 1 << 30
SAMPLE_SECONDS = 0.02


@dataclass
class Peaks:
    """The largest sums seen over the process tree, and each process's own peak."""

    rss: int = 0
    pss: int = 0
    processes_at_pss_peak: int = 0
    most_processes: int = 0
    #: pid -> the kernel's high-water mark of its RSS (bytes), last read.
    high_water: dict[int, int] = field(default_factory=dict)
    samples: int = 0


def _children(pid: int) -> list[int]:
    """The direct children of ``pid``, from every one of its threads (a pool may start a
    worker from any thread)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as listing:
                found += [int(child) for child in listing.read().split()]
        except OSError:
            continue
    return found


def process_tree(root: int) -> list[int]:
    tree, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        tree.append(pid)
        waiting += _children(pid)
    return tree


def _status_kib(pid: int, *keys: str) -> dict[str, int]:
    values: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _colon, rest = line.partition(":")
            if name in keys:
                values[name] = int(rest.split()[0]) * 1024
    return values


def _pss(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def sample(root: int, peaks: Peaks) -> None:
    rss = pss = alive = 0
    for pid in process_tree(root):
        try:
            status = _status_kib(pid, "VmRSS", "VmHWM")
            proportional = _pss(pid)
        except (OSError, ValueError, IndexError):
            continue  # it ended between the listing and the reading
        if "VmRSS" not in status:  # a zombie: its memory is gone already
            continue
        alive += 1
        rss += status["VmRSS"]
        pss += proportional
        peaks.high_water[pid] = max(peaks.high_water.get(pid, 0), status.get("VmHWM", 0))
    peaks.samples += 1
    peaks.rss = max(peaks.rss, rss)
    peaks.most_processes = max(peaks.most_processes, alive)
    if pss > peaks.pss:
        peaks.pss, peaks.processes_at_pss_peak = pss, alive


def newsroom(articles: int, folder: Path) -> Path:
    """The cached generated newsroom of ``articles`` articles (made on first use)."""
    path = folder / f"newsroom-{articles}.db"
    if path.exists():
        return path
    from publish_bench import generate

    from editor.database import open_database

    partial = path.with_suffix(".partial")
    for stale in folder.glob(f"{partial.name}*"):
        stale.unlink()
    print(f"Generating {articles:,} articles (once; cached in {folder})...", flush=True)
    started = time.perf_counter()
    db = open_database(f"sqlite:///{partial}")
    generate(db, articles)
    db.close()
    os.replace(partial, path)
    print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def measure(database: Path, work: Path) -> tuple[Peaks, float, str]:
    """Run one cold ``redaksi publish --full`` and sample it until it ends."""
    from publish_bench import NOW

    site = work / "site"
    shutil.rmtree(work, ignore_errors=True)
    (work / "home").mkdir(parents=True)
    environment = dict(os.environ)
    # Its own settings, data and cache folders: a cold publish, no user's files touched.
    home = work / "home"
    environment.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        REDAKSI_LANG="en",
        TZ="UTC",
    )
    redaksi = Path(sys.executable).with_name("redaksi")
    command = [
        str(redaksi),
        "--db",
        f"sqlite:///{database}",
        "publish",
        "--out",
        str(site),
        "--full",
        "--now",
        NOW.isoformat(),
        "--base-url",
        "https://example.id",
    ]
    peaks = Peaks()
    started = time.perf_counter()
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, text=True)
    while process.poll() is None:
        sample(process.pid, peaks)
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    output = process.stdout.read().strip() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"redaksi publish failed with {process.returncode}: {output}")
    return peaks, seconds, output


def _mib(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MiB"


def _load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bench" / "memory")
    args = parser.parse_args(argv)
    if not Path("/proc/self/smaps_rollup").exists():
        print("This benchmark reads /proc (Linux 4.14 or newer).", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    database = newsroom(args.articles, args.work)
    print(f"Load before: {_load()}", flush=True)
    peaks, seconds, output = measure(database, args.work / f"run-{args.articles}")
    print(f"Load after:  {_load()}")
    print(f"redaksi publish --full, {args.articles:,} articles: {seconds:.0f} s ({output})")
    print(
        f"  peak PSS over all processes: {_mib(peaks.pss)} "
        f"({peaks.processes_at_pss_peak} processes then)   target < {_mib(TARGET_BYTES)}"
    )
    print(
        f"  peak RSS summed over all processes (shared pages counted per process): "
        f"{_mib(peaks.rss)}; at most {peaks.most_processes} processes at once"
    )
    largest = max(peaks.high_water.values(), default=0)
    print(
        f"  largest one process (its VmHWM): {_mib(largest)}; every process's own peak "
        f"added up: {_mib(sum(peaks.high_water.values()))} over {len(peaks.high_water)} "
        f"processes; {peaks.samples} samples"
    )
    verdict = "met" if peaks.pss < TARGET_BYTES else "NOT met"
    print(f"  target (< 1 GiB proportional across the processes): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
