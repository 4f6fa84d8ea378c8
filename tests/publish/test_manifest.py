"""The publish manifest keeps every path and entry through a write and a read."""

from __future__ import annotations

from pathlib import Path

from editor.publish.manifest import (
    Manifest,
    manifest_path,
    mark_pending,
    parse_manifest,
    pending_path,
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
    write_manifest(tmp_path / "a", Manifest(dict(files)))
    again = read_manifest(tmp_path / "a")
    assert again is not None
    assert again.files == files


def test_old_json_manifest_is_not_trusted(tmp_path: Path) -> None:
    manifest_path(tmp_path / "a").write_text('{"format":1,"files":{}}\n', encoding="utf-8")
    assert read_manifest(tmp_path / "a") is None


def test_a_manifest_behind_a_link_is_not_read_nor_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(Manifest({"index.html": ("a", "b")}).to_text(), encoding="utf-8")
    manifest_path(tmp_path / "a").symlink_to(elsewhere)
    assert read_manifest(tmp_path / "a") is None
    write_manifest(tmp_path / "a", Manifest({"rss.xml": ("c", "d")}))
    assert "index.html" in elsewhere.read_text(encoding="utf-8")  # untouched
    assert not manifest_path(tmp_path / "a").is_symlink()


def test_damaged_lines_are_dropped_not_misread() -> None:
    text = Manifest({"index.html": ("a", "b"), "rss.xml": ("c", "d")}).to_text()
    damaged = text.replace("c d rss.xml", "cd")
    manifest = parse_manifest(damaged)
    assert manifest is not None
    assert manifest.files == {"index.html": ("a", "b")}


def test_a_quoted_first_path_survives(tmp_path: Path) -> None:
    files = {'"first".jpg': ("a", "b")}
    write_manifest(tmp_path / "a", Manifest(dict(files)))
    again = read_manifest(tmp_path / "a")
    assert again is not None and again.files == files


def test_pending_paths_are_not_trusted_until_the_next_manifest(tmp_path: Path) -> None:
    files = {"index.html": ("a", "b"), "rss.xml": ("c", "d"), "atom.xml": ("e", "f")}
    write_manifest(tmp_path / "a", Manifest(dict(files)))
    mark_pending(tmp_path / "a", ["rss.xml"])
    mark_pending(tmp_path / "a", ["atom.xml"])  # a second stopped publish adds to the list
    stopped = read_manifest(tmp_path / "a")
    assert stopped is not None and stopped.files == {"index.html": ("a", "b")}
    write_manifest(tmp_path / "a", Manifest(dict(files)))
    finished = read_manifest(tmp_path / "a")
    assert finished is not None and finished.files == files


def test_an_unreadable_pending_list_trusts_nothing(tmp_path: Path) -> None:
    write_manifest(tmp_path / "a", Manifest({"index.html": ("a", "b")}))
    pending_path(tmp_path / "a").write_text("garbage\n", encoding="utf-8")
    assert read_manifest(tmp_path / "a") is None
