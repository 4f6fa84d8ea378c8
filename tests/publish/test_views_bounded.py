"""Page-view imports stay bounded whatever comes in: a big CSV streams in bounded memory,
CSV totals bigger than a batch count the same, and hostile files (a FIFO, a device, a file
with no line breaks, dates at the edge of the range) fail alone while the others import."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from editor.articles import create_article
from editor.database import Database, open_database
from editor.models import PageView, PageViewCsvCount
from editor.publish.urls import article_path
from editor.records import ArticleDraft
from editor.views import import_view_files, importing
from tests.publish.test_views_import import log_line

SCRIPT = Path(sys.executable).parent / ("redaksi.exe" if os.name == "nt" else "redaksi")
PUBLISHED = datetime(2026, 1, 10, 3, 0, tzinfo=UTC)
#: Decompressed size of the big CSV; reading it whole took over 400 MB before streaming.
BIG_CSV_BYTES = 60 * 1024 * 1024
#: Peak resident memory allowed for importing it: Python, SQLAlchemy and a batch, with room.
PEAK_RSS_BYTES = 160 * 1024 * 1024


def table(db: Database, model: type) -> dict[tuple[uuid.UUID, datetime], int]:
    with db.transaction() as session:
        rows = session.execute(select(model.article_id, model.hour, model.views))
        return {(article_id, hour): views for article_id, hour, views in rows}


def hour(day: int, at: int) -> datetime:
    return datetime(2026, 1, day, at, tzinfo=UTC)


@pytest.fixture
def article(db: Database):
    return create_article(
        db, ArticleDraft(headline="Hadapi Ancaman", status="published", published_at=PUBLISHED)
    )


def test_csv_totals_bigger_than_a_batch_count_the_same_and_replace_earlier_totals(
    db: Database, article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH", 2)  # every few rows go through the database
    other = create_article(
        db, ArticleDraft(headline="Lain", status="published", published_at=PUBLISHED)
    )
    first = tmp_path / "day.csv"
    first.write_text(
        "url,hour,views\n"
        f"{article.id},2026-01-11 01:00,1\n"
        f"{article.id},2026-01-11 02:00,2\n"
        f"{other.id},2026-01-11 01:00,7\n"
        f"{article.id},2026-01-11 03:00,3\n"
        f"{article.id},2026-01-11 01:00,4\n"  # the same hour again, batches later: summed
    )
    report = import_view_files(db, [first])
    assert report.views_counted == 17
    expected = {
        (article.id, hour(11, 1)): 5,
        (article.id, hour(11, 2)): 2,
        (article.id, hour(11, 3)): 3,
        (other.id, hour(11, 1)): 7,
    }
    assert table(db, PageView) == table(db, PageViewCsvCount) == expected

    again = tmp_path / "day-again.csv"  # an export made later: its totals replace the first
    again.write_text(
        "url,hour,views\n"
        f"{article.id},2026-01-11 03:00,10\n"
        f"{other.id},2026-01-11 01:00,1\n"
        f"{article.id},2026-01-11 01:00,6\n"
    )
    report = import_view_files(db, [again])
    assert report.views_counted == 7 - 6 + 1
    expected.update({(article.id, hour(11, 3)): 10, (other.id, hour(11, 1)): 1})
    expected[(article.id, hour(11, 1))] = 6
    assert table(db, PageView) == expected


def test_csv_dates_outside_the_range_are_bad_rows_and_the_good_rows_count(
    db: Database, article, tmp_path: Path
) -> None:
    data = tmp_path / "views.csv"
    data.write_text(
        "url,hour,views\n"
        f"{article.id},0001-01-01 00:00,5\n"
        f"{article.id},9999-12-31 23:00,5\n"
        f"{article.id},9999-12-31T23:00:00-05:00,5\n"
        f"{article.id},2026-01-11 04:00,3\n"
    )
    report = import_view_files(db, [data], zone="Asia/Jakarta")
    assert report.files_imported == [data]
    assert report.views_counted == 3
    assert [p.line for p in report.problems] == [2, 3, 4]
    assert all("outside the dates Redaksi accepts" in p.reason for p in report.problems)
    assert "'0001-01-01 00:00'" in report.problems[0].reason


def test_log_times_outside_the_range_are_malformed_lines(
    db: Database, article, tmp_path: Path
) -> None:
    page = article_path(PUBLISHED, article.id, article.slug, "Asia/Jakarta")
    log = tmp_path / "access.log"
    log.write_text(
        log_line(page, when="01/Jan/0001:00:10:00 +0700")
        + log_line(page, when="31/Dec/9999:23:10:00 -0500")
        + log_line(page, when="11/Jan/2026:04:59:12 +0700")
    )
    report = import_view_files(db, [log])
    assert report.views_counted == 1
    assert report.skipped["malformed line"] == 2
    assert [p.line for p in report.problems] == [1, 2]


def test_a_file_without_line_breaks_fails_alone(db: Database, article, tmp_path: Path) -> None:
    endless = tmp_path / "endless.csv"
    endless.write_bytes(b"url," + b"x" * (importing.MAX_LINE_BYTES + 10))
    good = tmp_path / "good.csv"
    good.write_text(f"url,hour,views\n{article.id},2026-01-11 04:00,3\n")
    report = import_view_files(db, [endless, good])
    assert report.files_imported == [good] and report.views_counted == 3
    [(path, why)] = report.files_failed
    assert path == endless and "line 1 is longer than 1,048,576 bytes" in why


def test_problems_past_the_first_thousand_are_counted_not_kept(
    db: Database, article, tmp_path: Path
) -> None:
    data = tmp_path / "views.csv"
    bad_rows = "".join(f"{article.id},2026-01-11,banyak\n" for _ in range(1500))
    data.write_text(f"url,date,views\n{bad_rows}{article.id},2026-01-11,2\n")
    report = import_view_files(db, [data])
    assert report.views_counted == 2
    assert (len(report.problems), report.problems_not_kept) == (1000, 500)
    assert report.skipped["bad CSV row"] == 1500


def _redaksi(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *argv], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.skipif(not SCRIPT.exists(), reason="the redaksi console script is not installed")
def test_a_fifo_and_a_device_fail_alone_and_the_other_files_import(
    sqlite_url: str, tmp_path: Path
) -> None:
    db = open_database(sqlite_url)
    article = create_article(db, ArticleDraft(headline="A", status="published"))
    db.close()
    pipe = tmp_path / "views.csv"
    os.mkfifo(pipe)
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")
    good = tmp_path / "good.csv"
    good.write_text(f"url,hour,views\n{article.id},2026-01-11 04:00,3\n")

    result = _redaksi("--db", sqlite_url, "views", "import", str(pipe), str(zero), str(good))

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"redaksi: {pipe}: is a named pipe (FIFO)" in result.stderr
    assert f"redaksi: {zero}: is a device" in result.stderr
    assert f"imported {good}" in result.stdout and "3 views counted" in result.stdout


def _big_csv(path: Path, paths: list[str]) -> int:
    """A gzip CSV of BIG_CSV_BYTES: every article every hour of a day, over and over."""
    block = "".join(
        f"https://contoh.id{page},2026-01-11 {at:02d}:00,{(at * 7 + number) % 1000}\n"
        for number, page in enumerate(paths)
        for at in range(24)
    ).encode()
    repeats = BIG_CSV_BYTES // len(block) + 1
    with gzip.open(path, "wb", compresslevel=1) as stream:
        stream.write(b"url,hour,views\n")
        for _ in range(repeats):
            stream.write(block)
    return repeats * len(block.splitlines())


#: Runs the redaksi console script in this process and prints the process's peak resident
#: memory (VmHWM) as it exits. Read from /proc, not from wait4: a child's ru_maxrss starts
#: at its parent's size when it is forked, and the test runner can be far bigger.
PEAK_REPORTER = """
import atexit, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    sys.stderr.write("peak-kb " + line.split()[1] + "\\n")

atexit.register(_peak)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.mark.slow  # half a minute of CSV parsing in a child process
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="VmHWM comes from Linux /proc")
@pytest.mark.skipif(not SCRIPT.exists(), reason="the redaksi console script is not installed")
def test_a_big_csv_is_imported_in_bounded_memory(sqlite_url: str, tmp_path: Path) -> None:
    db = open_database(sqlite_url)
    pages = []
    for number in range(20):
        item = create_article(
            db,
            ArticleDraft(headline=f"Artikel {number}", status="published", published_at=PUBLISHED),
        )
        pages.append(article_path(PUBLISHED, item.id, item.slug, "Asia/Jakarta"))
    db.close()
    data = tmp_path / "analytics.csv.gz"
    rows = _big_csv(data, pages)

    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PEAK_REPORTER,
            str(SCRIPT),
            "--db",
            sqlite_url,
            "views",
            "import",
            str(data),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert f"{rows} lines read" in result.stdout
    peak = int(result.stderr.split("peak-kb ")[1].split()[0]) * 1024
    assert peak < PEAK_RSS_BYTES, f"peak {peak / 2**20:.0f} MB"
