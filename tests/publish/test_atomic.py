"""A cancelled or failed publish leaves the previous site exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.publish import plan
from editor.publish.report import PublishCancelled, PublishError
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import Newsroom


def _live_tree(tmp_path: Path) -> str:
    return os.readlink(tmp_path / "site")


def test_cancel_keeps_the_previous_site(room: Newsroom, publish: PublishFn, tmp_path: Path):
    publish()
    publish()  # both trees hold a site now
    before, tree = site_files(tmp_path / "site"), _live_tree(tmp_path)
    room.edit(room.nato, headline="Judul yang tidak boleh muncul")
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2  # let the build start, then stop it

    progress: list[tuple[int, int, str]] = []
    with pytest.raises(PublishCancelled):
        publish(cancel=cancel, progress=lambda *a: progress.append(a))
    assert progress  # it had started
    assert (site_files(tmp_path / "site"), _live_tree(tmp_path)) == (before, tree)
    # The next publish finishes the job, whatever the cancelled one left in the spare tree.
    publish()
    assert b"Judul yang tidak boleh muncul" in (tmp_path / "site" / "index.html").read_bytes()


def test_a_failure_while_rendering_keeps_the_previous_site(
    room: Newsroom, publish: PublishFn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    publish()
    before, tree = site_files(tmp_path / "site"), _live_tree(tmp_path)
    room.edit(room.nato, body="Isi baru.\n")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(plan, "render_ninjs", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        publish()
    assert (site_files(tmp_path / "site"), _live_tree(tmp_path)) == (before, tree)
    monkeypatch.undo()
    publish()
    assert _live_tree(tmp_path) != tree


def test_progress_reports_reach_the_total(room: Newsroom, publish: PublishFn):
    seen: list[tuple[int, int, str]] = []
    report = publish(progress=lambda done, total, message: seen.append((done, total, message)))
    done, total, message = seen[-1]
    assert done == total == report.files
    assert message == "Published"


def test_a_folder_with_foreign_files_is_refused_untouched(publish: PublishFn, tmp_path: Path):
    target = tmp_path / "documents"
    target.mkdir()
    (target / "thesis.txt").write_text("my only copy")
    with pytest.raises(PublishError, match="Choose an empty or new folder"):
        publish(target)
    assert (target / "thesis.txt").read_text() == "my only copy"
    assert sorted(p.name for p in target.iterdir()) == ["thesis.txt"]


def test_a_bad_base_url_is_explained(publish: PublishFn):
    with pytest.raises(PublishError, match="--base-url https://"):
        publish(base_url="warta.example.id")


def test_a_second_publish_into_the_same_folder_waits_its_turn(publish: PublishFn, tmp_path: Path):
    import fcntl

    from editor.publish.atomic import private_for

    publish()
    before = site_files(tmp_path / "site")
    with (private_for(tmp_path / "site") / "lock").open("a") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running publish holds it
        with pytest.raises(PublishError, match="Another publish"):
            publish(full=True)
    assert site_files(tmp_path / "site") == before
    publish()  # free again once the other one is done
