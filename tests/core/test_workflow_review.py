"""Review comments (anchored and general, open and resolved) and corrections."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from editor.articles import get_article
from editor.errors import PermissionDenied, ValidationError
from editor.workflow.audit import audit_log
from editor.workflow.comments import (
    add_comment,
    comments,
    reanchor,
    reopen_comment,
    resolve_comment,
)
from editor.workflow.corrections import add_correction, corrections_for
from editor.workflow.editing import edit_article
from tests.core.test_workflow_support import T0, force_status, make_newsroom, ready_story

BODY = "Presiden tiba pukul 09.00.\n\nIa disambut menteri luar negeri."


def test_reanchor_follows_the_quote_and_gives_up_only_when_it_is_gone():
    assert reanchor("abc quote def", "quote", 4) == 4
    assert reanchor("new text abc quote def", "quote", 4) == 13
    # Of two occurrences, the nearest to the old place wins.
    assert reanchor("quote ... quote", "quote", 12) == 10
    assert reanchor("rewritten entirely", "quote", 4) is None
    assert reanchor("anything", "", 0) is None


def test_a_comment_on_a_passage_moves_with_the_text(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, body=BODY)
    comment = add_comment(
        sqlite_db, story.id, actor_id=room.editor.id, text="Jam berapa persisnya?", quote="09.00"
    )
    assert BODY[comment.start : comment.end] == "09.00"
    edited = replace(story, body="Kabar terbaru. " + BODY)
    edit_article(sqlite_db, edited, actor_id=room.reporter.id)
    [moved] = comments(sqlite_db, story.id)
    assert edited.body[moved.start : moved.end] == "09.00"
    edit_article(
        sqlite_db,
        replace(get_article(sqlite_db, story.id), body="Semua ditulis ulang."),
        actor_id=room.reporter.id,
    )
    [detached] = comments(sqlite_db, story.id)
    assert detached.start is None and detached.quote == "09.00"


def test_general_notes_and_resolving(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, body=BODY)
    note = add_comment(sqlite_db, story.id, actor_id=room.editor.id, text="Tambah foto.", now=T0)
    assert note.is_general and note.start is None
    with pytest.raises(ValidationError, match="not in the article's body"):
        add_comment(sqlite_db, story.id, actor_id=room.editor.id, text="x", quote="tidak ada")
    with pytest.raises(ValidationError, match="empty"):
        add_comment(sqlite_db, story.id, actor_id=room.editor.id, text="  ")
    with pytest.raises(PermissionDenied, match="resolve"):
        resolve_comment(sqlite_db, note.id, actor_id=room.other_reporter.id)
    assert audit_log(sqlite_db, story.id)[0].outcome == "refused"
    resolved = resolve_comment(sqlite_db, note.id, actor_id=room.reporter.id, now=T0)
    assert resolved.resolved and resolved.resolved_by == room.reporter.name
    assert comments(sqlite_db, story.id, include_resolved=False) == []
    reopened = reopen_comment(sqlite_db, note.id, actor_id=room.editor.id)
    assert not reopened.resolved
    assert [c.id for c in comments(sqlite_db, story.id, include_resolved=False)] == [note.id]


def test_a_correction_is_kept_with_its_time_and_marks_the_article(db):
    room = make_newsroom(db)
    story = ready_story(db, room)
    force_status(db, story, "published")
    first = add_correction(
        db, story.id, actor_id=room.editor.id, note="Nama menteri diperbaiki.", now=T0
    )
    later = T0 + timedelta(hours=1)
    add_correction(db, story.id, actor_id=room.editor.id, note="Jam diperbaiki.", now=later)
    assert get_article(db, story.id).status == "corrected"
    found = corrections_for(db, [story.id, ready_story(db, room).id])
    assert list(found) == [story.id]
    assert [(c.note, c.corrected_at) for c in found[story.id]] == [
        ("Nama menteri diperbaiki.", T0),
        ("Jam diperbaiki.", later),
    ]
    assert first.author == room.editor.name
    assert [c.note for c in corrections_for(db, [story.id], until=T0)[story.id]] == [
        "Nama menteri diperbaiki."
    ]


def test_corrections_are_for_editors_and_published_articles(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    with pytest.raises(ValidationError, match="cannot move to corrected"):
        add_correction(sqlite_db, story.id, actor_id=room.editor.id, note="x")
    force_status(sqlite_db, story, "published")
    with pytest.raises(PermissionDenied, match="may not correct"):
        add_correction(sqlite_db, story.id, actor_id=room.reporter.id, note="x")
    with pytest.raises(ValidationError, match="correction note"):
        add_correction(sqlite_db, story.id, actor_id=room.editor.id, note=" ")
    assert corrections_for(sqlite_db, [story.id]) == {}
