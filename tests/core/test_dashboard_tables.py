"""Each dashboard series as CSV: the numbers the chart shows, read back with csv."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from editor.dashboard import (
    DashboardFilter,
    pipeline,
    pipeline_table,
    popular_in_window,
    popular_table,
    production,
    production_table,
    speed_distribution,
    speed_table,
    views_over_time,
    views_table,
    write_csv,
)
from tests.core.test_dashboard_support import NOW, ZONE, make_newsroom


def read(path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_every_series_exports_its_numbers(sqlite_db, tmp_path):
    room = make_newsroom(sqlite_db)
    flt = DashboardFilter(timedelta(days=7), None, None, NOW)

    write_csv(
        views_table(views_over_time(sqlite_db, flt, bucket="day", zone=ZONE)), tmp_path / "v.csv"
    )
    views = read(tmp_path / "v.csv")
    assert views[0] == ["day", "views"]
    assert views[-1] == ["2026-01-15T00:00:00+07:00", "190"]
    assert len(views) == 1 + 8

    write_csv(popular_table(popular_in_window(sqlite_db, flt)), tmp_path / "p.csv")
    popular = read(tmp_path / "p.csv")
    assert popular[0] == ["rank", "article_id", "headline", "published_at", "views"]
    assert popular[1] == [
        "1",
        str(room.ids["dunia"]),
        "Berita dunia",
        "2026-01-15T02:00:00+00:00",
        "160",
    ]

    write_csv(production_table(production(sqlite_db, flt, zone=ZONE)), tmp_path / "prod.csv")
    made = read(tmp_path / "prod.csv")
    assert made[0] == ["day", "Dunia", "Berita", "Olahraga", "total"]
    assert made[-1] == ["2026-01-15", "1", "0", "0", "1"]
    assert made[-4] == ["2026-01-12", "1", "0", "0", "1"]

    write_csv(speed_table(speed_distribution(sqlite_db, flt)), tmp_path / "s.csv")
    speed = read(tmp_path / "s.csv")
    assert speed[0][:4] == ["section", "articles", "min_hours", "p25_hours"]
    assert speed[0][-1] == "bin_168h_plus"
    assert speed[2][:9] == ["Dunia", "2", "2.0", "3.0", "4.0", "5.0", "5.6", "6.0", "4.0"]

    write_csv(pipeline_table(pipeline(sqlite_db, flt, zone=ZONE)), tmp_path / "pipe.csv")
    pipe = read(tmp_path / "pipe.csv")
    assert ["status", "published", "6"] in pipe
    assert ["scheduled", "2026-01-16", "1"] in pipe
    assert ["embargoed", "2026-01-17", "1"] in pipe


def test_a_failed_write_leaves_no_file(sqlite_db, tmp_path):
    table = views_table(
        views_over_time(sqlite_db, DashboardFilter(timedelta(days=1), None, None, NOW), zone=ZONE)
    )
    missing = tmp_path / "no-such-folder" / "v.csv"
    with pytest.raises(OSError):
        write_csv(table, missing)
    assert not list(tmp_path.rglob("*.csv"))
    # Writing over an earlier export replaces it whole, with no temporary file left.
    target = tmp_path / "v.csv"
    target.write_text("old", encoding="utf-8")
    write_csv(table, target)
    assert read(target)[0] == ["hour", "views"]
    assert [path.name for path in tmp_path.glob("*.csv")] == ["v.csv"]
