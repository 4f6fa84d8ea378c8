"""A corrected article shows its "Koreksi" box in the in-app preview and in the page
"Open in browser" writes, as on the published page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDesktopServices

from editor.workflow.transitions import change_status
from tests.ui.driving import menu_action
from tests.ui.screens import save_screenshot
from tests.ui.workflow_newsroom import make_newsroom, open_window

NOTE = "Nama narasumber diperbaiki: Siti Aminah, bukan Siti Amina."


def test_the_preview_and_the_browser_page_show_the_correction(
    qtbot, sqlite_db, tmp_path, windows, monkeypatch
):
    room = make_newsroom(sqlite_db)
    article = room.article("published")
    change_status(sqlite_db, article.id, "corrected", actor_id=room.editor.id, note=NOTE)
    main = open_window(qtbot, sqlite_db, tmp_path, room.editor, article.id, windows)
    preview = main.preview
    preview.show_now()
    qtbot.waitUntil(lambda: NOTE in preview.html(), timeout=20000)
    assert "Koreksi" in preview.html()
    assert NOTE in preview.browser.toPlainText()
    save_screenshot(main, "preview-correction-box-en")

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    menu_action(main, "article.browser").trigger()
    assert opened
    page = Path(opened[0]).read_text(encoding="utf-8")
    assert 'class="corrections"' in page and NOTE in page
