"""What a publish keeps for itself is private, and retracted text leaves it."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from editor.publish.atomic import home_for, private_for
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import Newsroom

#: Words only the NATO article's body has.
PHRASE = b"kantor penghubung di Jepang"


def _every_byte_kept(tmp_path: Path) -> bytes:
    """Everything the publish keeps on disk: the trees, the private folder, the cache."""
    home = home_for(tmp_path / "site")
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


def _private_bytes(tmp_path: Path) -> bytes:
    private = private_for(tmp_path / "site")
    return b"".join(p.read_bytes() for p in sorted(private.rglob("*")) if p.is_file())


def test_a_killed_articles_body_leaves_every_cache(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    publish(cache_dir=None)
    publish(cache_dir=None)  # both trees and the cache hold it
    assert PHRASE in _private_bytes(tmp_path)
    room.edit(room.nato, status="killed")
    publish(cache_dir=None)
    assert PHRASE not in _every_byte_kept(tmp_path)


def test_a_sentence_edited_out_leaves_the_cache(room: Newsroom, publish: PublishFn, tmp_path: Path):
    publish(cache_dir=None)
    assert PHRASE in _private_bytes(tmp_path)
    room.edit(room.nato, body="Pakta Pertahanan Atlantik Utara menunda rencananya.\n")
    publish(cache_dir=None)
    assert PHRASE not in _every_byte_kept(tmp_path)


def test_nothing_private_is_served_and_the_private_folder_is_closed(
    publish: PublishFn, tmp_path: Path
):
    publish(cache_dir=None)
    publish(cache_dir=None)
    home = home_for(tmp_path / "site")
    for tree in ("a", "b"):
        served = site_files(home / tree)
        assert not [p for p in served if p.rsplit("/", 1)[-1].startswith(".")]
        assert "index.html" in served
    private = private_for(tmp_path / "site")
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    kept = [p for p in private.rglob("*") if p.is_file()]
    assert {p.name for p in kept} >= {"lock", "a.manifest", "b.manifest", "bodies.sqlite"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)
    assert stat.S_IMODE((private / "cache").stat().st_mode) == 0o700


def test_state_an_earlier_version_left_in_the_open_is_moved_or_removed(
    publish: PublishFn, tmp_path: Path
):
    out = tmp_path / "site"
    publish(cache_dir=None)
    publish(cache_dir=None)
    home, private = home_for(out), private_for(out)
    # The earlier layout: manifests inside the trees, lock and open cache beside them.
    for tree in ("a", "b"):
        (private / f"{tree}.manifest").rename(home / tree / ".redaksi-publish.manifest")
    (private / "lock").rename(home / ".lock")
    (private / "cache" / "bodies.sqlite").unlink()
    old_cache = sqlite3.connect(_old_cache(home))
    old_cache.execute("CREATE TABLE bodies (key TEXT PRIMARY KEY, html TEXT NOT NULL)")
    old_cache.execute("INSERT INTO bodies VALUES ('k', '<p>Berita yang sudah dicabut</p>')")
    old_cache.commit()
    old_cache.close()
    report = publish(cache_dir=None)
    assert report.written == [] and report.reused > 0  # still incremental: the manifests moved
    assert not (home / "cache").exists()
    assert not (home / ".lock").exists()
    for tree in ("a", "b"):
        assert not (home / tree / ".redaksi-publish.manifest").exists()
        assert (private / f"{tree}.manifest").is_file()
    assert b"sudah dicabut" not in _every_byte_kept(tmp_path)


def _old_cache(home: Path) -> Path:
    (home / "cache").mkdir(mode=0o755)
    path = home / "cache" / "bodies.sqlite"
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o644))
    return path
