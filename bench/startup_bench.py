"""Cold start to a usable window, with a 100,000-article newsroom; novelWriter and ReText too.

Run:  .venv/bin/python bench/startup_bench.py [--runs 5] [--articles 100000] [--skip-others]

1. Builds (once; cached under build/bench/) an SQLite database of 100,000 articles with
   bulk inserts, on top of the demo newsroom's sections and people.
2. Starts ``redaksi`` in a fresh process with REDAKSI_BENCH_READY=1: the app prints
   ``REDAKSI_READY <unix time>`` once the main window is painted with the list filled,
   and quits. Start-up time = that time - the moment the process was launched.
3. Installs novelWriter and ReText into build/bench-venv (never into .venv) and measures
   each to its first window shown, the same way (a small sitecustomize hook prints the
   time the first top-level window is exposed).
Prints the median of each and the ratios. Offscreen platform, so no display is needed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "bench"
OTHERS_VENV = ROOT / "build" / "bench-venv"
#: How long an app may take to exit after it reported its window ready.
EXIT_WAIT_S = 10.0
READY = "REDAKSI_READY"
ICONS = "REDAKSI_ICONS"
TIMEOUT_S = 60


def build_database(count: int) -> Path:
    """An SQLite file with ``count`` articles, made once and reused."""
    # v2: Zipf-distributed words, every article in the search index (v1 had 24 there).
    path = BUILD / f"newsroom-{count}-v2.db"
    if path.exists():
        return path
    BUILD.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import insert

    from bench.zipf_corpus import Corpus, index_rows
    from editor.database import open_database
    from editor.demo import load_demo
    from editor.models import Article, ArticleBody, Byline
    from editor.people import list_people
    from editor.records import STATUSES
    from editor.sections import list_sections

    print(f"Building a {count:,}-article database in {path} (once)…", flush=True)
    db = open_database(f"sqlite:///{partial}")
    load_demo(db)
    sections = [s.id for s in list_sections(db)]
    people = [p.id for p in list_people(db)]
    rng = random.Random(20260126)
    corpus = Corpus(20260126)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    batch = 5000
    for first in range(0, count, batch):
        articles, bodies, bylines, search = [], [], [], []
        for number in range(first, min(count, first + batch)):
            article_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            when = start + timedelta(minutes=number * 30 + rng.randrange(30))
            headline = corpus.sentence(rng.randint(5, 11)).rstrip(".")
            lead = corpus.sentence(rng.randint(12, 20))
            body = corpus.body(6, 60)
            status = rng.choice(STATUSES[:-1])
            articles.append(
                {
                    "id": article_id,
                    "headline": headline,
                    "lead": lead,
                    "slug": headline.lower().replace(" ", "-")[:200],
                    "section_id": rng.choice(sections),
                    "status": status,
                    "language": "id",
                    "created_at": when,
                    "updated_at": when,
                    "published_at": when if status in ("published", "corrected") else None,
                    "word_count": 360,
                    "version": 1,
                }
            )
            bodies.append({"article_id": article_id, "markdown": body})
            bylines.append({"article_id": article_id, "person_id": rng.choice(people)})
            search.append(
                {"article_id": article_id, "headline": headline, "lead": lead, "body": body}
            )
        with db.transaction() as session:
            session.execute(insert(Article), articles)
            session.execute(insert(ArticleBody), bodies)
            session.execute(insert(Byline), bylines)
            index_rows(session, search)
        print(f"  {min(count, first + batch):,} articles", end="\r", flush=True)
    db.close()
    partial.rename(path)
    print()
    return path


def build_demo_database() -> Path:
    """The small demo newsroom: start-up without the cost of a large list."""
    path = BUILD / "demo.db"
    if not path.exists():
        BUILD.mkdir(parents=True, exist_ok=True)
        sys.path.insert(0, str(ROOT))
        from editor.database import open_database
        from editor.demo import load_demo

        db = open_database(f"sqlite:///{path}")
        load_demo(db)
        db.close()
    return path


def _run_until_ready(
    command: list[str],
    env: dict[str, str],
    marker: str,
    also: str | None = None,
    *,
    wait_exit: bool = False,
) -> tuple[float, float | None]:
    """Seconds from launching ``command`` to the line starting with ``marker`` (and to the
    optional later line ``also``)."""
    launched = time.time()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    ready: float | None = None
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + TIMEOUT_S
        for line in process.stdout:
            if line.startswith(marker):
                ready = float(line.split()[1]) - launched
                if also is None:
                    return ready, None
            elif also is not None and line.startswith(also) and ready is not None:
                return ready, float(line.split()[1]) - launched
            if time.monotonic() > deadline:
                break
        if ready is not None:
            return ready, None
        raise RuntimeError(f"{command[0]} never reported that its window was ready")
    finally:
        # Let the app close as a user's would (its database closed cleanly), as the next
        # start then finds it; kill it only if it hangs.
        try:
            process.wait(timeout=EXIT_WAIT_S if wait_exit else 0)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    # Any value of PYTHONDONTWRITEBYTECODE, "0" included, stops bytecode being written:
    # an installed copy has its bytecode, so each app starts with it here too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({"QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def measure_redaksi(database: Path, runs: int, home: Path) -> tuple[list[float], list[float]]:
    """Times to the painted, filled window, and to the same with its icons drawn."""
    redaksi = ROOT / ".venv" / "bin" / "redaksi"
    env = _environment(
        REDAKSI_BENCH_READY="1",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    command = [str(redaksi), "--db", str(database)]
    _run_until_ready(command, env, READY, wait_exit=True)  # warm caches and .pyc files once
    runs_done = [
        _run_until_ready(command, env, READY, also=ICONS, wait_exit=True) for _ in range(runs)
    ]
    return [ready for ready, _ in runs_done], [icons for _, icons in runs_done if icons]


#: Loaded into the other apps' interpreter: prints when the first window is exposed.
FIRST_WINDOW_HOOK = textwrap.dedent(
    """
    import os, sys, time
    if os.environ.get("BENCH_FIRST_WINDOW") == "1":
        from PyQt6 import QtCore, QtGui, QtWidgets

        class _Watch(QtCore.QObject):
            def eventFilter(self, obj, event):
                if event.type() == QtCore.QEvent.Type.Expose and isinstance(obj, QtGui.QWindow):
                    if obj.isExposed():
                        print("REDAKSI_READY", f"{time.time():.6f}", flush=True)
                        os._exit(0)
                return False

        _original_init = QtWidgets.QApplication.__init__

        def _init(self, *args, **kwargs):
            _original_init(self, *args, **kwargs)
            self._bench_watch = _Watch()
            self.installEventFilter(self._bench_watch)

        QtWidgets.QApplication.__init__ = _init
    """
)


def prepare_others() -> Path | None:
    """A separate venv with novelWriter and ReText (never .venv). None if it cannot be made."""
    python = OTHERS_VENV / "bin" / "python"
    # The venv is shared with the publish bench (Pelican): look for these two apps.
    wanted = [OTHERS_VENV / "bin" / name for name in ("novelwriter", "retext")]
    if not all(path.exists() for path in wanted):
        print("Installing novelWriter and ReText into build/bench-venv (once)…", flush=True)
        try:
            if not python.exists():
                subprocess.run([sys.executable, "-m", "venv", str(OTHERS_VENV)], check=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", "novelWriter", "ReText"],
                check=True,
            )
        except subprocess.CalledProcessError as error:
            print(f"  could not install them: {error}")
            return None
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "sitecustomize.py").write_text(FIRST_WINDOW_HOOK, encoding="utf-8")
    return python


def measure_other(python: Path, script: str, runs: int, home: Path) -> list[float] | None:
    """``script`` is the app's console script in the bench venv (novelwriter, retext)."""
    env = _environment(
        BENCH_FIRST_WINDOW="1",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    command = [str(python.parent / script)]
    try:
        _run_until_ready(command, env, READY)
        return [_run_until_ready(command, env, READY)[0] for _ in range(runs)]
    except RuntimeError as error:
        print(f"  {script}: {error}")
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--skip-others", action="store_true", help="only measure Redaksi")
    args = parser.parse_args()
    database = build_database(args.articles)
    home = BUILD / "home"
    home.mkdir(parents=True, exist_ok=True)
    ready, with_icons = measure_redaksi(database, args.runs, home)
    small, _ = measure_redaksi(build_demo_database(), args.runs, home)
    results: dict[str, list[float] | None] = {
        f"Redaksi ({args.articles:,} articles)": ready,
        "  the same, toolbar icons drawn": with_icons,
        "Redaksi (demo newsroom, 24 articles)": small,
    }
    if not args.skip_others:
        python = prepare_others()
        if python is not None:
            results["novelWriter (empty)"] = measure_other(python, "novelwriter", args.runs, home)
            results["ReText (empty)"] = measure_other(python, "retext", args.runs, home)
    ours = statistics.median(results[next(iter(results))] or [float("nan")])
    print()
    print(
        f"Cold start to a usable window, median of {args.runs} (offscreen, {os.cpu_count()} cores)"
    )
    print(f"{'application':34} {'median s':>9} {'min s':>7} {'max s':>7} {'vs Redaksi':>11}")
    for name, times in results.items():
        if not times:
            print(f"{name:34} {'n/a':>9}")
            continue
        median = statistics.median(times)
        print(f"{name:34} {median:9.3f} {min(times):7.3f} {max(times):7.3f} {median / ours:10.2f}x")
    print(f"\nTarget: Redaksi at most 1.000 s -> {'met' if ours <= 1.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
