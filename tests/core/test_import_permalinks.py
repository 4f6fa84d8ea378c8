"""A Hugo or Jekyll page that named no address of its own lived at its generator's default
address: the import keeps it as the article's old address (and the publish redirects from
it), from the generator's defaults or from the site's settings file."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from editor.config import Settings
from editor.database import Database
from editor.exporter import export_markdown
from editor.importer import import_paths
from editor.models import Article
from editor.publish.site import publish_site


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def old_addresses(db: Database) -> dict[str, str | None]:
    """headline -> the old address the import worked out (None: none)."""
    with db.transaction() as session:
        rows = session.execute(select(Article.headline, Article.kept_fields)).all()
    return {headline: json.loads(kept or "{}").get("old_address") for headline, kept in rows}


HUGO_SITE = {
    "content/posts/banjir-surut.md": "---\ntitle: Banjir Surut\ndate: 2023-01-10\n---\nIsi.\n",
    "content/berita/dunia/nato-jepang/index.md": (
        "---\ntitle: NATO ke Jepang\ndate: 2023-05-04T07:56:00+07:00\n---\nIsi.\n"
    ),
    "content/berita/Pemilu-Daerah.md": (
        "---\ntitle: Pemilu Daerah\ndate: 2023-06-01\nslug: pilkada-2023\n---\nIsi.\n"
    ),
    "content/about.md": "---\ntitle: Tentang Kami\ndate: 2020-01-01\n---\nIsi.\n",
    "content/en/posts/flood.md": "---\ntitle: Flood Recedes\ndate: 2023-01-10\n---\nText.\n",
    "content/posts/catatan.md": "---\ntitle: Catatan\ndate: 2023-01-11\ndraft: true\n---\n",
    "content/posts/khusus.md": (
        "---\ntitle: Alamat Sendiri\ndate: 2023-01-12\nurl: /khusus/alamat/\n---\nIsi.\n"
    ),
    "content/posts/pindah.md": (
        "---\ntitle: Pindahan\ndate: 2023-01-13\naliases: [/lama/pindah/]\n---\nIsi.\n"
    ),
}


def test_hugo_pages_without_a_settings_file_get_hugos_default_addresses(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(tmp_path / "situs", HUGO_SITE)

    report = import_paths(sqlite_db, [tmp_path / "situs"])

    assert report.problems == []
    assert old_addresses(sqlite_db) == {
        "Banjir Surut": "/posts/banjir-surut/",
        "NATO ke Jepang": "/berita/dunia/nato-jepang/",  # a bundle: its folder
        "Pemilu Daerah": "/berita/pilkada-2023/",  # the slug replaces the name
        "Tentang Kami": "/about/",
        "Flood Recedes": "/posts/flood/",  # en is Hugo's default language
        "Catatan": None,  # a draft was never on the site
        "Alamat Sendiri": None,  # its url is its address (kept as written)
        "Pindahan": "/posts/pindah/",  # aliases redirected to here: both redirect now
    }
    remarks = {f.headline: f.remarks for f in report.created}
    assert "redirected from /posts/banjir-surut/ once published" in remarks["Banjir Surut"]
    assert "redirected from /lama/pindah/, /posts/pindah/ once published" in remarks["Pindahan"]
    kept = {f.headline: f.kept_keys for f in report.created}
    assert kept["Banjir Surut"] == ()  # worked out, not a key the file had


def test_hugo_settings_give_the_permalinks_language_and_case(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(tmp_path / "situs", HUGO_SITE)
    write(
        tmp_path / "situs",
        {
            "hugo.toml": (
                'baseURL = "https://kabarkota.id/"\ndefaultContentLanguage = "id"\n'
                "disablePathToLower = true\n\n[permalinks]\n"
                '  posts = "/:year/:month/:slug/"\n  berita = "/:sections/:filename/"\n'
            )
        },
    )

    assert import_paths(sqlite_db, [tmp_path / "situs/content"]).problems == []

    found = old_addresses(sqlite_db)
    # :slug falls back to the title, in its case as disablePathToLower asks.
    assert found["Banjir Surut"] == "/2023/01/Banjir-Surut/"
    assert found["NATO ke Jepang"] == "/berita/dunia/nato-jepang/"
    assert found["Pemilu Daerah"] == "/berita/Pemilu-Daerah/"  # :filename, case kept
    assert found["Tentang Kami"] == "/about/"  # no pattern for the top level
    assert found["Flood Recedes"] == "/en/2023/01/Flood-Recedes/"  # not the default language


def test_a_settings_file_that_cannot_be_read_is_said_once_and_defaults_stand(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(
        tmp_path / "situs",
        {
            "config.toml": "[permalinks\nposts = ",
            "content/posts/a.md": "---\ntitle: A\ndate: 2023-01-01\n---\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2023-01-02\n---\n",
        },
    )

    report = import_paths(sqlite_db, [tmp_path / "situs"])

    assert report.problems == []
    assert [note for note in report.notes if "config.toml could not be read" in note] == [
        report.notes[0]
    ]
    assert old_addresses(sqlite_db) == {"A": "/posts/a/", "B": "/posts/b/"}


JEKYLL_SITE = {
    "_posts/2014-09-09-jekyll-2-4-0-released.markdown": (
        "---\nlayout: news_item\ntitle: 'A Wild Jekyll 2.4.0 Appeared!'\n"
        "date: 2014-09-09 20:53:00 -0700\ncategories: [release]\n---\nOut.\n"
    ),
    "_posts/2023-05-05-rupiah-menguat.md": (
        "---\ntitle: Rupiah Menguat\ncategories: Berita Ekonomi\n---\nIsi.\n"
    ),
    "olahraga/_posts/2023-06-01-timnas-menang.md": (
        "---\ntitle: Timnas Menang\ncategory: bola\n---\nIsi.\n"
    ),
    "_posts/2023-07-01-sendiri.md": (
        "---\ntitle: Sendiri\npermalink: /halaman/sendiri.html\n---\nIsi.\n"
    ),
    "_drafts/rencana.md": "---\ntitle: Rencana\n---\nIsi.\n",
}


def test_jekyll_posts_without_a_config_get_the_date_permalink(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(tmp_path / "blog", JEKYLL_SITE)

    assert import_paths(sqlite_db, [tmp_path / "blog"]).problems == []

    assert old_addresses(sqlite_db) == {
        # The date as written (its own offset), the slug of the file name.
        "A Wild Jekyll 2.4.0 Appeared!": "/release/2014/09/09/jekyll-2-4-0-released.html",
        "Rupiah Menguat": "/berita/ekonomi/2023/05/05/rupiah-menguat.html",
        # The folder above _posts is a category too, first.
        "Timnas Menang": "/olahraga/bola/2023/06/01/timnas-menang.html",
        "Sendiri": None,  # its permalink is its address
        "Rencana": None,  # a draft
    }


def test_jekyll_config_permalink_and_timezone(sqlite_db: Database, tmp_path: Path) -> None:
    write(tmp_path / "blog", JEKYLL_SITE)
    write(
        tmp_path / "blog",
        {"_config.yml": "title: Blog\npermalink: pretty\ntimezone: Asia/Jakarta\n"},
    )

    assert import_paths(sqlite_db, [tmp_path / "blog"]).problems == []

    found = old_addresses(sqlite_db)
    # 20:53 at -07:00 is the next morning in Jakarta, where the site was built.
    assert found["A Wild Jekyll 2.4.0 Appeared!"] == "/release/2014/09/10/jekyll-2-4-0-released/"
    assert found["Timnas Menang"] == "/olahraga/bola/2023/06/01/timnas-menang/"

    (tmp_path / "blog/_config.yml").write_text("permalink: /:year/:title:output_ext\n", "utf-8")
    again = import_paths(sqlite_db, [tmp_path / "blog"])
    assert again.problems == []
    assert old_addresses(sqlite_db)["Rupiah Menguat"] == "/2023/rupiah-menguat.html"


def test_a_default_address_redirects_once_published_and_survives_an_export(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(tmp_path / "blog", JEKYLL_SITE)
    assert import_paths(sqlite_db, [tmp_path / "blog"]).problems == []
    settings = Settings(
        database_url="sqlite://", site_name="Kabar Kota", base_url="https://kabarkota.id"
    )

    out = tmp_path / "site"
    publish_site(sqlite_db, settings, out, cache_dir=tmp_path / "cache")

    page = out / "berita/ekonomi/2023/05/05/rupiah-menguat.html"
    assert b'http-equiv="refresh"' in page.read_bytes()
    nginx = (out / "redirects.nginx.conf").read_text()
    assert '"/berita/ekonomi/2023/05/05/rupiah-menguat.html" "/read/2023/05/' in nginx

    # The export writes it down, so another newsroom importing the export redirects too.
    first = tmp_path / "export1"
    export_markdown(sqlite_db, first)
    text = next(first.rglob("*rupiah-menguat*.md")).read_text("utf-8")
    assert "old_address: /berita/ekonomi/2023/05/05/rupiah-menguat.html" in text


def test_a_folder_named_content_above_the_import_is_no_hugo_site_without_its_settings(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "content/catatan/tulisan/a.md": "---\ntitle: A\ndate: 2023-01-01\n---\n",
            "situs/hugo.yaml": "permalinks:\n  posts: /:year/:filename/\n",
            "situs/content/posts/b.md": "---\ntitle: B\ndate: 2023-01-02\n---\n",
        },
    )

    report = import_paths(
        sqlite_db, [tmp_path / "content/catatan", tmp_path / "situs/content/posts"]
    )

    assert report.problems == []
    # Notes kept in a folder that happens to be called content: no address made up.
    # A Hugo section imported on its own still finds its site's settings.
    assert old_addresses(sqlite_db) == {"A": None, "B": "/2023/b/"}
