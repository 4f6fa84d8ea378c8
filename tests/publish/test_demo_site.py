"""Publishing the demo newsroom reproduces the house-style sample article, and every page
of the demo site passes the HTML checkers.

The anatomy is described in docs/architecture.md §3. The demo is loaded and published
once for the module: the tests only read the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import html5lib
import lxml.html
import pytest

from editor.articles import create_article
from editor.config import Settings
from editor.database import Database, open_database
from editor.demo import load_demo
from editor.media.intake import check_picture
from editor.media.library import add_picture
from editor.publish.site import publish_site
from editor.records import ArticleDraft
from tests.media.pictures import jpeg
from tests.publish.sitemap_schemas import sitemap_errors
from tests.publish.vnu import check_pages

#: The sample page's sidebar shows UPDATE up to 17 January 2026, 03:36 WIB.
NOW = datetime(2026, 1, 17, 0, 0, tzinfo=UTC)


def _publish(db: Database, site: Path, **options: object) -> None:
    settings = Settings(database_url=db.url)
    publish_site(db, settings, site, now=NOW, cache_dir=site.parent / "cache", **options)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("demo")
    db = open_database(f"sqlite:///{folder / 'newsroom.db'}")
    try:
        load_demo(db, now=NOW)
        _publish(db, folder / "site")
    finally:
        db.close()
    yield (folder / "site").resolve()


def test_demo_article_page_has_the_sample_anatomy(demo_site: Path):
    (page_file,) = (demo_site / "read/2023/05/04").glob(
        "*/hadapi-ancaman-china-dan-rusia-nato-akan-buka-kantor-di-jepang/index.html"
    )
    page = lxml.html.fromstring(page_file.read_bytes())
    assert [a.text_content() for a in page.cssselect("nav.breadcrumb a")] == ["Berita", "Dunia"]
    caption = page.cssselect("figure.lead-image figcaption")[0].text_content()
    assert caption == "Ilustrasi: mawar kompas, lambang NATO/Redaksi"
    (picture,) = page.cssselect("figure.lead-image picture img")
    assert picture.get("alt").startswith("Mawar kompas")
    assert (picture.get("width"), picture.get("height")) == ("1600", "900")
    assert page.cssselect("h1.headline")[0].text_content() == (
        "Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang"
    )
    assert page.cssselect("p.dateline")[0].text_content() == (
        "KAMIS, 04 MEI 2023 | 07:56 WIB | LAPORAN: SARAH MEILIANA GUNAWAN"
    )
    paragraphs = [p.text_content() for p in page.cssselect("div.article-body p")]
    assert paragraphs[0].startswith("Pakta Pertahanan Atlantik Utara (NATO) berencana")
    assert paragraphs[-1].startswith("Jepang dan NATO berusaha")
    headings = [h.text_content() for h in page.cssselect("aside.sidebar h2")]
    assert headings == ["Populer", "UPDATE"]
    update = page.cssselect("section.rank-update li")
    assert update[0].cssselect("a")[0].text_content() == (
        "Tembok Pertahanan Persib Kunci Sukses Juara Paruh Musim"
    )
    assert update[0].cssselect("time")[0].text_content() == "Sabtu, 17 Januari 2026 | 03:36"
    assert len(update) == 10
    assert [a.text_content() for a in page.cssselect("p.more a")] == ["Selengkapnya"] * 2


def test_demo_populer_follows_page_views(demo_site: Path):
    # The demo seeds page views over the day before loading, most for the sample's first.
    home = lxml.html.fromstring((demo_site / "index.html").read_bytes())
    popular = home.cssselect("section.rank-populer li")
    assert popular[0].cssselect("a")[0].text_content() == "Kolaborasi dengan Turki"
    assert popular[0].cssselect("time")[0].text_content() == "Minggu, 11 Januari 2026 | 04:59"


def test_every_page_of_the_demo_site_is_strict_html5_with_whole_pictures(
    demo_site: Path,
):
    """The demo site as a whole-site checker sees it: every .html file a full HTML5
    document without a parse error, and every picture described, sized and present."""
    site = demo_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    pictures = 0
    for path in pages:
        data = path.read_bytes()
        assert data.startswith(b"<!DOCTYPE html>"), path
        try:
            html5lib.HTMLParser(strict=True).parse(data)
        except html5lib.html5parser.ParseError as error:  # pragma: no cover - names the page
            raise AssertionError(f"{path.relative_to(site)}: {error}") from None
        for img in lxml.html.fromstring(data).iter("img"):
            pictures += 1
            where = f"{path.relative_to(site)}: {img.get('src')}"
            assert img.get("alt"), where
            assert int(img.get("width")) > 0 and int(img.get("height")) > 0, where
            for candidate in [img.get("src"), *(img.get("srcset") or "").split(",")]:
                url = candidate.strip().split(" ")[0]
                if url:
                    assert (site / url.lstrip("/")).is_file(), where
    assert pictures > 0


#: Every block a reporter can write, and raw HTML the sanitiser has to tidy: the demo's
#: bodies are plain paragraphs, so the checker sees the rest here.
EVERY_BLOCK = """Paragraf dengan catatan kaki[^data] dan kode `x < y`, baris\x0blunak\x7f.

## Subjudul

# Judul yang diturunkan

![Gedung redaksi dari seberang jalan](media:{sha})
Gedung redaksi pada pagi hari.
Foto: Redaksi

![Peta lokasi](https://example.org/peta.jpg)

Teks dengan gambar ![ikon](https://example.org/ikon.png) di tengah.

> [!kutipan] Kantor penghubung akan memungkinkan diskusi.
> — Jens Stoltenberg

> Kutipan biasa.

Baca juga: [Berita lain](/read/2023/05/04/9f2c/berita-lain/), [Luar](https://example.org/x)

https://www.youtube.com/watch?v=dQw4w9WgXcQ

https://x.com/jensstoltenberg/status/1653962158335647745

| Kolom | Angka |
|:------|------:|
| a     | 1     |

1. satu
2. dua
    - dua a

```python
print("<b>")
```

<div style="color:red" onclick="x()">HTML mentah <script>alert(1)</script></div>

<a href="javascript:alert(1)">tautan jahat</a>, <a name="jangkar">jangkar</a>,
<img src="https://example.org/tanpa-alt.png"> dan <img src="x.png" alt="">.

Garis<br>baru

***

[^data]: Data Kemenkeu 2023.
"""
#: A page with one error the checker must find, so a checker that finds nothing fails.
PLANTED = (
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Uji</title></head>'
    '<body><p><a rel="noopener">tanpa alamat</a></p></body></html>'
)


def test_the_nu_html_checker_finds_no_error_on_any_page(
    demo_site: Path, sqlite_db: Database, tmp_path: Path
):
    """One run of the W3C's checker over the demo site, a site whose articles use every
    block and a lead image file from before the media library, and a planted bad page
    (which must be the only one with an error)."""
    picture = add_picture(
        sqlite_db, check_picture(jpeg(1200, 800), "gedung.jpg"), alt_text="Gedung redaksi"
    )
    create_article(
        sqlite_db,
        ArticleDraft(
            # A word processor's soft return and a non-character: no page may carry them.
            headline='Semua blok <dan> "tanda"\x0bdari pengolah kata\ufffe',
            body=EVERY_BLOCK.format(sha=picture.record.sha256),
            lead='Ringkas & "jelas".',
            status="published",
            published_at=NOW - timedelta(hours=1),
            tags=("Tag Satu", "tag/dua"),
        ),
    )
    media = tmp_path / "media"
    media.mkdir()
    (media / "lama.jpg").write_bytes(jpeg(640, 360))
    create_article(
        sqlite_db,
        ArticleDraft(
            headline="Foto dari sebelum perpustakaan",
            body="Isi.\n",
            status="published",
            published_at=NOW - timedelta(hours=2),
            lead_image="lama.jpg",
            lead_image_caption="Foto lama",
        ),
    )
    blocks = tmp_path / "blocks"
    _publish(sqlite_db, blocks / "site", media_dir=media)
    assert (blocks / "site/media/lama.jpg").is_file()
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / "index.html").write_text(PLANTED)

    findings = check_pages(demo_site, blocks / "site", planted)

    assert [f.path for f in findings] == [(planted / "index.html").resolve()], "\n".join(
        map(str, findings)
    )
    assert "href" in findings[0].message


def test_every_sitemap_of_the_demo_site_follows_the_sitemaps_org_schemas(demo_site: Path):
    names = sorted(p.name for p in demo_site.glob("*sitemap*.xml"))
    assert names == ["news-sitemap.xml", "sitemap.xml"]
    for name in names:
        data = (demo_site / name).read_bytes()
        assert not sitemap_errors(data), (name, sitemap_errors(data))
