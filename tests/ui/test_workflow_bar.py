"""The workflow bar and the audit view, driven with real clicks against the real core."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor.articles import get_article
from editor.workflow.audit import audit_log
from tests.ui.driving import when_modal
from tests.ui.workflow_newsroom import make_newsroom
from ui.workflow import prompts
from ui.workflow.audit_view import COLUMNS, AuditView
from ui.workflow.workflow_bar import WorkflowBar


def _bar(qtbot, session, record) -> WorkflowBar:
    bar = WorkflowBar()
    qtbot.addWidget(bar)
    bar.set_session(session)
    bar.set_article(record)
    bar.show()
    return bar


def test_reporter_sees_submit_enabled_and_approve_publish_disabled(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    draft = room.article("draft")
    bar = _bar(qtbot, room.session(room.reporter), draft)

    assert bar.buttons["submitted"].isEnabled()
    assert bar.buttons["submitted"].text() == "Submit"
    for target in ("approved", "published"):
        assert not bar.buttons[target].isEnabled()
        assert "reporter" in bar.buttons[target].toolTip()
    assert "Sarah Meiliana Gunawan" in bar.person_label.text()

    qtbot.mouseClick(bar.buttons["submitted"], Qt.MouseButton.LeftButton)

    assert get_article(sqlite_db, draft.id).status == "submitted"
    assert bar.status_label.text() == "Status: Submitted"
    # Submitted: the reporter may only take it back now.
    assert bar.buttons["draft"].isEnabled()
    assert not bar.buttons["submitted"].isEnabled()


def test_editor_approves_and_the_audit_view_shows_it(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    submitted = room.article("submitted")
    bar = _bar(qtbot, room.session(room.editor), submitted)
    changed = []
    bar.statusChanged.connect(changed.append)

    assert bar.buttons["approved"].isEnabled()
    qtbot.mouseClick(bar.buttons["approved"], Qt.MouseButton.LeftButton)

    assert [record.status for record in changed] == ["approved"]
    view = AuditView(sqlite_db, zone="Asia/Jakarta")
    qtbot.addWidget(view)
    view.set_article(submitted.id)
    model = view.model
    assert model.rowCount() == 1
    row = {name: model.index(0, i).data() for i, name in enumerate(COLUMNS)}
    assert row["person"] == "Budi Santoso"
    assert row["change"] == "Submitted → Approved"
    assert row["outcome"] == "done"
    assert row["article"] == "Harga Beras Naik Jelang Lebaran"


def test_a_refusal_shows_a_message_and_is_in_the_audit_log(qtbot, sqlite_db, monkeypatch):
    room = make_newsroom(sqlite_db)
    # The reporter's role may submit, but this article carries the editor's byline.
    theirs = room.article("draft", byline=room.editor)
    bar = _bar(qtbot, room.session(room.reporter), theirs)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))

    assert bar.buttons["submitted"].isEnabled()
    qtbot.mouseClick(bar.buttons["submitted"], Qt.MouseButton.LeftButton)

    assert len(shown) == 1 and "own byline" in shown[0]
    assert get_article(sqlite_db, theirs.id).status == "draft"
    [entry] = audit_log(sqlite_db, theirs.id)
    assert entry.outcome == "refused" and entry.to_status == "submitted"
    view = AuditView(sqlite_db, zone="Asia/Jakarta")
    qtbot.addWidget(view)
    view.set_article(None)  # the whole newsroom
    outcomes = [
        view.model.index(r, COLUMNS.index("outcome")).data() for r in range(view.model.rowCount())
    ]
    assert outcomes == ["refused"]


def test_send_back_asks_for_a_note_and_cancel_changes_nothing(qtbot, sqlite_db, monkeypatch):
    room = make_newsroom(sqlite_db)
    submitted = room.article("submitted")
    bar = _bar(qtbot, room.session(room.editor), submitted)
    answers = iter([None, "Tambahkan kutipan dari Bulog."])
    monkeypatch.setattr(prompts, "ask_note", lambda *_args, **_kw: next(answers))

    qtbot.mouseClick(bar.buttons["sent_back"], Qt.MouseButton.LeftButton)
    assert get_article(sqlite_db, submitted.id).status == "submitted"
    qtbot.mouseClick(bar.buttons["sent_back"], Qt.MouseButton.LeftButton)

    assert get_article(sqlite_db, submitted.id).status == "sent_back"
    assert audit_log(sqlite_db, submitted.id)[0].note == "Tambahkan kutipan dari Bulog."


def test_checklist_refusal_lets_an_editor_override_with_a_reason(qtbot, sqlite_db, monkeypatch):
    room = make_newsroom(sqlite_db)
    approved = room.article("approved", lead_image="", lead_image_caption="", lead_image_credit="")
    bar = _bar(qtbot, room.session(room.editor), approved)
    asked: list[str] = []

    def answer(_parent, _title, label, _text=""):
        asked.append(label)
        return "Foto menyusul dari biro Semarang"

    monkeypatch.setattr(prompts, "ask_note", answer)
    qtbot.mouseClick(bar.buttons["published"], Qt.MouseButton.LeftButton)

    assert "lead image" in asked[0].lower()
    assert get_article(sqlite_db, approved.id).status == "published"
    entries = audit_log(sqlite_db, approved.id)
    assert entries[0].outcome == "override"
    assert "Foto menyusul" in entries[0].note
    assert entries[1].outcome == "refused"


def test_schedule_asks_for_a_time_and_the_article_lands_on_the_calendar(
    qtbot, sqlite_db, monkeypatch
):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from editor.workflow.calendar import day_budget

    room = make_newsroom(sqlite_db)
    approved = room.article("approved")
    bar = _bar(qtbot, room.session(room.editor), approved)
    local = ZoneInfo("Asia/Jakarta")
    when = (datetime.now(local) + timedelta(days=1)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    monkeypatch.setattr(prompts, "ask_publish_time", lambda _parent, _zone, _initial: when)

    qtbot.mouseClick(bar.buttons["scheduled"], Qt.MouseButton.LeftButton)

    stored = get_article(sqlite_db, approved.id)
    assert stored.status == "scheduled" and stored.scheduled_at == when
    assert bar.buttons["scheduled"].text() == "Reschedule…"
    assert [e.article_id for e in day_budget(sqlite_db, when.date(), zone="Asia/Jakarta")] == [
        approved.id
    ]
    view = AuditView(sqlite_db, zone="Asia/Jakarta")
    qtbot.addWidget(view)
    view.set_article(approved.id)
    note = view.model.index(0, COLUMNS.index("note")).data()
    assert note == f"publish at {when:%d-%m-%Y} 08:00"  # the core's ISO time, shown in WIB


def test_the_publish_time_dialog_gives_a_time_in_the_newsroom_zone(qtbot):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QDialog

    initial = datetime(2030, 3, 4, 9, 45, tzinfo=ZoneInfo("UTC"))
    when_modal(QDialog, QDialog.accept)
    chosen = prompts.ask_publish_time(None, "Asia/Makassar", initial)

    # 09:45 UTC is 17:45 WITA; the dialog offers the whole hour.
    assert chosen == datetime(2030, 3, 4, 17, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    assert chosen.utcoffset().total_seconds() == 8 * 3600
