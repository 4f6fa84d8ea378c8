"""The scheduler publishes an article at its time and not before (injected clock), and an
embargo keeps a published article out of the site until it ends."""

from __future__ import annotations

from datetime import timedelta

import pytest

from editor.articles import get_article
from editor.errors import ValidationError
from editor.publish.visibility import is_public
from editor.workflow.audit import audit_log
from editor.workflow.scheduler import publish_due
from editor.workflow.transitions import change_status
from tests.core.test_workflow_support import T0, force_status, make_newsroom, ready_story

AT = T0 + timedelta(hours=2)


def schedule(db, room, story, at=AT):
    force_status(db, story, "approved")
    return change_status(
        db, story.id, "scheduled", actor_id=room.editor.id, now=T0, scheduled_at=at
    )


def test_publishes_at_its_time_and_not_before(db):
    room = make_newsroom(db)
    story = ready_story(db, room)
    schedule(db, room, story)
    assert publish_due(db, now=AT - timedelta(seconds=1)) == []
    assert get_article(db, story.id).status == "scheduled"
    late_run = AT + timedelta(minutes=7)
    published = publish_due(db, now=late_run)
    assert [r.id for r in published] == [story.id]
    stored = get_article(db, story.id)
    # The publish time is the scheduled time, not when the job happened to run.
    assert (stored.status, stored.published_at) == ("published", AT)
    entry = audit_log(db, story.id)[0]
    assert (entry.actor, entry.from_status, entry.to_status) == (
        "scheduler",
        "scheduled",
        "published",
    )
    assert publish_due(db, now=late_run) == []


def test_only_due_articles_move_in_time_order(sqlite_db):
    room = make_newsroom(sqlite_db)
    later = ready_story(sqlite_db, room, headline="Nanti")
    sooner = ready_story(sqlite_db, room, headline="Segera")
    tomorrow = ready_story(sqlite_db, room, headline="Besok")
    schedule(sqlite_db, room, later, AT + timedelta(minutes=30))
    schedule(sqlite_db, room, sooner, AT)
    schedule(sqlite_db, room, tomorrow, AT + timedelta(days=1))
    published = publish_due(sqlite_db, now=AT + timedelta(hours=1), actor_id=room.editor.id)
    assert [r.headline for r in published] == ["Segera", "Nanti"]
    assert get_article(sqlite_db, tomorrow.id).status == "scheduled"
    assert audit_log(sqlite_db, sooner.id)[0].actor == room.editor.name


def test_an_embargo_keeps_the_published_article_hidden_until_it_ends(sqlite_db):
    room = make_newsroom(sqlite_db)
    embargo = AT + timedelta(hours=5)
    story = ready_story(sqlite_db, room, embargo_until=embargo)
    schedule(sqlite_db, room, story)
    publish_due(sqlite_db, now=AT)
    stored = get_article(sqlite_db, story.id)
    assert stored.status == "published"
    assert not is_public(stored, AT)
    assert not is_public(stored, embargo - timedelta(seconds=1))
    assert is_public(stored, embargo)


def test_a_naive_clock_is_refused(sqlite_db):
    with pytest.raises(ValidationError, match="timezone-aware"):
        publish_due(sqlite_db, now=T0.replace(tzinfo=None))
