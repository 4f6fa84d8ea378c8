"""A schema upgrade killed at any point leaves the newsroom as it was or fully upgraded, and
however often it is tried again, one copy of the database from before it is kept.

Each upgrade runs in a child process (``redaksi list`` on a newsroom at schema 0008, with
page views) that kills itself with SIGKILL at a chosen point: before any one SQL
statement, just before the commit, or part way through writing the backup. The test's own
process then opens the file as the next start would.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from alembic import command
from sqlalchemy import event
from sqlalchemy.engine import Engine

import editor.upgrade_backup
from editor.cli import main
from editor.database import SCHEMA_HEAD, _alembic_config, open_database
from tests.core.test_dashboard_rollup import random_views
from tests.core.test_database import _read

OLD = "0008"


def _revision(path: Path) -> str:
    return str(_read(path, "SELECT version_num FROM alembic_version")[0][0])


def _backups(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".bak" in p.name)


@pytest.fixture(scope="module")
def old_newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A newsroom as Redaksi left it at schema 0008: articles and hours of page views."""
    path = tmp_path_factory.mktemp("old") / "newsroom.db"
    db = open_database(f"sqlite:///{path}")
    random_views(db, seed=11, articles=4)
    config = _alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, OLD)
    db.close()
    assert _revision(path) == OLD
    return path


@pytest.fixture
def newsroom(old_newsroom: Path, tmp_path: Path) -> Path:
    path = tmp_path / "data" / "newsroom.db"
    path.parent.mkdir()
    shutil.copy(old_newsroom, path)
    return path


def _content(path: Path) -> tuple[object, ...]:
    """What must survive the upgrade: the articles and every page view."""
    return (
        _read(path, "SELECT id, headline FROM articles ORDER BY id"),
        _read(path, "SELECT article_id, hour, views FROM page_views ORDER BY 1, 2"),
    )


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _upgrade_in_child(path: Path, arm: Callable[[], None]) -> bool:
    """Run ``redaksi list`` on ``path`` in a forked child, after ``arm`` set up where it
    dies; True if it was killed, False if it got to the end."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            arm()
            main(["--db", f"sqlite:///{path}", "list"])
        finally:
            os._exit(0)
    _pid, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _kill_before_statement(number: int) -> Callable[[], None]:
    def arm() -> None:
        seen = iter(range(1, number + 1))

        @event.listens_for(Engine, "before_cursor_execute")
        def count(*_args: Any) -> None:
            if next(seen, None) is None:
                _die()

    return arm


def _kill_at_commit() -> None:
    @event.listens_for(Engine, "commit")
    def commit(_connection: Any) -> None:
        _die()


def _kill_while_backing_up(fraction: float) -> Callable[[], None]:
    """Dies once ``fraction`` of the database's pages were copied into the backup."""

    class Copying(sqlite3.Connection):
        def backup(self, target: Any, **_options: Any) -> None:
            def progress(_status: int, remaining: int, total: int) -> None:
                if total - remaining >= total * fraction:
                    _die()

            super().backup(target, pages=4, progress=progress)

    def arm() -> None:
        editor.upgrade_backup.sqlite3 = SimpleNamespace(  # type: ignore[attr-defined]
            connect=lambda *a, **k: sqlite3.connect(*a, **k, factory=Copying)
        )

    return arm


def _kill_points() -> Iterator[tuple[str, Callable[[], None]]]:
    """Before each SQL statement until there are no more, then the other points."""
    for number in range(1, 200):
        yield f"statement {number}", _kill_before_statement(number)
    yield "commit", _kill_at_commit
    for fraction in (0.1, 0.5, 0.99):
        yield f"backup {fraction:.0%}", _kill_while_backing_up(fraction)


@pytest.mark.slow  # about 40 upgrades, each killed and started again: 25 s
def test_a_kill_at_any_point_of_an_upgrade_leaves_it_old_or_new_with_one_backup(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _content(newsroom)
    pristine = newsroom.with_name("pristine.db")
    shutil.copy(newsroom, pristine)
    old_seen = new_seen = 0
    statements_left = True
    for where, arm in _kill_points():
        if where.startswith("statement") and not statements_left:
            continue
        for stale in newsroom.parent.iterdir():
            if stale != pristine:
                stale.unlink()
        shutil.copy(pristine, newsroom)
        killed = _upgrade_in_child(newsroom, arm)
        if where.startswith("statement") and not killed:
            statements_left = False  # the child got to the end: every statement was a point
            continue
        assert killed, where
        revision = _revision(newsroom)  # what the file says after recovery from the crash
        assert revision in (OLD, SCHEMA_HEAD), where
        if revision == OLD:
            old_seen += 1
            assert "page_view_hours" not in {
                str(r[0]) for r in _read(newsroom, "SELECT name FROM sqlite_master")
            }, where
        else:
            new_seen += 1
        # The next start upgrades cleanly (or finds it done), losing nothing.
        code = main(["--db", f"sqlite:///{newsroom}", "list"])
        assert code == 0, (where, capsys.readouterr().err)
        assert _revision(newsroom) == SCHEMA_HEAD, where
        assert _content(newsroom) == before, where
        assert _read(newsroom, "PRAGMA integrity_check") == [("ok",)], where
        assert len(_backups(newsroom.parent)) == 1, (where, _backups(newsroom.parent))
        backup = newsroom.parent / _backups(newsroom.parent)[0]
        assert _revision(backup) == OLD and _content(backup) == before, where
    assert not statements_left, "the upgrade never got to the end: add kill points"
    assert old_seen > 20 and new_seen >= 1  # the kills did land inside the upgrade
    capsys.readouterr()


def test_an_upgrade_killed_again_and_again_keeps_one_backup(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _content(newsroom)
    attempts = [_kill_while_backing_up(0.5), _kill_while_backing_up(0.99)]
    attempts += [_kill_before_statement(n) for n in (12, 3, 25, 7, 18)] + [_kill_at_commit]
    for arm in attempts:
        assert _upgrade_in_child(newsroom, arm)
        assert _revision(newsroom) == OLD
    assert main(["--db", f"sqlite:///{newsroom}", "list"]) == 0
    assert _revision(newsroom) == SCHEMA_HEAD
    assert _content(newsroom) == before
    names = _backups(newsroom.parent)
    assert len(names) == 1 and names[0].startswith(f"newsroom.db.{OLD}."), names
    assert _revision(newsroom.parent / names[0]) == OLD
    # A single file: it opens anywhere, read-only, without leaving -wal and -shm beside it.
    assert [p.name for p in newsroom.parent.iterdir() if "partial" in p.name] == []
    capsys.readouterr()


def test_a_database_used_between_two_attempts_gets_a_second_backup(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _upgrade_in_child(newsroom, _kill_at_commit)
    # The previous Redaksi goes on writing to it before the next try.
    connection = sqlite3.connect(newsroom)
    connection.execute("UPDATE articles SET headline = 'Diubah sesudahnya'")
    connection.commit()
    connection.close()
    assert main(["--db", f"sqlite:///{newsroom}", "list"]) == 0
    names = _backups(newsroom.parent)
    assert len(names) == 2, names
    headlines = [
        {str(r[0]) for r in _read(newsroom.parent / name, "SELECT headline FROM articles")}
        for name in names
    ]
    # One from before the first try, one from before the second.
    assert sorted(found == {"Diubah sesudahnya"} for found in headlines) == [False, True]
    capsys.readouterr()
