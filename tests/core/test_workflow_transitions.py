"""Status changes through the core: the permission of every transition for every role,
the audit log, notes, times, the checklist and optimistic locking."""

from __future__ import annotations

from datetime import timedelta

import pytest

from editor.articles import get_article
from editor.errors import ConflictError, PermissionDenied, ValidationError
from editor.revisions import list_revisions
from editor.workflow.audit import audit_log
from editor.workflow.checklist import ChecklistError
from editor.workflow.comments import changes_since_submission
from editor.workflow.editing import edit_article
from editor.workflow.transitions import TRANSITIONS, allowed_moves, change_status
from tests.core.test_workflow_support import T0, force_status, make_newsroom, ready_story

#: Written out by hand (not derived from the code's table) so a change to it shows here.
REPORTER_MAY = {("draft", "submitted"), ("sent_back", "submitted"), ("submitted", "draft")}
EVERY_MOVE = set(TRANSITIONS)
EXPECTED = {"reporter": REPORTER_MAY, "editor": EVERY_MOVE, "admin": EVERY_MOVE}


def test_the_table_holds_the_newsroom_workflow():
    must_have = {
        ("draft", "submitted"),
        ("submitted", "in_review"),
        ("in_review", "sent_back"),
        ("in_review", "approved"),
        ("approved", "scheduled"),
        ("approved", "published"),
        ("scheduled", "published"),
        ("published", "killed"),
        ("published", "corrected"),
    }
    assert must_have <= EVERY_MOVE
    assert ("draft", "published") not in EVERY_MOVE


@pytest.mark.parametrize("role", ["reporter", "editor", "admin"])
def test_every_transition_for_every_role(db, role):
    room = make_newsroom(db)
    actor = room.by_role(role)
    wrong: list[str] = []
    for from_status, to in sorted(TRANSITIONS):
        story = ready_story(db, room)
        force_status(db, story, from_status)
        allowed = (from_status, to) in EXPECTED[role]
        try:
            moved = change_status(
                db,
                story.id,
                to,
                actor_id=actor.id,
                note="catatan",
                now=T0,
                scheduled_at=T0 + timedelta(hours=6),
            )
        except PermissionDenied:
            if allowed:
                wrong.append(f"{from_status}->{to} refused")
            stored = get_article(db, story.id)
            entry = audit_log(db, story.id)[0]
            if stored.status != from_status or entry.outcome != "refused" or entry.to_status != to:
                wrong.append(f"{from_status}->{to} refusal not kept: {entry}")
            continue
        if not allowed:
            wrong.append(f"{from_status}->{to} allowed")
        entry = audit_log(db, story.id)[0]
        if moved.status != to or (entry.from_status, entry.to_status) != (from_status, to):
            wrong.append(f"{from_status}->{to} not recorded: {entry}")
        if entry.actor != actor.name or entry.outcome != "done":
            wrong.append(f"{from_status}->{to} wrong audit entry: {entry}")
    assert wrong == []


def test_a_reporter_may_not_publish_or_approve_and_the_log_says_so(db):
    room = make_newsroom(db)
    story = ready_story(db, room)
    force_status(db, story, "approved")
    with pytest.raises(PermissionDenied, match=r"may not publish articles.*editor or admin"):
        change_status(db, story.id, "published", actor_id=room.reporter.id, now=T0)
    force_status(db, story, "in_review")
    with pytest.raises(PermissionDenied, match="may not approve"):
        change_status(db, story.id, "approved", actor_id=room.reporter.id, now=T0 + timedelta(1))
    refusals = [e for e in audit_log(db) if e.outcome == "refused"]
    assert [(e.actor, e.to_status) for e in refusals] == [
        ("Sarah Meiliana Gunawan", "approved"),
        ("Sarah Meiliana Gunawan", "published"),
    ]
    assert get_article(db, story.id).status == "in_review"


def test_a_reporter_publishing_a_draft_is_a_refusal_not_a_bad_move(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    with pytest.raises(PermissionDenied, match="may not publish"):
        change_status(sqlite_db, story.id, "published", actor_id=room.reporter.id)
    entry = audit_log(sqlite_db, story.id)[0]
    assert (entry.outcome, entry.from_status, entry.to_status) == ("refused", "draft", "published")


def test_a_reporter_submits_only_their_own_story(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    with pytest.raises(PermissionDenied, match="own byline"):
        change_status(sqlite_db, story.id, "submitted", actor_id=room.other_reporter.id)
    assert change_status(sqlite_db, story.id, "submitted", actor_id=room.reporter.id).status == (
        "submitted"
    )


def test_a_move_the_table_lacks_is_explained_and_changes_nothing(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    with pytest.raises(ValidationError, match=r"draft cannot move to published.*submitted"):
        change_status(sqlite_db, story.id, "published", actor_id=room.editor.id)
    assert get_article(sqlite_db, story.id).version == story.version


def test_send_back_kill_and_correct_need_a_note(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    force_status(sqlite_db, story, "in_review")
    with pytest.raises(ValidationError, match="say what to change"):
        change_status(sqlite_db, story.id, "sent_back", actor_id=room.editor.id)
    back = change_status(
        sqlite_db, story.id, "sent_back", actor_id=room.editor.id, note="Tambah kutipan"
    )
    assert back.status == "sent_back"
    assert audit_log(sqlite_db, story.id)[0].note == "Tambah kutipan"


def test_publishing_sets_the_publish_time_and_killing_keeps_it(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    force_status(sqlite_db, story, "approved")
    published = change_status(sqlite_db, story.id, "published", actor_id=room.editor.id, now=T0)
    assert published.published_at == T0
    killed = change_status(
        sqlite_db, story.id, "killed", actor_id=room.editor.id, note="Hukum", now=T0 + timedelta(1)
    )
    assert killed.status == "killed"
    assert killed.published_at == T0


def test_scheduling_needs_a_future_time_and_unscheduling_clears_it(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    force_status(sqlite_db, story, "approved")
    with pytest.raises(ValidationError, match="needs a publish time"):
        change_status(sqlite_db, story.id, "scheduled", actor_id=room.editor.id, now=T0)
    with pytest.raises(ValidationError, match="already passed"):
        change_status(
            sqlite_db, story.id, "scheduled", actor_id=room.editor.id, now=T0, scheduled_at=T0
        )
    at = T0 + timedelta(hours=3)
    scheduled = change_status(
        sqlite_db, story.id, "scheduled", actor_id=room.editor.id, now=T0, scheduled_at=at
    )
    assert (scheduled.status, scheduled.scheduled_at, scheduled.published_at) == (
        "scheduled",
        at,
        None,
    )
    again = change_status(sqlite_db, story.id, "approved", actor_id=room.editor.id, now=T0)
    assert again.scheduled_at is None


def test_checklist_refusal_lists_what_is_missing_and_is_audited(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, lead_image_credit="", body="Naskah TK belum lengkap.")
    force_status(sqlite_db, story, "approved")
    with pytest.raises(ChecklistError) as refused:
        change_status(sqlite_db, story.id, "published", actor_id=room.editor.id, now=T0)
    keys = {item.key for item in refused.value.missing}
    assert keys == {"lead_image_credit", "markers"}
    assert "no image credit" in str(refused.value)
    assert "“TK” in the body, line 1" in str(refused.value)
    entry = audit_log(sqlite_db, story.id)[0]
    assert (entry.outcome, entry.to_status) == ("refused", "published")
    assert get_article(sqlite_db, story.id).status == "approved"


def test_an_editor_overrides_the_checklist_with_a_recorded_reason(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, lead_image="", lead_image_caption="", lead_image_credit="")
    force_status(sqlite_db, story, "approved")
    with pytest.raises(ValidationError, match="needs a reason"):
        change_status(
            sqlite_db, story.id, "published", actor_id=room.editor.id, override_reason="  "
        )
    published = change_status(
        sqlite_db,
        story.id,
        "published",
        actor_id=room.editor.id,
        override_reason="Berita kilat, foto menyusul",
        now=T0,
    )
    assert published.status == "published"
    entry = audit_log(sqlite_db, story.id)[0]
    assert entry.outcome == "override"
    assert "Berita kilat, foto menyusul" in entry.note
    assert "no lead image" in entry.note


def test_the_checklist_guards_publishing_and_scheduling_only(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, headline="", lead_image="")
    submitted = change_status(sqlite_db, story.id, "submitted", actor_id=room.reporter.id)
    assert submitted.status == "submitted"
    change_status(sqlite_db, story.id, "approved", actor_id=room.editor.id, now=T0)
    with pytest.raises(ChecklistError, match="no headline"):
        change_status(
            sqlite_db,
            story.id,
            "scheduled",
            actor_id=room.editor.id,
            now=T0,
            scheduled_at=T0 + timedelta(hours=1),
        )


def test_a_stale_version_is_a_conflict_and_changes_nothing(db):
    room = make_newsroom(db)
    story = ready_story(db, room)
    with pytest.raises(ConflictError):
        change_status(
            db,
            story.id,
            "submitted",
            actor_id=room.reporter.id,
            expected_version=story.version - 1,
        )
    assert get_article(db, story.id).status == "draft"
    assert audit_log(db, story.id) == []


def test_submitting_keeps_a_revision_and_the_editor_sees_changes_since(db):
    room = make_newsroom(db)
    story = ready_story(db, room, body="Paragraf satu.\n\nParagraf dua.")
    assert changes_since_submission(db, story.id) is None
    submitted = change_status(db, story.id, "submitted", actor_id=room.reporter.id, note="Siap")
    revision = list_revisions(db, story.id)[0]
    assert (revision.kind, revision.body, revision.note) == ("submit", submitted.body, "Siap")
    change_status(db, story.id, "in_review", actor_id=room.editor.id)
    current = get_article(db, story.id)
    edited = current.__class__(**{**current.__dict__, "body": "Paragraf satu.\n\nParagraf 2."})
    edit_article(db, edited, actor_id=room.editor.id)
    changes = changes_since_submission(db, story.id)
    assert changes is not None and changes.submitted.id == revision.id
    changed = [h for h in changes.diff.body if h.op != "equal"]
    assert [(h.old_lines, h.new_lines) for h in changed] == [(("Paragraf dua.",), ("Paragraf 2.",))]


def test_the_newsroom_log_spans_articles_newest_first(sqlite_db):
    room = make_newsroom(sqlite_db)
    first, second = ready_story(sqlite_db, room), ready_story(sqlite_db, room, headline="Kedua")
    change_status(sqlite_db, first.id, "submitted", actor_id=room.reporter.id, now=T0)
    change_status(
        sqlite_db, second.id, "submitted", actor_id=room.reporter.id, now=T0 + timedelta(minutes=1)
    )
    log = audit_log(sqlite_db)
    assert [e.headline for e in log] == ["Kedua", first.headline]
    assert [e.article_id for e in audit_log(sqlite_db, first.id)] == [first.id]
    assert len(audit_log(sqlite_db, limit=1)) == 1


def test_allowed_moves_follow_the_role():
    assert allowed_moves("reporter", "approved") == []
    assert set(allowed_moves("editor", "approved")) == {"sent_back", "scheduled", "published"}
    assert allowed_moves("reporter", "draft") == ["submitted"]
