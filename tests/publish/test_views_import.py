"""Page-view import from access logs and CSV files, on SQLite and PostgreSQL."""

from __future__ import annotations

import gzip
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from editor.articles import create_article
from editor.database import Database
from editor.models import PageView
from editor.publish.urls import article_path
from editor.records import ArticleDraft
from editor.views import import_view_files

BROWSER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
PUBLISHED = datetime(2026, 1, 10, 3, 0, tzinfo=UTC)


def log_line(
    path: str,
    *,
    when: str = "11/Jan/2026:04:59:12 +0700",
    method: str = "GET",
    status: int = 200,
    agent: str = BROWSER,
    host: str = "203.0.113.7",
) -> str:
    return f'{host} - - [{when}] "{method} {path} HTTP/1.1" {status} 5120 "-" "{agent}"\n'


def views_by_hour(db: Database) -> dict[tuple[uuid.UUID, datetime], int]:
    with db.transaction() as session:
        rows = session.execute(select(PageView.article_id, PageView.hour, PageView.views))
        return {(article_id, hour): views for article_id, hour, views in rows}


@pytest.fixture
def article(db: Database):
    return create_article(
        db,
        ArticleDraft(headline="Hadapi Ancaman", status="published", published_at=PUBLISHED),
    )


@pytest.fixture
def page(article) -> str:
    return article_path(PUBLISHED, article.id, article.slug, "Asia/Jakarta")


def test_log_counts_reader_views_per_utc_hour(db: Database, article, page, tmp_path) -> None:
    log = tmp_path / "access.log"
    log.write_text(
        log_line(page, when="11/Jan/2026:04:59:12 +0700")  # 21:59 UTC on the 10th
        + log_line(page + "?utm_source=wa", when="11/Jan/2026:05:00:00 +0700", host="10.0.0.2")
        + log_line(page, when="10/Jan/2026:22:15:00 +0000", method="HEAD")
        + log_line(page, status=304, host="10.0.0.3")
    )
    report = import_view_files(db, [log])
    assert report.lines_read == 4
    assert report.views_counted == 4
    assert views_by_hour(db) == {
        (article.id, datetime(2026, 1, 10, 21, tzinfo=UTC)): 2,
        (article.id, datetime(2026, 1, 10, 22, tzinfo=UTC)): 2,
    }


def test_log_skips_bots_assets_errors_other_pages_and_reports_bad_lines(
    db: Database, article, page, tmp_path
) -> None:
    unknown = f"/read/2026/01/10/{'f' * 8}/tidak-ada/"
    log = tmp_path / "access.log"
    log.write_text(
        log_line(page)
        + log_line(page, agent="Mozilla/5.0 (compatible; Googlebot/2.1)")
        + log_line(page, agent="facebookexternalhit/1.1")
        + log_line(page, agent="curl/8.5.0")
        + log_line(page, agent="python-requests/2.31")
        + log_line(page, agent="Mozilla/5.0 HeadlessChrome/120.0")
        + log_line("/assets/site.css")
        + log_line("/media/foto.jpg")
        + log_line("/favicon.ico")
        + log_line(page, method="POST")
        + log_line(page, status=404)
        + log_line(page, status=500)
        + log_line("/")
        + log_line("/berita/dunia/")
        + log_line(unknown)
        + "this is not a log line\n"
        + log_line(page).replace("11/Jan/2026", "11/Foo/2026")
    )
    report = import_view_files(db, [log])
    assert report.views_counted == 1
    assert report.lines_read == 17
    assert report.skipped == {
        "bot": 5,
        "asset": 3,
        "not GET/HEAD": 1,
        "error status": 2,
        "not an article page": 2,
        "unknown article": 1,
        "malformed line": 2,
    }
    assert report.unknown_articles == {unknown: 1}
    assert [(p.line, p.reason.split(":")[0]) for p in report.problems] == [
        (16, "malformed line"),
        (17, "malformed line"),
    ]
    assert sum(views_by_hour(db).values()) == 1


def test_full_uuid_urls_and_gzip_logs_count(db: Database, article, tmp_path) -> None:
    dashed = f"https://example.id/read/2026/01/10/{article.id}/hadapi-ancaman/"
    plain_hex = f"/read/2026/01/10/{article.id.hex}/hadapi-ancaman/"
    log = tmp_path / "access.log.2.gz"
    with gzip.open(log, "wt") as handle:
        handle.write(log_line(dashed) + log_line(plain_hex))
    report = import_view_files(db, [log])
    assert report.views_counted == 2, report
    assert list(views_by_hour(db).values()) == [2]


def test_same_file_again_counts_nothing(db: Database, article, page, tmp_path) -> None:
    log = tmp_path / "access.log"
    log.write_text(log_line(page) * 3)
    first = import_view_files(db, [log])
    again = import_view_files(db, [log])
    assert first.views_counted == 3
    assert again.views_counted == 0
    assert again.files_imported == []
    assert again.files_already_imported[0][0] == log
    assert "already imported" in again.files_already_imported[0][1]
    assert sum(views_by_hour(db).values()) == 3


def test_overlapping_rotated_log_counts_only_new_lines(
    db: Database, article, page, tmp_path
) -> None:
    early = log_line(page, when="11/Jan/2026:04:00:00 +0700")
    same_second = log_line(page, when="11/Jan/2026:04:10:00 +0700")
    late = log_line(page, when="11/Jan/2026:06:00:00 +0700")
    current = tmp_path / "access.log"
    current.write_text(early + same_second + same_second)
    import_view_files(db, [current])
    # After rotation the old file holds those lines and more (one more identical request).
    rotated = tmp_path / "access.log.1.gz"
    with gzip.open(rotated, "wt") as handle:
        handle.write(early + same_second + same_second + same_second + late)
    report = import_view_files(db, [rotated])
    assert report.views_counted == 2
    assert report.skipped["already counted"] == 3
    assert sum(views_by_hour(db).values()) == 5


def test_csv_with_liberal_columns_and_dates(db: Database, article, page, tmp_path) -> None:
    other = create_article(
        db, ArticleDraft(headline="Lain", status="published", published_at=PUBLISHED)
    )
    data = tmp_path / "analytics.csv"
    data.write_text(
        "Page URL;Tanggal;Page Views\n"
        f"https://example.id{page};2026-01-11 04:30;1.200\n"
        f"{article.id};11/01/2026;7\n"
        f"{other.id.hex};2026-01-11T05:00:00+07:00;3\n",
        encoding="utf-8-sig",
    )
    report = import_view_files(db, [data], zone="Asia/Jakarta")
    assert report.problems == []
    assert report.views_counted == 1210
    assert views_by_hour(db) == {
        (article.id, datetime(2026, 1, 10, 21, tzinfo=UTC)): 1200,
        (article.id, datetime(2026, 1, 10, 17, tzinfo=UTC)): 7,
        (other.id, datetime(2026, 1, 10, 22, tzinfo=UTC)): 3,
    }


def test_csv_date_and_hour_columns(db: Database, article, tmp_path) -> None:
    data = tmp_path / "views.csv"
    data.write_text(f"article_id,date,hour,views\n{article.id},2026-01-11,7,5\n")
    import_view_files(db, [data])
    assert views_by_hour(db) == {(article.id, datetime(2026, 1, 11, 7, tzinfo=UTC)): 5}


def test_csv_bad_rows_reported_by_line_and_good_rows_kept(db: Database, article, tmp_path) -> None:
    data = tmp_path / "views.csv"
    data.write_text(
        "url,date,views\n"
        f"{article.id},2026-01-11,4\n"
        f"{article.id},31/31/2026,4\n"
        f"{article.id},2026-01-11,banyak\n"
        "/berita/dunia/,2026-01-11,9\n"
        f"{uuid.UUID(int=1)},2026-01-11,2\n"
        f"{article.id},2026-01-12\n"
    )
    report = import_view_files(db, [data])
    assert report.views_counted == 4
    assert [problem.line for problem in report.problems] == [3, 4, 5, 6, 7]
    assert "31/31/2026" in report.problems[0].reason
    assert "banyak" in report.problems[1].reason
    assert report.unknown_articles == {str(uuid.UUID(int=1)): 1}


def test_csv_without_a_usable_header_counts_nothing_and_says_what_to_write(
    db: Database, article, tmp_path
) -> None:
    data = tmp_path / "views.csv"
    data.write_text(f"{article.id},2026-01-11,4\n")
    report = import_view_files(db, [data])
    assert report.views_counted == 0
    assert report.files_imported == []
    assert "url,date,views" in report.files_failed[0][1]
    assert views_by_hour(db) == {}


def test_csv_reexport_replaces_its_totals_and_keeps_log_views(
    db: Database, article, page, tmp_path
) -> None:
    log = tmp_path / "access.log"
    log.write_text(log_line(page, when="11/Jan/2026:07:10:00 +0000"))
    import_view_files(db, [log])
    first = tmp_path / "day1.csv"
    first.write_text(f"url,hour,views\n{page},2026-01-11 07:00,10\n")
    second = tmp_path / "day1-again.csv"
    second.write_text(f"url,hour,views\n{page},2026-01-11 07:00,12\n")
    import_view_files(db, [first])
    report = import_view_files(db, [second])
    assert report.views_counted == 2
    assert views_by_hour(db) == {(article.id, datetime(2026, 1, 11, 7, tzinfo=UTC)): 13}


def test_missing_file_is_reported_and_others_still_import(
    db: Database, article, page, tmp_path
) -> None:
    log = tmp_path / "access.log"
    log.write_text(log_line(page))
    report = import_view_files(db, [tmp_path / "nope.log", log])
    assert report.files_imported == [log]
    assert report.files_failed[0][0] == tmp_path / "nope.log"
    assert report.views_counted == 1
