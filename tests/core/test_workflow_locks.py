"""Soft locks with two real sessions (two Database objects on one database, SQLite and
PostgreSQL): the lock shows, take-over works, and no text is lost."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from editor.articles import get_article
from editor.database import Database, open_database
from editor.errors import PermissionDenied
from editor.revisions import list_revisions
from editor.workflow.audit import audit_log
from editor.workflow.editing import edit_article
from editor.workflow.locks import (
    LOCK_TIMEOUT,
    ArticleLockedError,
    LockLostError,
    acquire_lock,
    current_lock,
    heartbeat,
    release_lock,
    take_over,
)
from tests.core.test_workflow_support import T0, make_newsroom, ready_story


@pytest.fixture
def two_apps(db_url: str) -> Iterator[tuple[Database, Database]]:
    first = open_database(db_url)
    second = open_database(db_url)
    yield first, second
    second.close()
    first.close()


def test_the_lock_shows_take_over_keeps_the_unsaved_text(two_apps):
    reporter_app, editor_app = two_apps
    room = make_newsroom(reporter_app)
    story = ready_story(reporter_app, room)
    acquire_lock(
        reporter_app, story.id, holder_id=room.reporter.id, session_id="laptop-sarah", now=T0
    )
    lock = current_lock(editor_app, story.id, now=T0 + timedelta(seconds=5))
    assert lock is not None
    assert lock.describe() == "sedang disunting oleh Sarah Meiliana Gunawan"
    assert lock.describe("en") == "being edited by Sarah Meiliana Gunawan"
    with pytest.raises(ArticleLockedError, match="being edited by Sarah"):
        acquire_lock(editor_app, story.id, holder_id=room.editor.id, session_id="desk-rina", now=T0)

    typing = replace(story, body=story.body + "\n\nParagraf yang belum disimpan.")
    heartbeat(reporter_app, story.id, session_id="laptop-sarah", unsaved=typing, now=T0)
    taken = take_over(editor_app, story.id, actor_id=room.editor.id, session_id="desk-rina", now=T0)

    assert taken.previous is not None and taken.previous.holder_name == room.reporter.name
    assert taken.kept is not None and taken.kept.kind == "takeover"
    assert taken.kept.body.endswith("Paragraf yang belum disimpan.")
    kept = list_revisions(reporter_app, story.id)[0]
    assert (kept.id, kept.body, kept.author) == (taken.kept.id, typing.body, room.reporter.name)
    now_held = current_lock(reporter_app, story.id, now=T0)
    assert now_held is not None and now_held.holder_name == room.editor.name
    with pytest.raises(LockLostError, match="Rina Editor has it now"):
        heartbeat(reporter_app, story.id, session_id="laptop-sarah", unsaved=typing, now=T0)
    entry = audit_log(editor_app, story.id)[0]
    assert entry.action == "take_over" and f"revision {kept.number}" in entry.note


def test_take_over_keeps_text_handed_in_by_the_caller(two_apps):
    first, second = two_apps
    room = make_newsroom(first)
    story = ready_story(first, room)
    acquire_lock(first, story.id, holder_id=room.reporter.id, session_id="a", now=T0)
    unsaved = replace(story, headline="Judul baru yang belum disimpan")
    taken = take_over(second, story.id, actor_id=room.editor.id, unsaved=unsaved, now=T0)
    assert taken.kept is not None and taken.kept.headline == "Judul baru yang belum disimpan"


def test_nothing_unsaved_makes_no_revision(two_apps):
    first, second = two_apps
    room = make_newsroom(first)
    story = ready_story(first, room)
    acquire_lock(first, story.id, holder_id=room.reporter.id, session_id="a", now=T0)
    heartbeat(first, story.id, session_id="a", unsaved=story, now=T0)  # same as stored
    taken = take_over(second, story.id, actor_id=room.editor.id, now=T0)
    assert taken.kept is None
    assert list_revisions(second, story.id) == []


def test_a_stale_lock_expires_and_its_autosaved_text_is_kept(two_apps):
    first, second = two_apps
    room = make_newsroom(first)
    story = ready_story(first, room)
    acquire_lock(first, story.id, holder_id=room.reporter.id, session_id="a", now=T0)
    typing = replace(story, lead="Teras yang belum disimpan")
    heartbeat(first, story.id, session_id="a", unsaved=typing, now=T0)
    later = T0 + LOCK_TIMEOUT + timedelta(seconds=1)
    assert current_lock(second, story.id, now=later) is None
    lock = acquire_lock(second, story.id, holder_id=room.editor.id, session_id="b", now=later)
    assert lock.holder_name == room.editor.name
    assert list_revisions(second, story.id)[0].lead == "Teras yang belum disimpan"


def test_a_heartbeat_keeps_the_lock_alive(two_apps):
    first, second = two_apps
    room = make_newsroom(first)
    story = ready_story(first, room)
    acquire_lock(first, story.id, holder_id=room.reporter.id, session_id="a", now=T0)
    renewed_at = T0 + LOCK_TIMEOUT - timedelta(seconds=10)
    heartbeat(first, story.id, session_id="a", now=renewed_at)
    assert current_lock(second, story.id, now=T0 + LOCK_TIMEOUT + timedelta(seconds=1))
    with pytest.raises(ArticleLockedError):
        acquire_lock(second, story.id, holder_id=room.editor.id, session_id="b", now=renewed_at)


def test_release_frees_the_article_only_for_the_holder(two_apps):
    first, second = two_apps
    room = make_newsroom(first)
    story = ready_story(first, room)
    acquire_lock(first, story.id, holder_id=room.reporter.id, session_id="a", now=T0)
    assert release_lock(second, story.id, session_id="b") is False
    assert release_lock(first, story.id, session_id="a") is True
    assert current_lock(second, story.id, now=T0) is None


def test_a_reporter_may_not_take_over_and_the_refusal_is_audited(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, byline_ids=(room.reporter.id, room.other_reporter.id))
    acquire_lock(sqlite_db, story.id, holder_id=room.reporter.id, session_id="a", now=T0)
    with pytest.raises(PermissionDenied, match="may not take over"):
        take_over(sqlite_db, story.id, actor_id=room.other_reporter.id, now=T0)
    entry = audit_log(sqlite_db, story.id)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("take_over", "refused", "Budi Santoso")
    lock = current_lock(sqlite_db, story.id, now=T0)
    assert lock is not None and lock.holder_name == room.reporter.name


def test_a_reporter_may_not_lock_someone_elses_story(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    with pytest.raises(PermissionDenied, match="edit other people's articles"):
        acquire_lock(sqlite_db, story.id, holder_id=room.other_reporter.id, session_id="x")
    assert current_lock(sqlite_db, story.id) is None


def test_saving_past_someone_elses_live_lock_is_refused_and_loses_nothing(two_apps):
    first, second = two_apps
    room = make_newsroom(first)
    story = ready_story(first, room)
    acquire_lock(first, story.id, holder_id=room.reporter.id, session_id="a")
    mine = replace(get_article(second, story.id), body="Versi editor")
    with pytest.raises(ArticleLockedError, match="Nothing was saved"):
        edit_article(second, mine, actor_id=room.editor.id, session_id="b")
    assert get_article(first, story.id).body == story.body
    saved = edit_article(
        first, replace(story, body="Versi reporter"), actor_id=room.reporter.id, session_id="a"
    )
    assert saved.body == "Versi reporter"


def test_two_apps_racing_for_a_free_article_get_one_lock(two_apps):
    first, second = two_apps
    room = make_newsroom(first)
    story = ready_story(first, room)
    outcomes: dict[str, str] = {}
    start = threading.Barrier(2)

    def grab(db: Database, person_id, session_id: str) -> None:
        start.wait()
        try:
            acquire_lock(db, story.id, holder_id=person_id, session_id=session_id, now=T0)
            outcomes[session_id] = "got it"
        except ArticleLockedError:
            outcomes[session_id] = "locked"

    threads = [
        threading.Thread(target=grab, args=(first, room.reporter.id, "a")),
        threading.Thread(target=grab, args=(second, room.editor.id, "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["got it", "locked"]
    winner = next(s for s, outcome in outcomes.items() if outcome == "got it")
    lock = current_lock(first, story.id, now=T0)
    assert lock is not None and lock.session_id == winner
