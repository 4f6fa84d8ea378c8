"""The workflow commands, run in-process: the same permission checks as the core, clear
refusals with exit code 1, and the refusals kept in the audit log."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from editor.articles import get_article
from editor.cli import main
from editor.database import open_database
from editor.spelling.ignored import ignore_word
from editor.spelling.personal import add_personal_word
from editor.workflow import passwords
from editor.workflow.audit import audit_log
from editor.workflow.locks import acquire_lock, current_lock, heartbeat
from editor.workflow.transitions import TRANSITIONS
from tests.core.test_workflow_checklist_spelling import SLIPPED
from tests.core.test_workflow_support import T0, force_status, make_newsroom, ready_story

REPORTER_MAY = {("draft", "submitted"), ("sent_back", "submitted"), ("submitted", "draft")}


@pytest.fixture
def newsroom(sqlite_url):
    db = open_database(sqlite_url)
    room = make_newsroom(db)
    yield db, room
    db.close()


def run(capsys, url, *argv):
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("role", ["reporter", "editor", "admin"])
def test_every_transition_for_every_role_from_the_command_line(newsroom, sqlite_url, capsys, role):
    db, room = newsroom
    actor = room.by_role(role)
    wrong = []
    for from_status, to in sorted(TRANSITIONS):
        story = ready_story(db, room)
        force_status(db, story, from_status)
        argv = ["status", str(story.id), "--to", to, "--as", actor.handle, "--note", "catatan"]
        if to == "scheduled":
            argv += ["--at", "2099-01-01T08:00"]
        code, out, err = run(capsys, sqlite_url, *argv)
        allowed = role != "reporter" or (from_status, to) in REPORTER_MAY
        stored = get_article(db, story.id).status
        if allowed and (code, stored) != (0, to):
            wrong.append(f"{from_status}->{to}: {code} {err.strip()}")
        if not allowed:
            entry = audit_log(db, story.id)[0]
            refused = code == 1 and "may not" in err and stored == from_status
            if not refused or entry.outcome != "refused":
                wrong.append(f"{from_status}->{to} not refused: {code} {out}{err}")
    assert wrong == []


def test_a_reporter_publishing_is_refused_and_the_audit_command_shows_it(
    newsroom, sqlite_url, capsys
):
    db, room = newsroom
    story = ready_story(db, room)
    force_status(db, story, "approved")
    code, out, err = run(
        capsys,
        sqlite_url,
        "status",
        str(story.id)[:8],
        "--to",
        "published",
        "--as",
        "sarah-meiliana-gunawan",
    )
    assert code == 1 and out == ""
    assert "may not publish articles: that needs the editor or admin role" in err
    code, out, _ = run(capsys, sqlite_url, "audit", str(story.id))
    assert code == 0
    row = out.splitlines()[1]
    for expected in ("Sarah Meiliana Gunawan", "approved → published", "refused"):
        assert expected in row
    code, out, _ = run(capsys, sqlite_url, "audit", "--json")
    [entry] = json.loads(out)
    assert (entry["outcome"], entry["to_status"]) == ("refused", "published")


def test_scheduling_reads_a_plain_time_in_the_newsroom_zone(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room)
    force_status(db, story, "approved")
    code, out, err = run(
        capsys,
        sqlite_url,
        "status",
        str(story.id),
        "--to",
        "scheduled",
        "--as",
        "rina-editor",
        "--at",
        "2099-01-17T10:00",
    )
    assert code == 0, err
    assert "is now scheduled for 2099-01-17 10:00 WIB" in out
    assert get_article(db, story.id).scheduled_at == datetime(2099, 1, 17, 3, 0, tzinfo=UTC)
    code, _, err = run(
        capsys,
        sqlite_url,
        "status",
        str(story.id),
        "--to",
        "approved",
        "--as",
        "rina-editor",
        "--at",
        "tomorrow",
    )
    assert code == 1 and "Cannot read 'tomorrow' as a time" in err


def test_the_checklist_refusal_and_an_override(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room, lead_image_caption="")
    force_status(db, story, "approved")
    code, out, _ = run(capsys, sqlite_url, "checklist", str(story.id))
    assert code == 1
    assert "[ ] lead_image_caption: no image caption" in out and "[x] headline" in out
    code, _, err = run(
        capsys, sqlite_url, "status", str(story.id), "--to", "published", "--as", "rina-editor"
    )
    assert code == 1 and "the checklist misses" in err and "no image caption" in err
    code, out, err = run(
        capsys,
        sqlite_url,
        "status",
        str(story.id),
        "--to",
        "published",
        "--as",
        "rina-editor",
        "--override",
        "Keterangan foto menyusul",
    )
    assert code == 0, err
    assert "is now published" in out
    entry = audit_log(db, story.id)[0]
    assert entry.outcome == "override" and "Keterangan foto menyusul" in entry.note


def test_review_comments_from_the_command_line(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room, body="Presiden tiba pukul 09.00 di Tokyo.")
    story_id = str(story.id)
    code, out, err = run(
        capsys,
        sqlite_url,
        "comment",
        story_id,
        "Jam berapa?",
        "--quote",
        "09.00",
        "--as",
        "rina-editor",
    )
    assert code == 0, err
    assert "on “09.00”" in out
    run(capsys, sqlite_url, "comment", story_id, "Foto kurang tajam.", "--as", "rina-editor")
    code, out, _ = run(capsys, sqlite_url, "comments", story_id)
    assert "1. Rina Editor" in out and "on “09.00” (at 20)" in out and "Foto kurang tajam." in out
    code, _, err = run(capsys, sqlite_url, "resolve", story_id, "2", "--as", "budi-santoso")
    assert code == 1 and "may not resolve" in err
    assert run(capsys, sqlite_url, "resolve", story_id, "2", "--as", "rina-editor")[0] == 0
    code, out, _ = run(capsys, sqlite_url, "comments", story_id, "--open", "--json")
    assert [c["text"] for c in json.loads(out)] == ["Jam berapa?"]
    code, _, err = run(capsys, sqlite_url, "resolve", story_id, "9", "--as", "rina-editor")
    assert code == 1 and "has 2 comment(s)" in err


def test_changes_since_submission(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room)
    code, out, _ = run(capsys, sqlite_url, "changes", str(story.id))
    assert code == 0 and "not been submitted" in out
    run(
        capsys,
        sqlite_url,
        "status",
        str(story.id),
        "--to",
        "submitted",
        "--as",
        "sarah-meiliana-gunawan",
    )
    from editor.articles import save_article

    current = get_article(db, story.id)
    save_article(db, current.__class__(**{**current.__dict__, "headline": "Judul baru"}))
    _code, out, _ = run(capsys, sqlite_url, "changes", str(story.id))
    assert "headline: 'NATO akan Buka Kantor di Jepang' → 'Judul baru'" in out


def test_corrections_from_the_command_line(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room)
    force_status(db, story, "published")
    code, _, err = run(
        capsys,
        sqlite_url,
        "correct",
        str(story.id),
        "--note",
        "x",
        "--as",
        "sarah-meiliana-gunawan",
    )
    assert code == 1 and "may not correct" in err
    code, out, err = run(
        capsys,
        sqlite_url,
        "correct",
        str(story.id),
        "--note",
        "Nama diperbaiki.",
        "--as",
        "rina-editor",
        "--at",
        "2026-01-17T10:00",
    )
    assert code == 0, err
    assert "Correction added at 2026-01-17 10:00 WIB" in out
    assert get_article(db, story.id).status == "corrected"


def test_lock_and_takeover(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room)
    assert "Nobody is editing it" in run(capsys, sqlite_url, "lock", str(story.id))[1]
    acquire_lock(db, story.id, holder_id=room.reporter.id, session_id="laptop")
    heartbeat(
        db,
        story.id,
        session_id="laptop",
        unsaved=story.__class__(**{**story.__dict__, "body": "Belum disimpan"}),
    )
    code, out, _ = run(capsys, sqlite_url, "lock", str(story.id))
    assert "sedang disunting oleh Sarah Meiliana Gunawan / being edited by Sarah" in out
    code, _, err = run(capsys, sqlite_url, "takeover", str(story.id), "--as", "budi-santoso")
    assert code == 1 and "may not" in err
    code, out, err = run(capsys, sqlite_url, "takeover", str(story.id), "--as", "rina-editor")
    assert code == 0, err
    assert "Taken over from Sarah Meiliana Gunawan" in out and "kept as revision 1" in out
    assert current_lock(db, story.id) is None


def test_people_with_a_password_sign_in(newsroom, sqlite_url, capsys, monkeypatch):
    db, room = newsroom
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)
    monkeypatch.setenv("REDAKSI_NEW_PASSWORD", "rahasia redaksi")
    assert run(capsys, sqlite_url, "passwd", "rina-editor")[0] == 0
    code, _, err = run(capsys, sqlite_url, "passwd", "rina-editor")
    assert code == 1 and "already has a password" in err
    story = ready_story(db, room)
    force_status(db, story, "in_review")
    argv = ["status", str(story.id), "--to", "approved", "--as", "rina-editor"]
    code, _, err = run(capsys, sqlite_url, *argv)
    assert code == 1 and "REDAKSI_PASSWORD" in err
    monkeypatch.setenv("REDAKSI_PASSWORD", "salah")
    code, _, err = run(capsys, sqlite_url, *argv)
    assert code == 1 and "Wrong handle or password" in err
    monkeypatch.setenv("REDAKSI_PASSWORD", "rahasia redaksi")
    assert run(capsys, sqlite_url, *argv)[0] == 0
    assert get_article(db, story.id).status == "approved"


def test_roles_are_changed_by_admins(newsroom, sqlite_url, capsys):
    code, _, err = run(capsys, sqlite_url, "role", "budi-santoso", "editor", "--as", "rina-editor")
    assert code == 1 and "may not manage people" in err
    code, out, _ = run(capsys, sqlite_url, "role", "budi-santoso", "editor", "--as", "adi-admin")
    assert code == 0 and "Budi Santoso is now editor." in out


def test_publish_due_publishes_what_falls_due_and_builds_the_site(
    newsroom, sqlite_url, capsys, tmp_path
):
    from editor.workflow.transitions import change_status

    db, room = newsroom
    due, later = ready_story(db, room), ready_story(db, room, headline="Nanti Saja")
    # The scheduler runs on the real clock: one article due an hour ago, one in 5 hours.
    real_now = datetime.now(UTC).replace(microsecond=0)
    times = {due.id: real_now - timedelta(hours=1), later.id: real_now + timedelta(hours=5)}
    for story in (due, later):
        force_status(db, story, "approved")
        change_status(
            db, story.id, "scheduled", actor_id=room.editor.id, now=T0, scheduled_at=times[story.id]
        )
    code, _, err = run(capsys, sqlite_url, "publish", "--due", "--out", str(tmp_path / "site"))
    assert code == 0, err
    assert get_article(db, due.id).status == "published"
    assert get_article(db, due.id).published_at == times[due.id]
    assert get_article(db, later.id).status == "scheduled"
    assert audit_log(db, due.id)[0].actor == "scheduler"
    pages = [p.read_text() for p in (tmp_path / "site").rglob("index.html")]
    assert any("NATO akan Buka Kantor di Jepang" in page for page in pages)
    assert not any("Nanti Saja" in page for page in pages)


def test_the_checklist_warns_by_default_and_blocks_when_the_newsroom_says(
    newsroom, sqlite_url, capsys
):
    db, room = newsroom
    story = ready_story(db, room, **SLIPPED)
    force_status(db, story, "approved")

    code, out, _ = run(capsys, sqlite_url, "checklist", str(story.id))
    assert code == 0
    assert "[!] spelling: 7 unresolved spelling and house-style problems" in out
    assert "Ready to publish, with 1 warning." in out

    code, out, err = run(capsys, sqlite_url, "words", "checklist", "block")
    assert code == 1 and "Rina Editor" not in out  # the newsroom has an admin: say who
    code, out, _ = run(capsys, sqlite_url, "words", "checklist", "block", "--as", "rina-editor")
    assert code == 0 and "Spelling in the pre-publish checklist: block." in out

    code, out, _ = run(capsys, sqlite_url, "checklist", str(story.id))
    assert code == 1 and "[ ] spelling: 7 unresolved" in out and "1 item missing." in out
    code, _, err = run(
        capsys, sqlite_url, "status", str(story.id), "--to", "published", "--as", "rina-editor"
    )
    assert code == 1 and "the checklist misses" in err and "headline: 1 style" in err
    assert get_article(db, story.id).status == "approved"


def test_my_dictionary_and_ignored_words_count_on_the_command_line(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room, **SLIPPED)
    force_status(db, story, "approved")
    run(capsys, sqlite_url, "words", "checklist", "warn", "--as", "rina-editor")
    for word in ("Pemerintha", "pemerintha", "Kalijodo"):
        add_personal_word(word)
    code, out, _ = run(capsys, sqlite_url, "checklist", str(story.id))
    assert "[!] spelling: 4 unresolved" in out and "spelling," not in out
    ignore_word(story.id, "Antri")  # "ignore in this article", chosen in the app
    ignore_word(ready_story(db, room).id, "Kemaren")  # in another article: no matter here
    code, out, _ = run(capsys, sqlite_url, "checklist", str(story.id))
    assert "[!] spelling: 3 unresolved" in out and "headline" not in out.split("[!]")[1]

    code, out, err = run(
        capsys, sqlite_url, "status", str(story.id), "--to", "published", "--as", "rina-editor"
    )
    assert code == 0 and get_article(db, story.id).status == "published"
    assert "warning: 3 unresolved spelling and house-style problems" in err


def test_the_rule_is_listed_with_the_words(newsroom, sqlite_url, capsys):
    code, out, _ = run(capsys, sqlite_url, "words")
    assert code == 0 and "Spelling in the pre-publish checklist: warn." in out
    code, _, err = run(capsys, sqlite_url, "words", "checklist", "strict", "--as", "rina-editor")
    assert code == 2 and "invalid choice" in err
