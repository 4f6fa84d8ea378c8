"""Files made in forked worker processes: the same site, the same guarantees."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from editor.publish import building, job, plan
from editor.publish.atomic import home_for
from editor.publish.report import PublishCancelled
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import Newsroom


@pytest.fixture
def makers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make every publish use worker processes, in small batches; each file made is
    logged with the id of the process that made it."""
    log = tmp_path / "makers.log"
    produce = building._produce

    def logged(work: building._Work, job: job.Job) -> tuple[building.Entry, str]:
        with log.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        return produce(work, job)

    monkeypatch.setattr(building, "PARALLEL_FROM", 1)
    monkeypatch.setattr(building, "BATCH", 3)
    monkeypatch.setattr(building, "_produce", logged)
    return log


def _makers(log: Path) -> set[int]:
    return {int(line) for line in log.read_text().split()}


def test_worker_processes_make_the_same_site_as_one_process(
    room: Newsroom,
    publish: PublishFn,
    tmp_path: Path,
    makers: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    with monkeypatch.context() as serial_only:
        serial_only.setattr(building, "PARALLEL_FROM", 10**9)
        publish(tmp_path / "serial", full=True)
    makers.unlink()
    report = publish(tmp_path / "parallel", full=True)
    pids = [int(line) for line in makers.read_text().split()]
    assert len(pids) == report.files  # every file was made in a worker
    assert os.getpid() not in pids and len(set(pids)) >= 2
    assert site_files(tmp_path / "parallel") == site_files(tmp_path / "serial")


def test_a_full_publish_leaves_both_trees_sharing_every_file(
    room: Newsroom, publish: PublishFn, tmp_path: Path, makers: Path
):
    publish()
    room.edit(room.nato, body="Isi baru.\n")
    publish(full=True)
    publish(full=True)
    live = tmp_path / "site"
    standby = home_for(live) / ("a" if os.readlink(live).endswith("b") else "b")
    files = [p for p in site_files(live) if not p.startswith(".redaksi")]
    assert files and all(os.path.samefile(live / p, standby / p) for p in files)
    assert os.getpid() not in _makers(makers)


def test_cancelling_worker_processes_keeps_the_previous_site(
    room: Newsroom, publish: PublishFn, tmp_path: Path, makers: Path
):
    publish()
    before = site_files(tmp_path / "site")
    room.edit(room.nato, headline="Judul yang tidak boleh muncul")
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3  # once the workers have started

    with pytest.raises(PublishCancelled):
        publish(full=True, cancel=cancel)
    assert site_files(tmp_path / "site") == before
    publish(full=True)
    assert b"Judul yang tidak boleh muncul" in (tmp_path / "site" / "index.html").read_bytes()


def test_a_failure_in_a_worker_process_keeps_the_previous_site(
    room: Newsroom,
    publish: PublishFn,
    tmp_path: Path,
    makers: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    publish()
    before = site_files(tmp_path / "site")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(plan, "render_ninjs", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        publish(full=True)
    assert site_files(tmp_path / "site") == before


def test_a_publish_from_a_background_thread_makes_files_in_its_own_process(
    room: Newsroom, publish: PublishFn, tmp_path: Path, makers: Path
):
    """Forking beside other threads is unsafe: a GUI's publish stays in one process."""
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(publish(full=True)))
    worker.start()
    worker.join(timeout=60)
    assert done and _makers(makers) == {os.getpid()}
