"""Old addresses of imported articles (Hugo aliases, Jekyll redirect_from and permalink, a
WordPress post's link) get a redirect page on the published site, and a map for nginx and
Apache; addresses that are not plain paths or that the site uses are reported, never
written. Translations of one page link to each other."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import html5lib
import pytest
from sqlalchemy import select

from editor.config import Settings
from editor.database import Database
from editor.importer import import_paths
from editor.models import Person
from editor.people import create_person
from editor.publish import site as site_module
from editor.publish.site import publish_site
from editor.wordpress.importer import import_wordpress

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
SETTINGS = Settings(
    database_url="sqlite://", site_name="Kabar Kota", base_url="https://kabarkota.id"
)
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)

JEKYLL = """\
---
title: Jadwal Kereta Lebaran
date: 2024-03-01 08:00:00 +0700
permalink: /jadwal/kereta-lebaran.html
redirect_from:
  - /kereta/
  - /mudik/2024/kereta
  - /../../etc/passwd
  - /read/
  - /rss.xml/lama
  - /cari?q=kereta
---
Jadwal kereta tambahan.
"""
CLASH = """\
---
title: Jadwal Bus Lebaran
date: 2024-03-02 08:00:00 +0700
aliases: [/kereta/, "https://kabarkota.id/bus/lebaran/"]
---
Jadwal bus.
"""


@pytest.fixture
def imported(sqlite_db: Database, tmp_path: Path) -> Database:
    admin = create_person(sqlite_db, "Admin Kabar", role="admin")
    site = tmp_path / "sources"
    shutil.copytree(FIXTURES, site)
    (site / "jekyll/_posts/2024-03-01-kereta.md").write_text(JEKYLL, "utf-8")
    (site / "jekyll/_posts/2024-03-02-bus.md").write_text(CLASH, "utf-8")
    assert (
        import_paths(sqlite_db, [site / "hugo", site / "jekyll"], actor_id=admin.id).problems == []
    )
    report = import_wordpress(sqlite_db, site / "wordpress/kabar.xml", actor_id=admin.id)
    assert report.problems == []
    return sqlite_db


def target_of(page: bytes) -> tuple[str, str]:
    """(meta refresh target, canonical) of a redirect page, read by an HTML5 parser."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    refresh = tree.find(".//meta[@http-equiv='refresh']").get("content")
    canonical = tree.find(".//link[@rel='canonical']").get("href")
    assert refresh.startswith("0; url=")
    return refresh.removeprefix("0; url="), canonical


def test_every_old_address_redirects_and_the_server_maps_list_them(
    imported: Database, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    report = publish_site(imported, SETTINGS, out, now=NOW, cache_dir=tmp_path / "cache")

    pages = {
        path.relative_to(out).as_posix(): target_of(path.read_bytes())
        for path in out.rglob("*.html")
        if b'http-equiv="refresh"' in path.read_bytes()
    }
    article = {target for target, _canonical in pages.values()}
    assert all(
        re.fullmatch(r"https://kabarkota\.id/read/\d{4}/\d\d/\d\d/[\w-]+/[\w-]+/", t)
        for t in article
    )
    assert all(target == canonical for target, canonical in pages.values())
    assert sorted(pages) == [
        "2023/05/04/harga-bbm-naik/index.html",  # the WordPress post's link
        "2023/05/04/nato-jepang/index.html",  # Hugo aliases
        "2024/03/02/bus.html",  # Jekyll's default address (aliases is not Jekyll's)
        # Hugo's default address: the bundle's folders, its slug in place of its name.
        "berita/dunia/nato-buka-kantor-di-jepang/index.html",
        # Jekyll's default address: /:categories/:year/:month/:day/:title.html.
        "berita/ekonomi/2023/05/05/rupiah-menguat.html",
        "bus/lebaran/index.html",  # a full address counts by its path
        "jadwal/kereta-lebaran.html",  # Jekyll permalink
        "kereta/index.html",  # redirect_from; the older article had it first
        "mudik/2024/kereta/index.html",
    ]
    assert pages["kereta/index.html"][0] == pages["jadwal/kereta-lebaran.html"][0]
    assert pages["bus/lebaran/index.html"][0] != pages["kereta/index.html"][0]
    assert report.redirects == 9
    assert not (out / "etc").exists() and not (tmp_path / "etc").exists()

    reasons = sorted(p.reason for p in report.problems if "old address" in p.reason)
    assert reasons == [
        "old address '/../../etc/passwd' is not a plain path; no redirect made",
        "old address '/cari?q=kereta' is not a plain path; no redirect made",
        "old address /kereta/ is another article's old address "
        + f"({pages_url(pages, 'kereta/index.html')}); no redirect made",
        "old address /read/ is a page of this site; no redirect made",
        "old address /rss.xml/lama is a page of this site; no redirect made",
    ]

    nginx = (out / "redirects.nginx.conf").read_text()
    assert "map $uri $redaksi_redirect {" in nginx
    new = pages["kereta/index.html"][0].removeprefix("https://kabarkota.id")
    assert f'    "/kereta/" "{new}";\n    "/kereta/index.html" "{new}";\n' in nginx
    apache = (out / "redirects.apache.conf").read_text()
    assert f'RedirectMatch 301 "^/kereta(?:/|/index\\.html)?$" "{new}"' in apache
    assert f'RedirectMatch 301 "^/jadwal/kereta\\-lebaran\\.html$" "{new}"' in apache
    assert any("9 old addresses redirect" in line for line in report.lines())

    # Nothing changed: the next publish rewrites none of them.
    again = publish_site(imported, SETTINGS, out, now=NOW, cache_dir=tmp_path / "cache")
    assert not [p for p in again.written if "kereta" in p or p.startswith("redirects.")]


def pages_url(pages: dict[str, tuple[str, str]], file: str) -> str:
    return pages[file][0].removeprefix("https://kabarkota.id")


def test_translations_of_a_page_link_to_each_other(sqlite_db: Database, tmp_path: Path) -> None:
    site = tmp_path / "multi"
    for name, text in {
        "content/id/berita/pemilu.md": "---\ntitle: Pemilu 2024\ndate: 2024-02-14\n---\nIsi.\n",
        "content/en/berita/pemilu.md": "---\ntitle: The 2024 Election\ndate: 2024-02-15\n---\n",
        "content/id/berita/sendiri.md": "---\ntitle: Hanya Satu\ndate: 2024-02-16\n---\nIsi.\n",
        "content/en/tentang.md": (
            "---\ntitle: About\ndate: 2024-01-01\ntranslationKey: tentang\n---\nText.\n"
        ),
        "content/id/profil-redaksi.md": (
            "---\ntitle: Tentang Kami\ndate: 2024-01-01\ntranslationKey: tentang\n---\nIsi.\n"
        ),
    }.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, "utf-8")
    assert import_paths(sqlite_db, [site]).problems == []
    out = tmp_path / "out"
    publish_site(sqlite_db, SETTINGS, out, now=NOW, cache_dir=tmp_path / "cache")

    def page(headline: str) -> tuple[str, list[tuple[str, str]], list[str]]:
        for path in out.glob("read/*/*/*/*/*/index.html"):
            tree = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
            if tree.find(".//h1").text == headline:
                links = [
                    (link.get("hreflang"), link.get("href"))
                    for link in tree.iterfind(".//link[@hreflang]")
                ]
                shown = [a.text for a in tree.iterfind(".//p[@class='translations']/a")]
                url = "https://kabarkota.id/" + path.parent.relative_to(out).as_posix() + "/"
                return url, links, shown
        raise AssertionError(headline)

    pemilu_id, links_id, shown_id = page("Pemilu 2024")
    pemilu_en, links_en, shown_en = page("The 2024 Election")
    assert links_id == [("id", pemilu_id), ("en", pemilu_en)] and shown_id == ["English"]
    assert links_en == [("en", pemilu_en), ("id", pemilu_id)]
    assert shown_en == ["Bahasa Indonesia"]
    about = page("About")[0]
    assert page("Tentang Kami")[1][1] == ("en", about)  # linked by translationKey
    assert page("Hanya Satu")[1:] == ([], [])  # no translation: no links


def test_an_incremental_publish_adds_and_removes_redirects_as_a_full_one_does(
    imported: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    before = publish_site(imported, SETTINGS, out, full=True, now=NOW, cache_dir=cache).redirects
    publish_site(imported, SETTINGS, out, now=NOW, cache_dir=cache)
    planned_all: list[bool] = []
    real_load = site_module.load_site
    monkeypatch.setattr(
        site_module, "load_site", lambda *a, **k: planned_all.append(True) or real_load(*a, **k)
    )
    post = tmp_path / "sources/jekyll/_posts/2024-03-01-kereta.md"
    with imported.transaction() as session:
        admin = session.scalars(select(Person.id).where(Person.name == "Admin Kabar")).one()
    # Edited at the source: a line added, and an old address.
    added = JEKYLL.replace("  - /kereta/\n", "  - /kereta/\n  - /arsip/kereta/\n")
    post.write_text(added + "Jadwal diperbarui.\n")
    assert import_paths(imported, [post], actor_id=admin).problems == []

    report = publish_site(imported, SETTINGS, out, now=NOW, cache_dir=cache)
    target, canonical = target_of((out / "arsip/kereta/index.html").read_bytes())
    assert target == canonical == target_of((out / "kereta/index.html").read_bytes())[0]
    assert '"/arsip/kereta/"' in (out / "redirects.nginx.conf").read_text()
    assert report.redirects == before + 1

    post.write_text(JEKYLL.replace("  - /mudik/2024/kereta\n", "") + "Jadwal diperbarui lagi.\n")
    assert import_paths(imported, [post], actor_id=admin).problems == []
    report = publish_site(imported, SETTINGS, out, now=NOW, cache_dir=cache)
    assert not (out / "arsip").exists() and not (out / "mudik").exists()
    assert "/mudik/" not in (out / "redirects.nginx.conf").read_text()
    assert report.redirects == before - 1 and "mudik/2024/kereta/index.html" in report.removed
    assert planned_all == []  # both worked out from the changed article alone
    monkeypatch.undo()
    full = tmp_path / "full"
    publish_site(imported, SETTINGS, full, full=True, now=NOW, cache_dir=cache)
    assert sorted(p.relative_to(full) for p in full.rglob("*") if p.is_file()) == sorted(
        p.relative_to(out) for p in out.rglob("*") if p.is_file()
    )
