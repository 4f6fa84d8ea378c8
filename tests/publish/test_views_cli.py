"""``redaksi views import`` and ``redaksi views popular`` from the command line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from editor.articles import create_article
from editor.cli import main
from editor.database import open_database
from editor.models import utcnow
from editor.publish.urls import article_path
from editor.records import ArticleDraft

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


@pytest.fixture
def newsroom(sqlite_url: str):
    db = open_database(sqlite_url)
    published = utcnow() - timedelta(days=1)
    article = create_article(
        db, ArticleDraft(headline="Banjir Jakarta", status="published", published_at=published)
    )
    db.close()
    return sqlite_url, article_path(published, article.id, article.slug, "Asia/Jakarta")


def test_import_prints_counts_and_a_second_run_skips_the_file(newsroom, tmp_path, capsys) -> None:
    url, page = newsroom
    stamp = (utcnow() - timedelta(hours=2)).strftime("%d/%b/%Y:%H:%M:%S +0000")
    log = tmp_path / "access.log"
    log.write_text(
        f'1.1.1.1 - - [{stamp}] "GET {page} HTTP/1.1" 200 10 "-" "{BROWSER}"\n'
        f'1.1.1.1 - - [{stamp}] "GET {page} HTTP/1.1" 200 10 "-" "Googlebot/2.1"\n'
        "garbage\n"
    )
    assert main(["--db", url, "views", "import", str(log)]) == 0
    out, err = capsys.readouterr()
    assert "3 lines read, 1 views counted" in out
    assert "skipped (bot): 1" in out
    assert f"{log}:3: malformed line" in err

    assert main(["--db", url, "views", "import", str(log)]) == 0
    out, _err = capsys.readouterr()
    assert "already imported" in out
    assert "0 views counted" in out

    assert main(["--db", url, "views", "popular", "--window", "24h"]) == 0
    out, _err = capsys.readouterr()
    assert "Banjir Jakarta" in out


def test_unreadable_file_fails_with_exit_code_one(newsroom, tmp_path, capsys) -> None:
    url, _page = newsroom
    bad = tmp_path / "views.csv"
    bad.write_bytes(b"url,date,views\n\xff\xfe broken\n")
    assert main(["--db", url, "views", "import", str(bad)]) == 1
    _out, err = capsys.readouterr()
    assert "UTF-8" in err


def test_unknown_window_is_a_usage_error(newsroom, capsys) -> None:
    url, _page = newsroom
    assert main(["--db", url, "views", "popular", "--window", "1y"]) == 2
    assert "24h, 7d, 30d" in capsys.readouterr().err
