"""The publisher reads the same site from SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from editor.database import Database
from editor.people import create_person
from editor.publish.site import publish_site
from editor.workflow.corrections import add_correction
from tests.publish.conftest import SETTINGS, site_files
from tests.publish.newsroom import NOW, build_newsroom


def test_publish_on_each_backend(db: Database, tmp_path: Path):
    room = build_newsroom(db, tmp_path / "media")
    report = publish_site(
        db, SETTINGS, tmp_path / "site", now=NOW, media_dir=room.media, cache_dir=tmp_path / "c"
    )
    assert report.problems == []
    files = site_files(tmp_path / "site")
    pages = [p for p in files if p.startswith("read/") and p.endswith("/index.html")]
    assert len(pages) == 1 + len(room.others)
    nato = next(files[p] for p in pages if room.nato.id.hex[:8] in p)
    assert b"KAMIS, 04 MEI 2023 | 07:56 WIB | LAPORAN: SARAH MEILIANA GUNAWAN" in nato
    assert b'href="/tag/jepang/">Jepang' in nato
    assert b"Berita nasional nomor 1" in files["populer/index.html"]


def test_a_correction_is_published_on_each_backend(db: Database, tmp_path: Path):
    room = build_newsroom(db, tmp_path / "media", extra=1)
    editor = create_person(db, "Redaktur Pelaksana", role="editor")
    add_correction(db, room.nato.id, actor_id=editor.id, note="Judul diperbaiki.", now=NOW)
    publish_site(db, SETTINGS, tmp_path / "site", now=NOW, cache_dir=tmp_path / "c")
    files = site_files(tmp_path / "site")
    (nato,) = [p for p in files if room.nato.id.hex[:8] in p and p.endswith("index.html")]
    assert b'<aside class="corrections"' in files[nato]
    assert b"Judul diperbaiki." in files[nato] and b"Judul diperbaiki." in files["rss.xml"]
    (other,) = [p for p in files if room.others[0].id.hex[:8] in p and p.endswith(".html")]
    assert b'class="corrections"' not in files[other]
