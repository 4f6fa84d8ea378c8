"""Dashboard figures at newsroom scale: 100,000 articles and 10 million hourly view rows.

    .venv/bin/python bench/dashboard_bench.py [--articles N] [--views-per-article M]

The database is generated once (bulk inserts in big transactions, the hour index built
after the rows) and cached under build/bench/, so reruns start at once. Prints the time
to open the dashboard (target at most 1 s), to redraw after each kind of filter change
(target at most 200 ms; a section or reporter over 7 and over 90 days) and how long each
series' query takes on its own over 7 and 90 days.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The bench's clock: fixed, so every run measures the same windows.
NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
DAYS = 365
WINDOWS_7D = timedelta(days=7)
WINDOWS_90D = timedelta(days=90)
SECTIONS = ("Berita", "Dunia", "Ekonomi", "Olahraga", "Teknologi", "Hiburan", "Otomotif", "Gaya")
REPORTERS = 60
#: The head migration the cached database was made at: a newer schema makes a new file.
SCHEMA = "0020"


def _stamp(when: datetime) -> str:
    # How editor.models.UTCDateTime stores times on SQLite: naive UTC text, microseconds.
    return when.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def generate(path: Path, articles: int, per_article: int) -> None:
    from editor.database import open_database

    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    open_database(f"sqlite:///{partial}").close()  # the schema, through the migrations
    rng = random.Random(6)
    started = time.perf_counter()
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    now_text = _stamp(NOW)
    section_ids = [uuid.uuid4().hex for _ in SECTIONS]
    people = [uuid.uuid4().hex for _ in range(REPORTERS)]
    with conn:
        conn.executemany(
            "INSERT INTO sections (id, parent_id, name, slug, position, word_target, created_at,"
            " updated_at, version) VALUES (?, NULL, ?, ?, ?, 0, ?, ?, 1)",
            [
                (ident, name, name.lower(), n, now_text, now_text)
                for n, (ident, name) in enumerate(zip(section_ids, SECTIONS, strict=True))
            ],
        )
        conn.executemany(
            "INSERT INTO people (id, name, handle, role, active, created_at, updated_at, version)"
            " VALUES (?, ?, ?, 'reporter', 1, ?, ?, 1)",
            [
                (ident, f"Reporter {n}", f"reporter-{n}", now_text, now_text)
                for n, ident in enumerate(people)
            ],
        )
    ids = sorted(uuid.uuid4().hex for _ in range(articles))
    first_hour = NOW.replace(minute=0, second=0, microsecond=0) - timedelta(days=DAYS)
    hour_count = DAYS * 24 + per_article + 2
    hour_text = [_stamp(first_hour + timedelta(hours=n)) for n in range(hour_count)]
    statuses = (
        ["published"] * 90
        + ["draft"] * 4
        + ["in_review"] * 2
        + ["scheduled"] * 2
        + ["approved"] * 2
    )
    rows, bylines, view_plan = [], [], []
    for ident in ids:
        status = rng.choice(statuses)
        offset = rng.randrange(DAYS * 24)
        created = first_hour + timedelta(hours=offset, minutes=rng.randrange(60))
        draft_hours = rng.choice((0.5, 1, 2, 3, 5, 8, 20, 30, 60, 200)) * rng.random() * 2
        published = created + timedelta(hours=draft_hours)
        if status == "published" and published > NOW:
            published = NOW - timedelta(minutes=1)
        scheduled = (
            NOW + timedelta(hours=rng.randrange(1, 24 * 7)) if status == "scheduled" else None
        )
        rows.append(
            (
                ident,
                f"Berita nomor {ident[:8]}",
                ident[:12],
                rng.choice(section_ids),
                status,
                _stamp(published) if status == "published" else None,
                _stamp(scheduled) if scheduled else None,
                _stamp(created),
                _stamp(published),
            )
        )
        bylines.append((ident, rng.choice(people), 0))
        if status == "published":
            view_plan.append((ident, int((published - first_hour).total_seconds() // 3600) + 1))
    with conn:
        conn.executemany(
            "INSERT INTO articles (id, headline, kicker, slug, lead, section_id, language, status,"
            " lead_image, lead_image_caption, lead_image_credit, published_at, scheduled_at,"
            " word_count, created_at, updated_at, version) VALUES (?, ?, '', ?, '', ?, 'id', ?,"
            " '', '', '', ?, ?, 400, ?, ?, 1)",
            rows,
        )
        conn.executemany("INSERT INTO bylines VALUES (?, ?, ?)", bylines)
    print(f"  articles written in {time.perf_counter() - started:.1f} s", flush=True)
    # The indexes are built once, after the rows: far faster.
    conn.execute("DROP INDEX ix_page_views_hour_article_views")
    conn.execute("DROP INDEX ix_page_view_days_day_article_views")
    target = articles * per_article
    # Spread the rows over the published articles; each gets consecutive hours from its
    # publication, with views decaying like a real story's.
    # Rounded up: the newest stories run out of hours before "now"; the total is capped.
    per_published = max(1, -(-target // max(1, len(view_plan))))
    decay = [max(1, int(400 * 0.93**n)) for n in range(per_published + 1)]

    def view_rows():
        made = 0
        for ident, start in view_plan:
            for n in range(per_published):
                if made >= target:
                    return
                hour = start + n
                if hour >= len(hour_text):
                    break
                made += 1
                yield (ident, hour_text[hour], decay[n] + (made % 7))

    with conn:
        conn.executemany(
            "INSERT INTO page_views (article_id, hour, views) VALUES (?, ?, ?)", view_rows()
        )
    print(f"  view rows written in {time.perf_counter() - started:.1f} s", flush=True)
    with conn:
        # The rollups the importer keeps in step (migrations 0007, 0009 and 0020 fill them the
        # same way): per article and day and week here, the site per hour once the hour index
        # is built, then per section and hour.
        conn.execute(
            "INSERT INTO page_view_days (article_id, day, views)"
            " SELECT article_id, substr(hour, 1, 10), SUM(views) FROM page_views"
            " GROUP BY article_id, substr(hour, 1, 10)"
        )
        monday = "date(day, '-6 days', 'weekday 1')"
        conn.execute(
            "INSERT INTO page_view_weeks (article_id, week, views)"
            f" SELECT article_id, {monday}, SUM(views) FROM page_view_days"
            f" GROUP BY article_id, {monday}"
        )
        conn.execute(
            "CREATE INDEX ix_page_views_hour_article_views ON page_views (hour, article_id, views)"
        )
        # The site's total per hour, as migration 0009 fills it (in hour order, from the index).
        conn.execute(
            "INSERT INTO page_view_hours (hour, views)"
            " SELECT hour, SUM(views) FROM page_views GROUP BY hour"
        )
        conn.execute(
            "CREATE INDEX ix_page_view_days_day_article_views"
            " ON page_view_days (day, article_id, views)"
        )
        # Each section's total per hour, as migration 0020 fills it.
        conn.execute(
            "INSERT INTO page_view_section_hours (section_id, hour, views)"
            " SELECT a.section_id, v.hour, SUM(v.views) FROM page_views AS v"
            " JOIN articles AS a ON a.id = v.article_id"
            " WHERE a.section_id IS NOT NULL GROUP BY a.section_id, v.hour"
        )
        conn.execute("ANALYZE")
    conn.close()
    os.replace(partial, path)
    print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _wait_until_drawn(app, view) -> None:
    """Until the numbers computed in the background are drawn and painted."""
    while view.is_pending():
        app.processEvents()
        time.sleep(0.001)
    view.repaint()
    app.processEvents()


def run_timings(path: Path, *, now: datetime) -> None:
    """Open the dashboard offscreen on the cached database and time it and its redraws."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # The offscreen platform warns on every window it cannot size or raise; the figures
    # are what this prints, so those lines are kept out of them.
    def quiet(_kind: object, _context: object, message: str) -> None:
        if "This plugin does not support" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)

    from editor.database import open_database
    from editor.people import list_people
    from editor.sections import list_sections
    from ui.theme import apply_fonts, apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    apply_fonts(app)
    apply_theme(app, "light")
    db = open_database(f"sqlite:///{path}")
    sections, people = list_sections(db), list_people(db)
    holder: dict[str, object] = {}

    def open_dashboard() -> None:
        from ui.dashboard.view import DashboardView  # pyqtgraph is imported here

        view = DashboardView(db, zone="Asia/Jakarta", sections=sections, people=people, now=now)
        view.resize(1366, 900)
        view.show()
        _wait_until_drawn(app, view)
        holder["view"] = view

    first = _timed(open_dashboard)
    holder["view"].close()  # type: ignore[attr-defined]
    again = statistics.median(_timed(open_dashboard) for _ in range(3))
    print(f"Open the dashboard (window 7 days), first time with pyqtgraph import: {first:.3f} s")
    print(f"Open the dashboard again (median of 3): {again:.3f} s   target <= 1 s")
    view = holder["view"]

    def change(box, index: int) -> float:
        def act() -> None:
            box.setCurrentIndex(index)
            _wait_until_drawn(app, view)

        return _timed(act)

    changes = [
        ("window 24 hours", view.window_box, 0),  # type: ignore[attr-defined]
        ("window 30 days", view.window_box, 2),  # type: ignore[attr-defined]
        ("window 90 days", view.window_box, 3),  # type: ignore[attr-defined]
        ("window 7 days", view.window_box, 1),  # type: ignore[attr-defined]
        ("one section", view.section_box, 3),  # type: ignore[attr-defined]
        ("all sections", view.section_box, 0),  # type: ignore[attr-defined]
        ("one reporter", view.reporter_box, 5),  # type: ignore[attr-defined]
        ("all reporters", view.reporter_box, 0),  # type: ignore[attr-defined]
    ]
    # The same narrowing over the longest window: a section's views are then the longest
    # sum (the site's come from the per-hour totals, a section's from every hour's rows).
    longest = [(f"{label}, 90 d", box, index) for label, box, index in changes[4:]]
    print("Redraw after a filter change (median of 3), target <= 200 ms:")
    for window, group in ((None, changes), (3, longest)):
        if window is not None:
            view.window_box.setCurrentIndex(window)  # type: ignore[attr-defined]
            _wait_until_drawn(app, view)
        for label, box, index in group:
            runs = []
            for _ in range(3):
                box.setCurrentIndex(0 if index else 1)
                _wait_until_drawn(app, view)
                runs.append(change(box, index))
            print(f"  {label:<22} {statistics.median(runs) * 1000:7.1f} ms")
    from editor.dashboard import DashboardFilter
    from editor.dashboard.snapshot import ChartChoices, snapshot

    for label, window in (("7 days", WINDOWS_7D), ("90 days", WINDOWS_90D)):
        flt = DashboardFilter(window, None, None, now)
        snapshot(db, flt, zone="Asia/Jakarta", choices=ChartChoices(bucket="day"))  # warm
        print(f"Each series on its own, window {label}, whole site (median of 5):")
        for name, took in series_times(db, flt).items():
            print(f"  {name:<16} {took * 1000:7.1f} ms")
    view.close()  # type: ignore[attr-defined]
    db.close()


def series_times(db, flt) -> dict[str, float]:
    from editor.dashboard import (
        pipeline,
        popular_in_window,
        production,
        speed_distribution,
        views_over_time,
    )

    zone = "Asia/Jakarta"
    series = {
        "views over time": lambda: views_over_time(db, flt, bucket="day", zone=zone),
        "Populer": lambda: popular_in_window(db, flt),
        "production": lambda: production(db, flt, zone=zone),
        "speed": lambda: speed_distribution(db, flt),
        "pipeline": lambda: pipeline(db, flt, zone=zone),
    }
    return {
        name: statistics.median(_timed(compute) for _ in range(5))
        for name, compute in series.items()
    }


def database_path(articles: int, per_article: int) -> Path:
    folder = ROOT / "build" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"dashboard-{articles}-{per_article}-schema{SCHEMA}.db"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--views-per-article", type=int, default=100)
    parser.add_argument("--generate-only", action="store_true")
    args = parser.parse_args()
    path = database_path(args.articles, args.views_per_article)
    if not path.exists():
        print(f"Generating {path.name} (once; cached for reruns)...", flush=True)
        generate(path, args.articles, args.views_per_article)
    conn = sqlite3.connect(path)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    view_rows = conn.execute("SELECT count(*) FROM page_views").fetchone()[0]
    conn.close()
    print(f"Database: {articles:,} articles, {view_rows:,} hourly view rows ({path})")
    if args.generate_only:
        return 0
    run_timings(path, now=NOW)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
