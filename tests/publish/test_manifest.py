"""The publish manifest keeps every path and entry through a write and a read."""

from __future__ import annotations

from pathlib import Path

from editor.publish.manifest import (
    LEGACY_NAME,
    MANIFEST_NAME,
    PENDING_NAME,
    Manifest,
    mark_pending,
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


def test_pending_paths_are_not_trusted_until_the_next_manifest(tmp_path: Path) -> None:
    files = {"index.html": ("a", "b"), "rss.xml": ("c", "d"), "atom.xml": ("e", "f")}
    write_manifest(tmp_path, Manifest(dict(files)))
    mark_pending(tmp_path, ["rss.xml"])
    mark_pending(tmp_path, ["atom.xml"])  # a second stopped publish adds to the list
    stopped = read_manifest(tmp_path)
    assert stopped is not None and stopped.files == {"index.html": ("a", "b")}
    write_manifest(tmp_path, Manifest(dict(files)))
    finished = read_manifest(tmp_path)
    assert finished is not None and finished.files == files


def test_an_unreadable_pending_list_trusts_nothing(tmp_path: Path) -> None:
    write_manifest(tmp_path, Manifest({"index.html": ("a", "b")}))
    (tmp_path / PENDING_NAME).write_text("garbage\n", encoding="utf-8")
    assert read_manifest(tmp_path) is None
