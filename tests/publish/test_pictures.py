"""Library pictures on the published site: renditions, markup, metadata, incremental."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from PIL import Image

from editor.config import Settings
from editor.database import Database
from editor.demo import load_demo
from editor.media.intake import check_picture
from editor.media.library import add_file, add_picture
from editor.media.tables import MediaBlob
from editor.publish.site import publish_site
from tests.media.pictures import jpeg, png, with_gps_and_orientation
from tests.publish.conftest import PublishFn
from tests.publish.newsroom import Newsroom
from tests.publish.test_demo_site import NOW as DEMO_NOW


def page_of(site: Path, record_url_part: str) -> lxml.html.HtmlElement:
    (found,) = [p for p in site.rglob("index.html") if record_url_part in p.as_posix()]
    return lxml.html.fromstring(found.read_bytes())


def site_file(site: Path, url: str) -> Path:
    return site / urlsplit(url).path.lstrip("/")


def test_every_picture_of_the_demo_site_has_alt_size_and_files(sqlite_db: Database, tmp_path: Path):
    load_demo(sqlite_db, now=DEMO_NOW)
    site = tmp_path / "site"
    settings = Settings(database_url=sqlite_db.url, base_url="https://berita.example.id")
    report = publish_site(sqlite_db, settings, site, now=DEMO_NOW, cache_dir=tmp_path / "c")
    # The library pictures the site shows: four photos and six desk illustrations.
    assert report.pictures_made == 10
    assert not [p for p in report.problems if "picture" in p.reason]
    images = 0
    for page_file in site.rglob("*.html"):
        page = lxml.html.fromstring(page_file.read_bytes())
        for img in page.iter("img"):
            images += 1
            assert img.get("alt"), page_file
            assert int(img.get("width")) > 0 and int(img.get("height")) > 0, page_file
            assert site_file(site, img.get("src")).is_file()
            for source in [img, *img.itersiblings("source"), *img.itersiblings(preceding=True)]:
                for candidate in (source.get("srcset") or "").split(","):
                    url, width = candidate.split()
                    file = site_file(site, url)
                    with Image.open(file) as shown:
                        assert f"{shown.width}w" == width
    assert images >= 4
    nato = page_of(site, "nato-akan-buka-kantor")
    og = nato.cssselect('meta[property="og:image"]')[0].get("content")
    with Image.open(site_file(site, og)) as large:
        assert large.width >= 1200 and large.format == "JPEG"
    lead = nato.cssselect("figure.lead-image img")[0]
    assert lead.get("loading") is None  # the first thing a reader sees loads at once
    # The publish's own cache stays outside what a web server serves.
    assert not list(site.rglob("*.part-*")) and not (site / "c").exists()


def test_renditions_drop_exif_and_apply_orientation(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    picture = check_picture(with_gps_and_orientation(1200, 800), "phone.jpg")
    add_picture(room.db, picture, alt_text="Banjir", actor_id=_sarah(room))
    room.edit(room.nato, lead_image=f"media:{picture.sha256}")
    publish()
    files = sorted((tmp_path / "site" / "media").rglob(f"{picture.sha256}-*"))
    assert {f.name.rsplit("-", 1)[1] for f in files} == {
        "320.jpg",
        "320.webp",
        "640.jpg",
        "640.webp",
        "800.jpg",
        "800.webp",
    }
    for file in files:
        with Image.open(file) as shown:
            assert shown.height > shown.width  # turned as the camera said
            exif = shown.getexif()
            assert not exif.get_ifd(0x8825) and 0xA431 not in exif and 0x0112 not in exif
            assert b"SERIAL-12345" not in file.read_bytes()


def test_unchanged_pictures_are_never_made_again(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    first = add_file(room.db, _write(tmp_path / "a.jpg", jpeg(900, 600)), actor_id=_sarah(room))
    room.edit(room.nato, lead_image=first.record.ref)
    assert publish().pictures_made == 1
    again = publish()
    assert again.pictures_made == 0
    assert not [p for p in again.written if p.startswith("media/")]
    second = add_file(
        room.db, _write(tmp_path / "b.png", png(500, 300, "RGBA")), actor_id=_sarah(room)
    )
    room.edit(room.others[0], body=f"Teks.\n\n![Grafik]({second.record.ref})\nKeterangan\n")
    third = publish()
    assert third.pictures_made == 1
    written = [p for p in third.written if p.startswith("media/")]
    assert written and all(second.record.sha256 in p for p in written)
    page = page_of(tmp_path / "site", room.others[0].slug)
    (body_img,) = page.cssselect("div.article-body figure.figure picture img")
    assert body_img.get("loading") == "lazy" and body_img.get("alt") == "Grafik"
    assert page.cssselect("div.article-body figure.figure figcaption")[0].text == "Keterangan"
    # A full publish rebuilds the site, never the cached renditions.
    assert publish(full=True).pictures_made == 0


def test_a_transparent_png_gets_a_white_jpeg_and_a_transparent_webp(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    added = add_file(
        room.db, _write(tmp_path / "logo.png", png(400, 300, "RGBA")), actor_id=_sarah(room)
    )
    room.edit(room.nato, lead_image=added.record.ref)
    publish()
    (jpg,) = (tmp_path / "site" / "media").rglob(f"{added.record.sha256}-400.jpg")
    (webp,) = (tmp_path / "site" / "media").rglob(f"{added.record.sha256}-400.webp")
    with Image.open(jpg) as flat, Image.open(webp) as clear:
        assert flat.mode == "RGB" and clear.mode == "RGBA"


@pytest.mark.parametrize("loss", ["unknown", "no bytes"])
def test_a_picture_that_cannot_be_shown_is_reported_and_the_page_published(
    room: Newsroom, publish: PublishFn, tmp_path: Path, loss: str
):
    added = add_file(room.db, _write(tmp_path / "a.jpg", jpeg()), actor_id=_sarah(room))
    sha = added.record.sha256 if loss == "no bytes" else "ab" * 32
    if loss == "no bytes":
        with room.db.transaction() as session:
            session.delete(session.get(MediaBlob, sha))
    room.edit(room.nato, lead_image=f"media:{sha}", body=f"Teks.\n\n![Foto](media:{sha})\nKet\n")
    report = publish()
    why = "not in the media library" if loss == "unknown" else "has not reached this computer"
    messages = [p.reason for p in report.problems if sha[:12] in p.reason]
    assert len(messages) == 2 and all(why in m for m in messages)
    page = page_of(tmp_path / "site", "nato-akan-buka-kantor")
    assert not page.cssselect("img")
    assert page.cssselect("figure.lead-image figcaption")[0].text_content() == "NATO/Net"
    assert page.cssselect("div.article-body figcaption")[0].text_content() == "Ket"


def test_feeds_and_ninjs_get_one_absolute_jpeg(room: Newsroom, publish: PublishFn, tmp_path: Path):
    added = add_file(
        room.db, _write(tmp_path / "a.jpg", jpeg(700, 400)), alt_text="Peta", actor_id=_sarah(room)
    )
    room.edit(room.nato, body=f"Teks.\n\n![]({added.record.ref})\n")
    publish()
    rss = (tmp_path / "site" / "rss.xml").read_text()
    assert (
        f"https://warta.example.id/media/{added.record.sha256[:2]}/{added.record.sha256}-700.jpg"
        in rss
    )
    assert "media:" + added.record.sha256 not in rss
    assert "Peta" in rss  # the library's alt text where the body gave none
    (ninjs,) = [p for p in (tmp_path / "site").rglob("ninjs.json") if "nato" in p.as_posix()]
    text = ninjs.read_text()
    assert "media:" + added.record.sha256 not in text
    assert f"{added.record.sha256}-700.jpg" in text


def _sarah(room: Newsroom) -> uuid.UUID:
    return room.nato.bylines[0].id


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_renditions_drop_xmp_positions_and_text_chunks(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    """Editing programs copy the GPS position into XMP too, and PNG keeps text chunks
    (camera, owner, serial): none of it reaches the published files."""
    import io

    from PIL import PngImagePlugin

    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        b'02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        b'exif:GPSLatitude="6,12.5S" exif:GPSLongitude="106,49.2E"/></rdf:RDF></x:xmpmeta>'
    )
    photo = check_picture(jpeg(900, 600, xmp=xmp), "edited.jpg")
    assert b"GPSLatitude" in photo.data  # the library keeps the original as it came
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Kamera SERIAL-98765, pemilik Sarah")
    text.add_text("XML:com.adobe.xmp", xmp.decode())
    out = io.BytesIO()
    Image.new("RGB", (700, 500), (10, 120, 40)).save(out, "PNG", pnginfo=text)
    chart = check_picture(out.getvalue(), "grafik.png")
    for picture, article in ((photo, room.nato), (chart, room.others[0])):
        add_picture(room.db, picture, alt_text="Foto", actor_id=_sarah(room))
        room.edit(article, lead_image=f"media:{picture.sha256}")
    publish()
    files = [
        f
        for picture in (photo, chart)
        for f in (tmp_path / "site" / "media").rglob(f"{picture.sha256}-*")
    ]
    assert len(files) >= 8
    for file in files:
        data = file.read_bytes()
        assert b"GPSLatitude" not in data and b"SERIAL-98765" not in data, file.name
        assert b"xmpmeta" not in data, file.name
