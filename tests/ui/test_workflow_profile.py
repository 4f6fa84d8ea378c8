"""Choosing a profile, the window's workflow actions, and the scheduler timer."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QSettings

from editor.articles import get_article, save_article
from editor.models import utcnow
from editor.workflow.audit import audit_log
from tests.ui.workflow_newsroom import make_newsroom
from ui.workflow.profile import PROFILE_KEY, ProfileDialog, remembered_profile
from ui.workflow.scheduler import SchedulerTimer


def test_profile_dialog_remembers_the_chosen_local_profile(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    assert remembered_profile(sqlite_db) is None
    dialog = ProfileDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert [dialog.person_box.itemText(i) for i in range(dialog.person_box.count())] == [
        "Budi Santoso (editor)",
        "Sarah Meiliana Gunawan (reporter)",
    ]

    dialog.choose(room.reporter.id)
    dialog.accept()

    assert dialog.chosen == room.reporter
    assert QSettings().value(PROFILE_KEY) == str(room.reporter.id)
    assert remembered_profile(sqlite_db) == room.reporter


def test_sign_in_where_people_have_passwords_needs_the_right_password(qtbot, db):
    from editor.workflow.passwords import set_password

    room = make_newsroom(db)
    set_password(db, room.editor.id, "kopi-tubruk-2026")
    dialog = ProfileDialog(db)
    qtbot.addWidget(dialog)
    # A shared server, or a workstation's own file once someone has a password: sign in.
    assert dialog.sign_in
    dialog.handle.setText("budi")
    dialog.password.setText("salah")
    dialog.accept()
    assert dialog.chosen is None and "Wrong handle or password" in dialog.message.text()
    assert dialog.password.text() == ""
    dialog.password.setText("kopi-tubruk-2026")
    dialog.accept()
    assert dialog.chosen is not None and dialog.chosen.id == room.editor.id
    assert QSettings().value("workflow/signInHandle") == "budi"


def test_scheduler_timer_publishes_what_is_due(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    due = room.article("approved")
    # Scheduled a minute ago (set directly: the core refuses to schedule in the past).
    record = get_article(sqlite_db, due.id)
    save_article(
        sqlite_db, replace(record, status="scheduled", scheduled_at=utcnow() - timedelta(minutes=1))
    )
    later = room.article("approved")
    save_article(
        sqlite_db,
        replace(
            get_article(sqlite_db, later.id),
            status="scheduled",
            scheduled_at=utcnow() + timedelta(hours=2),
        ),
    )
    timer = SchedulerTimer(sqlite_db)

    with qtbot.waitSignal(timer.published, timeout=5000) as published:
        timer.start()
    timer.stop()

    assert [r.id for r in published.args[0]] == [due.id]
    assert get_article(sqlite_db, due.id).status == "published"
    assert get_article(sqlite_db, later.id).status == "scheduled"
    assert audit_log(sqlite_db, due.id)[0].actor == "scheduler"
