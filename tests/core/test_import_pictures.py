"""Pictures beside a page bundle's index.md, and in a site's static folder, come into the
media library with the caption and credit the file gives; what is not there, not a
picture or outside the imported folder keeps its address and is named."""

from __future__ import annotations

from pathlib import Path

from editor.articles import get_article
from editor.database import Database
from editor.importer import import_paths
from editor.media.library import get_media, search_media
from editor.media.refs import parse_media_ref
from tests.media.pictures import jpeg, png

BUNDLE = """\
---
title: Banjir Rob di Pesisir Utara
date: 2024-01-10T08:00:00+07:00
image: sampul.jpg
caption: Warga melintasi banjir rob di Muara Angke.
credit: ANTARA/Aditya Pradana
---

Air laut pasang merendam permukiman.

![Peta wilayah terdampak](peta.png)
Peta BPBD DKI.

![Logo](/images/logo.png)

![Hilang](tidak-ada.jpg)

![Bukan gambar](catatan.jpg)

![Di luar](../../../../rahasia.jpg)

![Situs lain](https://example.com/foto.jpg)
"""


def test_bundle_pictures_come_into_the_media_library(sqlite_db: Database, tmp_path: Path) -> None:
    site = tmp_path / "situs"
    bundle = site / "content/berita/banjir-rob"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(BUNDLE, "utf-8")
    (bundle / "sampul.jpg").write_bytes(jpeg())
    (bundle / "peta.png").write_bytes(png())
    (bundle / "catatan.jpg").write_text("bukan gambar")
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/logo.png").write_bytes(png(64, 64))
    (tmp_path / "rahasia.jpg").write_bytes(jpeg())  # outside the imported folder

    report = import_paths(sqlite_db, [site / "content"])

    assert report.problems == []
    (imported,) = report.created
    article = get_article(sqlite_db, imported.article_id)
    lead = get_media(sqlite_db, article.lead_image)
    assert lead is not None and (lead.caption, lead.credit) == (
        "Warga melintasi banjir rob di Muara Angke.",
        "ANTARA/Aditya Pradana",
    )
    refs = [line for line in article.body.splitlines() if line.startswith("![")]
    assert refs[0].startswith("![Peta wilayah terdampak](media:")
    assert refs[1].startswith("![Logo](media:")
    assert refs[2:] == [
        "![Hilang](tidak-ada.jpg)",
        "![Bukan gambar](catatan.jpg)",
        "![Di luar](../../../../rahasia.jpg)",
        "![Situs lain](https://example.com/foto.jpg)",
    ]
    peta = get_media(sqlite_db, refs[0].split("(", 1)[1].rstrip(")"))
    assert peta is not None and peta.alt_text == "Peta wilayah terdampak"
    assert len(search_media(sqlite_db)) == 3
    said = imported.remarks
    assert "3 pictures brought into the media library" in said
    assert "picture tidak-ada.jpg not found beside the file" in said
    assert "picture ../../../../rahasia.jpg not found beside the file" in said
    assert any(r.startswith("picture catatan.jpg kept at its address:") for r in said)
    assert parse_media_ref(article.lead_image) == lead.sha256

    # The same files again: nothing changes, nothing is added twice.
    again = import_paths(sqlite_db, [site / "content"])
    assert len(again.unchanged) == 1 and len(search_media(sqlite_db)) == 3
