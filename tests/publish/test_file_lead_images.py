"""A lead image given as a path in the media folder (from before the media library): the
page gets its width and height from the file, and a file that is not a picture a page
can show is left out and reported, as the library refuses it."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from editor.articles import create_article
from editor.records import ArticleDraft
from tests.media.pictures import bomb, with_gps_and_orientation
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import NATO_SIZE, NOW, Newsroom


def _lead(files: dict[str, bytes], slug: str) -> list[lxml.html.HtmlElement]:
    (path,) = [p for p in files if slug in p and p.endswith("index.html")]
    return lxml.html.fromstring(files[path]).cssselect("figure.lead-image img")


def _story(room: Newsroom, headline: str, image: str) -> None:
    create_article(
        room.db,
        ArticleDraft(
            headline=headline,
            body="Isi.\n",
            status="published",
            published_at=NOW,
            lead_image=image,
            lead_image_caption="Keterangan foto",
        ),
    )


def test_the_page_gives_a_file_lead_image_its_size(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    (room.media / "2023" / "ponsel.jpg").write_bytes(with_gps_and_orientation(640, 480))
    _story(room, "Foto dari ponsel", "2023/ponsel.jpg")
    report = publish()
    assert not report.problems
    files = site_files(tmp_path / "site")
    (img,) = _lead(files, "hadapi-ancaman")
    assert img.get("src") == "/media/2023/nato.jpg"
    assert (img.get("width"), img.get("height")) == tuple(str(n) for n in NATO_SIZE)
    assert img.get("alt") == "NATO"  # the caption: a file has no description of its own
    # The phone turned the camera a quarter: the page shows it upright, 480 wide.
    (turned,) = _lead(files, "foto-dari-ponsel")
    assert (turned.get("width"), turned.get("height")) == ("480", "640")


def test_a_file_that_is_no_picture_is_left_out_and_reported(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    (room.media / "2023" / "halaman.jpg").write_text("<html><script>alert(1)</script></html>")
    (room.media / "2023" / "bom.png").write_bytes(bomb())
    (room.media / "2023" / "putus.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (room.media / "2023" / "besar.png").write_bytes(bomb(9000, 9000))
    _story(room, "Halaman menyamar", "2023/halaman.jpg")
    _story(room, "Bom piksel", "2023/bom.png")
    _story(room, "Berkas terpotong", "2023/putus.jpg")
    _story(room, "Terlalu besar", "2023/besar.png")
    report = publish()
    reasons = sorted(p.reason for p in report.problems)
    assert len(reasons) == 4, reasons
    assert "'2023/besar.png' is 9000 x 9000 pixels; a picture can have at most 70" in reasons[0]
    assert "'2023/bom.png' declares more pixels than a picture can have" in reasons[1]
    assert "'2023/halaman.jpg' is not a picture a site can show" in reasons[2]
    assert "'2023/putus.jpg' is damaged" in reasons[3]
    assert all(r.endswith("it was left out.") for r in reasons)
    files = site_files(tmp_path / "site")
    for slug in ("halaman-menyamar", "bom-piksel", "berkas-terpotong", "terlalu-besar"):
        assert not _lead(files, slug), slug  # published, without the picture
    assert not [p for p in files if p.startswith("media/2023/") and "nato" not in p]
