"""The Publish dialog publishes a small newsroom in the background and can be cancelled."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from editor.config import Settings
from editor.database import Database
from editor.publish import publish_site
from tests.publish.conftest import site_files
from tests.publish.small_disk import fill, small_disk  # noqa: F401 (a fixture)
from ui.publish_dialog import PublishDialog


def make_dialog(qtbot, db: Database, **kwargs: Any) -> PublishDialog:
    dialog = PublishDialog(db, Settings(database_url=db.url), None, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def publish_into(qtbot, dialog: PublishDialog, out: Path) -> None:
    dialog.out_dir_edit.clear()
    qtbot.keyClicks(dialog.out_dir_edit, str(out))
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)


def test_publish_writes_the_site_and_shows_the_report(qtbot, demo_db: Database, tmp_path) -> None:
    dialog = make_dialog(qtbot, demo_db)
    assert not dialog.publish_button.isEnabled()  # no folder chosen yet
    dialog.base_url_edit.clear()
    qtbot.keyClicks(dialog.base_url_edit, "https://berita.example.id")
    out = tmp_path / "site"
    publish_into(qtbot, dialog, out)
    assert dialog.is_running()
    assert not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)

    assert (out / "index.html").is_file()
    assert dialog.status_label.text() == "Published."
    assert f"articles to {out}" in dialog.report_view.toPlainText()
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert dialog.last_report.articles > 0
    assert dialog.close_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()
    assert "https://berita.example.id" in (out / "sitemap.xml").read_text()

    # The choices are remembered for the next time the dialog opens.
    again = make_dialog(qtbot, demo_db)
    assert again.out_dir_edit.text() == str(out)
    assert again.base_url_edit.text() == "https://berita.example.id"


def test_cancel_stops_the_publish_and_keeps_the_previous_site(
    qtbot, demo_db: Database, tmp_path
) -> None:
    out = tmp_path / "site"
    publish_site(demo_db, Settings(database_url=demo_db.url), out)
    before = (out / "index.html").read_bytes()
    reached = threading.Event()

    def slow_publish(*args: Any, progress: Any, cancel: Any, **kwargs: Any) -> Any:
        """The real publish, held at its first progress step until the user cancels."""

        def held(done: int, total: int, message: str) -> None:
            progress(done, total, message)
            if not reached.is_set():
                reached.set()
                for _ in range(500):
                    if cancel():
                        break
                    threading.Event().wait(0.01)

        return publish_site(*args, progress=held, cancel=cancel, **kwargs)

    dialog = make_dialog(qtbot, demo_db, publish=slow_publish)
    dialog.full_check.setChecked(True)
    dialog.sidebar_combo.setCurrentIndex(dialog.sidebar_combo.findData("ssi"))
    publish_into(qtbot, dialog, out)
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    assert dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30_000)

    assert dialog.status_label.text() == "Cancelled. The previous site is unchanged."
    assert "cancelled" in dialog.report_view.toPlainText().lower()
    assert (out / "index.html").read_bytes() == before
    assert dialog.last_report is None


def test_escape_while_publishing_cancels_instead_of_closing(
    qtbot, demo_db: Database, tmp_path
) -> None:
    started = threading.Event()

    def waits_for_cancel(*_args: Any, cancel: Any, **_kwargs: Any) -> Any:
        from editor.publish.report import PublishCancelled

        started.set()
        for _ in range(500):
            if cancel():
                raise PublishCancelled("Publishing was cancelled; the previous site is unchanged.")
            threading.Event().wait(0.01)
        raise AssertionError("the dialog never cancelled")

    dialog = make_dialog(qtbot, demo_db, publish=waits_for_cancel)
    publish_into(qtbot, dialog, tmp_path / "site")
    qtbot.waitUntil(started.is_set, timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert dialog.status_label.text().startswith("Cancelled")


def test_a_full_disk_is_one_line_in_the_dialog(
    qtbot,
    demo_db: Database,
    small_disk: Path,  # noqa: F811
) -> None:
    out = small_disk / "site"
    publish_site(demo_db, Settings(database_url=demo_db.url), out)
    before = site_files(out)
    fill(small_disk, leave=0)
    dialog = make_dialog(qtbot, demo_db)
    dialog.full_check.setChecked(True)
    dialog.base_url_edit.clear()
    qtbot.keyClicks(dialog.base_url_edit, "https://kabar.example.id")  # every page changes
    publish_into(qtbot, dialog, out)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)

    assert dialog.status_label.text() == "Publishing failed. The previous site is unchanged."
    shown = dialog.report_view.toPlainText()
    assert "No space left on device" in shown and "Free some space" in shown
    assert "Traceback" not in shown and "\n" not in shown.strip()
    assert site_files(out) == before


def test_publish_and_import_say_ready_and_cancelling_in_indonesian(
    qtbot, demo_db: Database, tmp_path
) -> None:
    """The status lines both dialogs share are translated wherever they are shown."""
    from ui.i18n import Translations
    from ui.import_dialog import ImportDialog

    started, read = threading.Event(), threading.Event()

    def waits_until_read(*_args: Any, cancel: Any, **_kwargs: Any) -> Any:
        from editor.publish.report import PublishCancelled

        started.set()
        if not read.wait(10) or not cancel():
            raise AssertionError("the dialog never cancelled")
        raise PublishCancelled("Publishing was cancelled; the previous site is unchanged.")

    translations = Translations()
    translations.install("id")
    try:
        dialog = make_dialog(qtbot, demo_db, publish=waits_until_read)
        importing = ImportDialog(demo_db, zone="Asia/Jakarta", actor_id=None)
        qtbot.addWidget(importing)
        assert dialog.status_label.text() == importing.status_label.text() == "Siap."
        publish_into(qtbot, dialog, tmp_path / "site")
        qtbot.waitUntil(started.is_set, timeout=10_000)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        shown = dialog.status_label.text()
        read.set()
        qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
        assert shown == "Membatalkan…"
        assert dialog.status_label.text() == "Dibatalkan. Situs sebelumnya tidak berubah."
    finally:
        translations.uninstall()
