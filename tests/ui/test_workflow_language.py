"""The workflow views in Indonesian: moves, statuses and the lock banner translated."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.workflow.locks import acquire_lock
from tests.ui.workflow_newsroom import make_newsroom
from ui.i18n import Translations
from ui.workflow.audit_view import COLUMNS, AuditView
from ui.workflow.lock_banner import LockBanner
from ui.workflow.workflow_bar import WorkflowBar


def test_workflow_bar_and_audit_view_switch_to_indonesian(qtbot, sqlite_db):
    from editor.workflow.transitions import change_status

    room = make_newsroom(sqlite_db)
    article = room.article("submitted")
    change_status(sqlite_db, article.id, "approved", actor_id=room.editor.id)
    bar = WorkflowBar()
    qtbot.addWidget(bar)
    bar.set_session(room.session(room.reporter))
    bar.set_article(room.article("draft"))
    view = AuditView(sqlite_db, zone="Asia/Jakarta")
    qtbot.addWidget(view)
    view.set_article(None)
    translations = Translations()
    try:
        assert translations.install("id")
        qtbot.waitUntil(lambda: bar.buttons["submitted"].text() == "Ajukan", timeout=2000)
        assert bar.status_label.text() == "Status: Draf"
        assert bar.buttons["approved"].text() == "Setujui"
        assert "Peran Anda (reporter)" in bar.buttons["approved"].toolTip()
        change = view.model.index(0, COLUMNS.index("change")).data()
        assert change == "Diajukan → Disetujui"
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Waktu"
        banner = LockBanner()
        qtbot.addWidget(banner)
        lock = acquire_lock(sqlite_db, article.id, holder_id=room.editor.id, session_id="lain")
        banner.show_lock(lock, zone="Asia/Jakarta", may_take_over=True)
        assert banner.label.text().startswith("Sedang disunting oleh Budi Santoso sejak ")
        assert banner.take_over_button.text() == "Ambil alih"
    finally:
        translations.uninstall()
    qtbot.waitUntil(lambda: bar.buttons["submitted"].text() == "Submit", timeout=2000)
