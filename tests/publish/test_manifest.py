"""The publish manifest keeps every path and entry through a write and a read."""

from __future__ import annotations

from pathlib import Path

from editor.publish.manifest import (
    LEGACY_NAME,
    MANIFEST_NAME,
    Manifest,
    parse_manifest,
    read_manifest,
    write_manifest,
)


def test_round_trip_keeps_odd_paths(tmp_path: Path) -> None:
    files = {
        "index.html": ("a" * 32, "b" * 32),
        "media/with space/foto 1.jpg": ("c" * 32, "d" * 32),
        "media/line\nbreak.jpg": ("e" * 32, "f" * 32),
        '"quoted".jpg': ("1" * 32, "2" * 32),
        "media/tab\there.jpg": ("3" * 32, "4" * 32),
    }
    write_manifest(tmp_path, Manifest(dict(files)))
    again = read_manifest(tmp_path)
    assert again is not None
    assert again.files == files


def test_old_json_manifest_is_not_trusted_and_is_removed(tmp_path: Path) -> None:
    (tmp_path / LEGACY_NAME).write_text('{"format":1,"files":{}}\n', encoding="utf-8")
    (tmp_path / MANIFEST_NAME).write_text('{"format":1,"files":{}}\n', encoding="utf-8")
    assert read_manifest(tmp_path) is None
    write_manifest(tmp_path, Manifest({"index.html": ("a", "b")}))
    assert not (tmp_path / LEGACY_NAME).exists()


def test_damaged_lines_are_dropped_not_misread() -> None:
    text = Manifest({"index.html": ("a", "b"), "rss.xml": ("c", "d")}).to_text()
    damaged = text.replace("c d rss.xml", "cd")
    manifest = parse_manifest(damaged)
    assert manifest is not None
    assert manifest.files == {"index.html": ("a", "b")}


def test_a_quoted_first_path_survives(tmp_path: Path) -> None:
    files = {'"first".jpg': ("a", "b")}
    write_manifest(tmp_path, Manifest(dict(files)))
    again = read_manifest(tmp_path)
    assert again is not None and again.files == files
