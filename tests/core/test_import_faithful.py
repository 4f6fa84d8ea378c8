"""What a real site's files carry outside the obvious keys survives an import: dates from
names, folders and file times (and the report says which), the old slug, Hugo's
publishDate and expiryDate, languages from names and folders, tag and people spellings."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from editor.articles import get_article
from editor.database import Database
from editor.import_report import ImportReport
from editor.importer import import_paths
from editor.people import create_person, list_people
from editor.records import ArticleRecord


def write(path: Path, text: str, *, mtime: datetime | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


def by_name(db: Database, report: ImportReport) -> dict[str, ArticleRecord]:
    return {f.path.name: get_article(db, f.article_id) for f in report.created}


def remarks(report: ImportReport) -> dict[str, tuple[str, ...]]:
    return {f.path.name: f.remarks for f in report.created + report.updated}


def test_dates_come_from_the_name_the_folders_or_the_file_time_and_the_report_says_which(
    sqlite_db: Database, tmp_path: Path
) -> None:
    site = tmp_path / "blog"
    touched = datetime(2019, 8, 17, 10, 30, tzinfo=UTC)
    write(site / "_posts/2014-09-09-jekyll-2-4-0-released.md", "---\ntitle: A Wild Jekyll\n---\n")
    write(site / "archive/2023/05/04/nato-jepang.md", "---\ntitle: NATO ke Jepang\n---\nIsi.\n")
    write(site / "pages/tentang-kami.md", "---\ntitle: Tentang Kami\n---\nIsi.\n", mtime=touched)
    write(site / "drafts-here/ide.md", "---\ntitle: Ide\ndraft: true\n---\n", mtime=touched)
    write(
        site / "posts/dengan-tanggal.md",
        "---\ntitle: Dengan Tanggal\ndate: 2020-01-02T03:04:05+07:00\n---\n",
        mtime=touched,
    )

    report = import_paths(sqlite_db, [site])

    assert report.problems == []
    articles = by_name(sqlite_db, report)
    jekyll = articles["2014-09-09-jekyll-2-4-0-released.md"]
    # The old address's slug, not one made from the title (midnight WIB is 17:00 UTC).
    assert jekyll.slug == "jekyll-2-4-0-released"
    assert jekyll.published_at == datetime(2014, 9, 8, 17, 0, tzinfo=UTC)
    assert articles["nato-jepang.md"].published_at == datetime(2023, 5, 3, 17, 0, tzinfo=UTC)
    assert articles["nato-jepang.md"].slug == "nato-jepang"
    assert articles["tentang-kami.md"].published_at == touched
    assert articles["ide.md"].published_at is None  # a draft's file time is no date
    assert articles["dengan-tanggal.md"].published_at == datetime(2020, 1, 1, 20, 4, 5, tzinfo=UTC)
    said = remarks(report)
    assert said["2014-09-09-jekyll-2-4-0-released.md"] == (
        "date from the file name",
        "redirected from /2014/09/09/jekyll-2-4-0-released.html once published",
    )
    assert said["nato-jepang.md"] == ("date from the folders",)
    assert said["tentang-kami.md"] == ("date from the file time",)
    assert said["dengan-tanggal.md"] == () and said["ide.md"] == ()


def test_a_jekyll_post_with_a_date_keeps_the_slug_of_its_file_name(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(
        tmp_path / "_posts/2014-09-09-jekyll-2-4-0-released.markdown",
        "---\nlayout: news_item\ntitle: 'A Wild Jekyll 2.4.0 Appeared!'\n"
        "date: 2014-09-09 20:53:00 -0700\nauthor: parkr\nversion: 2.4.0\n"
        "categories: [release]\n---\n\nJekyll 2.4.0 is out.\n",
    )
    report = import_paths(sqlite_db, [tmp_path])
    (article,) = by_name(sqlite_db, report).values()
    assert article.slug == "jekyll-2-4-0-released"
    assert article.published_at == datetime(2014, 9, 10, 3, 53, tzinfo=UTC)
    (imported,) = report.created
    assert imported.kept_keys == ("layout", "version")
    assert imported.used_keys == ("title", "date", "author", "categories")


def test_publish_date_ahead_schedules_and_an_expired_page_is_unpublished(
    sqlite_db: Database, tmp_path: Path
) -> None:
    ahead = (datetime.now(UTC) + timedelta(days=30)).replace(microsecond=0)
    content = tmp_path / "content/posts"
    write(
        content / "akan-datang.md",
        f"---\ntitle: Akan Datang\ndate: 2023-01-01\npublishDate: {ahead.isoformat()}\n---\n",
    )
    write(
        content / "kedaluwarsa.md",
        "---\ntitle: Promo Lama\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\nPromo.\n",
    )
    later = (datetime.now(UTC) + timedelta(days=400)).date()
    write(
        content / "berlaku.md",
        f"---\ntitle: Promo Baru\ndate: 2020-01-01\nexpiryDate: {later}\n---\nPromo.\n",
    )

    report = import_paths(sqlite_db, [tmp_path])

    assert report.problems == []
    articles = by_name(sqlite_db, report)
    scheduled = articles["akan-datang.md"]
    assert scheduled.status == "scheduled" and scheduled.scheduled_at == ahead
    assert articles["kedaluwarsa.md"].status == "killed"  # never shown again
    assert articles["berlaku.md"].status == "published"
    said = remarks(report)
    assert said["kedaluwarsa.md"] == ("expired on 2021-01-01 (expiryDate): imported unpublished",)
    assert "does not unpublish by date" in said["berlaku.md"][0]
    assert said["akan-datang.md"][0].startswith("scheduled for ")


MULTILINGUAL = {
    "content/id/berita/_index.md": "---\ntitle: Berita\n---\n",
    "content/en/berita/_index.en.md": "---\ntitle: News\n---\n",
    "content/id/berita/pemilu.md": "---\ntitle: Pemilu 2024\ndate: 2024-02-14\n---\nIsi.\n",
    "content/en/berita/pemilu.md": "---\ntitle: The 2024 Election\ndate: 2024-02-14\n---\nText.\n",
    "content/ja/berita/pemilu.md": "---\ntitle: 2024年選挙\ndate: 2024-02-14\n---\n本文。\n",
    "docs/about.en.md": "---\ntitle: About\ndate: 2024-01-01\n---\nText.\n",
    "docs/about.md": "---\ntitle: Tentang\ndate: 2024-01-01\n---\nIsi.\n",
    "docs/menu.fr.md": "---\ntitle: Menu\ndate: 2024-01-01\nlanguage: en\n---\nText.\n",
}


def test_language_from_the_folder_or_the_name_and_section_pages_are_not_articles(
    sqlite_db: Database, tmp_path: Path
) -> None:
    for name, text in MULTILINGUAL.items():
        write(tmp_path / name, text)

    report = import_paths(sqlite_db, [tmp_path])

    languages = {
        f.path.relative_to(tmp_path).as_posix(): get_article(sqlite_db, f.article_id).language
        for f in report.created
    }
    assert languages == {
        "content/id/berita/pemilu.md": "id",
        "content/en/berita/pemilu.md": "en",
        "docs/about.en.md": "en",
        "docs/about.md": "id",
        "docs/menu.fr.md": "en",  # the front matter says so
    }
    # Both section pages, the translated one too, are passed over.
    assert sorted(p.name for p in report.skipped) == ["_index.en.md", "_index.md"]
    (problem,) = report.problems
    assert problem.path.name == "pemilu.md" and "'ja'" in problem.reason
    assert "language: en" in problem.reason
    english = get_article(sqlite_db, report.created[0].article_id)
    assert english.slug in ("pemilu", "about")  # the file's name, language left out


def test_tags_and_people_keep_their_spelling(sqlite_db: Database, tmp_path: Path) -> None:
    write(
        tmp_path / "c.md",
        "---\ntitle: Belajar C\ndate: 2024-01-01\ntags: [C, Development]\n"
        "author: Tomas Sedovic\n---\n",
    )
    write(
        tmp_path / "cpp.md",
        "---\ntitle: Belajar C++\ndate: 2024-01-02\ntags: [C++, development, C#]\n"
        "author: Tomáš Šedovič\n---\n",
    )
    admin = create_person(sqlite_db, "Admin Redaksi", role="admin")
    report = import_paths(sqlite_db, [tmp_path], actor_id=admin.id)
    assert report.problems == []
    articles = by_name(sqlite_db, report)
    assert articles["c.md"].tags == ("C", "Development")
    # Case aside, one tag keeps its first spelling; names that only share a slug do not.
    assert articles["cpp.md"].tags == ("C++", "Development", "C#")
    assert [p.name for p in articles["c.md"].bylines] == ["Tomas Sedovic"]
    assert [p.name for p in articles["cpp.md"].bylines] == ["Tomáš Šedovič"]
    handles = sorted(p.handle for p in list_people(sqlite_db))
    assert handles == ["admin-redaksi", "tomas-sedovic", "tomas-sedovic-2"]

    from sqlalchemy import select

    from editor.models import Tag

    with sqlite_db.transaction() as session:
        slugs = dict(session.execute(select(Tag.name, Tag.slug)).all())
    assert slugs == {"C": "c", "Development": "development", "C++": "c-plus-plus", "C#": "c-sharp"}

    # Importing the same files again changes nothing: the tags are still the same tags.
    again = import_paths(sqlite_db, [tmp_path], actor_id=admin.id)
    assert len(again.unchanged) == 2 and again.updated == []


def test_sections_from_folders_with_a_map_and_the_header_still_winning(
    sqlite_db: Database, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    write(site / "content/berita/dunia/nato.md", "---\ntitle: NATO\ndate: 2023-05-04\n---\n")
    write(
        site / "content/berita/ekonomi-bisnis/rupiah/index.md",
        "---\ntitle: Rupiah\ndate: 2023-05-05\ncategories: [Pasar]\n---\n",
    )
    write(site / "content/en/post/hello.md", "---\ntitle: Hello\ndate: 2023-05-06\n---\n")
    write(
        site / "content/berita/2023/05/07/opini.md",
        "---\ntitle: Opini\ndate: 2023-05-07\nsection: opini\n---\n",
    )
    write(site / "_posts/2023-05-08-jekyll.md", "---\ntitle: Jekyll\n---\n")

    report = import_paths(
        sqlite_db, [site], sections_from_folders=True, section_map={"post": "berita"}
    )

    assert report.problems == []
    sections = {
        f.path.name: get_article(sqlite_db, f.article_id).section_path for f in report.created
    }
    assert sections == {
        "nato.md": "berita/dunia",
        "index.md": "berita/ekonomi-bisnis",  # the bundle's folder is the article
        "hello.md": "berita",  # the language folder left out, post mapped
        "opini.md": "opini",  # the header's section wins
        "2023-05-08-jekyll.md": "",  # _posts is no section
    }
    assert sorted(report.sections_created) == [
        "berita",
        "berita/dunia",
        "berita/ekonomi-bisnis",
        "opini",
    ]
    from editor.sections import list_sections

    names = {s.path: s.name for s in list_sections(sqlite_db)}
    assert names["berita/ekonomi-bisnis"] == "Ekonomi Bisnis"


def test_a_reimport_that_changes_only_a_kept_key_keeps_the_new_value(
    sqlite_db: Database, tmp_path: Path
) -> None:
    import json

    from sqlalchemy import select

    from editor.models import Article

    post = write(tmp_path / "site/posts/urutan.md", "---\ntitle: Urutan\nweight: 1\n---\nIsi.\n")
    (created,) = import_paths(sqlite_db, [tmp_path / "site"]).created
    post.write_text(post.read_text("utf-8").replace("weight: 1", "weight: 2"), "utf-8")

    again = import_paths(sqlite_db, [tmp_path / "site"])

    assert [f.headline for f in again.updated] == ["Urutan"]
    with sqlite_db.transaction() as session:
        kept = session.scalar(select(Article.kept_fields).where(Article.id == created.article_id))
    assert json.loads(kept or "{}") == {"weight": 2}
    # A new version: it travels through a newsroom's sync, and the publish sees it (a
    # changed old address is a changed redirect).
    assert get_article(sqlite_db, created.article_id).version == 2
