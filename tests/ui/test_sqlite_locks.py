"""Saves keep reaching the newsroom file after a file dialog and a terminal command.

The way the loss was found: the app open on an SQLite newsroom, a file dialog opened in
the database's folder and closed, ``redaksi list`` run from a terminal, then a save. The
dialog used to read the database's files to guess their type, which dropped the app's
SQLite locks; the command then deleted the write-ahead log the app kept writing into.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QMenu,
    QPushButton,
)

from editor.articles import create_article, get_article
from editor.config import Settings
from editor.database import open_database
from editor.records import ArticleDraft, ArticleRecord
from tests.sqlite_visits import (
    REDAKSI,
    ReadOnlyOpens,
    body_seen_elsewhere,
    drop_this_process_locks,
    held_inodes,
    integrity,
    other_process,
)
from tests.ui.driving import when_modal
from ui.main_window import AppContext, MainWindow
from ui.preferences import PreferencesDialog

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="inotify and /proc/locks are Linux's"
)
DATABASE_FILES = {"nr.db", "nr.db-wal", "nr.db-shm"}
DRIVER = Path(__file__).with_name("app_driver.py")


@pytest.fixture
def newsroom(tmp_path: Path) -> tuple[Path, ArticleRecord]:
    path = tmp_path / "newsroom" / "nr.db"
    db = open_database(f"sqlite:///{path}")
    article = create_article(db, ArticleDraft(headline="Banjir Rob", body="Air naik."))
    db.close()
    return path, article


@pytest.fixture
def window(qtbot, newsroom, tmp_path: Path) -> Iterator[MainWindow]:
    path, _article = newsroom
    url = f"sqlite:///{path}"
    context = AppContext(settings=Settings(database_url=url), data_dir=tmp_path / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.attach_database(open_database(url))  # the first (only) article opens
    yield main
    if main.db is not None:
        main.close()
    context.translations.uninstall()


def browse_folder_and_cancel(qtbot, folder: Path, seen: list[str]) -> Callable[[QDialog], None]:
    """As a user: type the folder into the file name box, Enter, look, then Escape."""

    def browse(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setFocus()
        qtbot.keyClicks(name_box, str(folder))
        qtbot.keyClick(name_box, Qt.Key.Key_Return)
        model = dialog.findChild(QFileSystemModel)
        qtbot.waitUntil(lambda: model.index(str(folder / "nr.db")).isValid(), timeout=5000)
        qtbot.wait(800)  # the file-information thread reports each entry's type and icon
        seen.append(dialog.directory().absolutePath())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    return browse


def open_lead_image_dialog(qtbot, main: MainWindow, browse: Callable[[QDialog], None]) -> None:
    form = main.editor.form
    if not form.more_button.isChecked():
        qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    when_modal(QFileDialog, browse)
    qtbot.mouseClick(form.choose_image, Qt.MouseButton.LeftButton)


def open_database_file_dialog(qtbot, main: MainWindow, browse: Callable[[QDialog], None]) -> None:
    def in_preferences(preferences: QDialog) -> None:
        (choose,) = [
            button
            for button in preferences.findChildren(QPushButton)
            if button.text() == "Choose file…"
        ]
        when_modal(QFileDialog, browse)
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
        preferences.reject()

    tools = main.menuBar().findChild(QMenu, "toolsMenu")
    (preferences,) = [a for a in tools.actions() if a.text() == "&Preferences…"]
    when_modal(PreferencesDialog, in_preferences)
    preferences.trigger()


def type_and_press_ctrl_s(qtbot, main: MainWindow, words: str) -> None:
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=2000)
    main.editor.body.setFocus()
    main.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    for number, line in enumerate(words.split("\n")):
        if number:
            qtbot.keyClick(main.editor.body, Qt.Key.Key_Return)
        qtbot.keyClicks(main.editor.body, line)
    qtbot.keyClick(main.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize(
    "open_dialog",
    [
        pytest.param(open_lead_image_dialog, id="lead-image-choose"),
        pytest.param(open_database_file_dialog, id="preferences-database-choose-file"),
    ],
)
def test_a_save_after_a_file_dialog_and_a_terminal_command_reaches_the_file(
    qtbot, window: MainWindow, newsroom, open_dialog
) -> None:
    path, article = newsroom
    opens = ReadOnlyOpens(path.parent)
    browsed: list[str] = []
    try:
        open_dialog(qtbot, window, browse_folder_and_cancel(qtbot, path.parent, browsed))
        assert browsed == [str(path.parent)]  # the dialog did list the database's folder
        # ...without opening the database's files (SQLite opens them read-write).
        assert DATABASE_FILES.isdisjoint(opens.names())
    finally:
        opens.close()

    listed = other_process(REDAKSI, "list", "--db", str(path))  # from a terminal
    assert "Banjir Rob" in listed
    assert Path(f"{path}-wal").exists()  # the app still holds it: the command left it

    type_and_press_ctrl_s(qtbot, window, " Warga mengungsi.")

    assert window.status.save_state() == "saved"
    assert body_seen_elsewhere(path, article.id) == "Air naik. Warga mengungsi."
    window.close()
    assert integrity(path) == "ok"


def test_a_save_after_the_log_was_removed_reaches_the_file(
    qtbot, window: MainWindow, newsroom
) -> None:
    """Whatever else drops the locks, the next save reaches the file other programs read.

    Here the save's first unit of work only reads (may this window write?): the guard
    notices the removed log after it and reconnects before anything is written.
    """
    path, article = newsroom
    main = window
    main.editor.body.setFocus()
    main.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(main.editor.body, " Warga mengungsi.")
    # Before any event is processed (no timer can run): the locks go, and a command
    # from a terminal checkpoints and deletes the log the app is about to write into.
    drop_this_process_locks(path)
    other_process(REDAKSI, "list", "--db", str(path))
    assert not Path(f"{path}-wal").exists()

    qtbot.keyClick(main.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert main.status.save_state() == "saved"
    assert body_seen_elsewhere(path, article.id) == "Air naik. Warga mengungsi."
    main.close()
    assert integrity(path) == "ok"
    db = open_database(f"sqlite:///{path}")
    try:
        from editor.revisions import list_revisions

        assert [r.body for r in list_revisions(db, article.id)] == ["Air naik. Warga mengungsi."]
    finally:
        db.close()


def test_a_revision_written_into_a_removed_log_is_written_again_and_the_user_is_told(
    qtbot, newsroom, tmp_path: Path
) -> None:
    """A signed-in window whose text is already saved: Ctrl+S writes the revision first
    thing, into the removed log; the guard says so, and the app writes it again."""
    from editor.people import create_person
    from editor.revisions import list_revisions
    from ui.workflow.profile import PROFILE_KEY

    path, article = newsroom
    url = f"sqlite:///{path}"
    db = open_database(url)
    editor = create_person(db, "Budi Santoso", role="editor", handle="budi")
    db.close()
    QSettings().setValue(PROFILE_KEY, str(editor.id))  # this workstation's profile
    context = AppContext(settings=Settings(database_url=url), data_dir=tmp_path / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    try:
        main.attach_database(open_database(url))
        assert main.workflow.session.person.id == editor.id
        main.editor.body.setFocus()
        main.editor.body.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(main.editor.body, " Warga mengungsi.")
        qtbot.waitUntil(lambda: main.status.save_state() == "saved", timeout=10000)
        drop_this_process_locks(path)
        other_process(REDAKSI, "list", "--db", str(path))
        assert not Path(f"{path}-wal").exists()

        qtbot.keyClick(main.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

        assert "saved your text again" in main.status.currentMessage()
        main.close()
    finally:
        context.translations.uninstall()
    assert integrity(path) == "ok"
    db = open_database(url)
    try:
        revisions = list_revisions(db, article.id)
        assert [(r.body, r.author) for r in revisions] == [
            ("Air naik. Warga mengungsi.", "Budi Santoso")
        ]
    finally:
        db.close()


TYPED = " Kalimat yang disimpan dengan Ctrl+S."


def _env() -> dict[str, str]:
    env = dict(os.environ)  # HOME and XDG folders already point into this test's temp dir
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _read_until(app: subprocess.Popen[str], prefix: str) -> str:
    assert app.stdout is not None
    for line in app.stdout:
        if line.startswith("DRIVER_FAILED"):
            pytest.fail(line)
        if line.startswith(prefix):
            return line.strip()
    pytest.fail(f"the app ended before {prefix}: {app.stderr.read() if app.stderr else ''}")


@pytest.mark.slow  # two real app starts: about 10 s
def test_the_saved_text_survives_a_kill_and_a_restart_after_the_dialog(
    newsroom, tmp_path: Path
) -> None:
    """The whole path in a real app process driven by key and mouse events: dialog, a
    terminal command, Ctrl+S, another process reads it, kill -9, restart."""
    path, article = newsroom
    flags = tmp_path / "flags"
    flags.mkdir()
    app = subprocess.Popen(
        [sys.executable, str(DRIVER), str(path), str(article.id), str(flags), TYPED],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _read_until(app, "DIALOG_CLOSED")
        assert "Banjir Rob" in other_process(REDAKSI, "list", "--db", str(path))
        (flags / "type").touch()
        assert _read_until(app, "SAVED") == "SAVED saved"
        assert body_seen_elsewhere(path, article.id) == "Air naik." + TYPED
        app.send_signal(signal.SIGKILL)
    finally:
        app.kill()
        app.wait(timeout=10)
    assert app.returncode == -signal.SIGKILL

    restart = subprocess.run(
        [
            sys.executable,
            "-c",
            REDAKSI,
            "--db",
            str(path),
            "--article",
            str(article.id),
            "--screenshot",
            str(tmp_path / "after.png"),
        ],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restart.returncode == 0, restart.stderr
    assert integrity(path) == "ok"
    db = open_database(f"sqlite:///{path}")
    try:
        assert get_article(db, article.id).body == "Air naik." + TYPED
    finally:
        db.close()


def test_the_preview_never_loads_the_database_as_a_picture(
    qtbot, window: MainWindow, newsroom
) -> None:
    """An article may name any path as a picture, the newsroom file's too."""
    path, _article = newsroom
    opens = ReadOnlyOpens(path.parent)
    try:
        form = window.editor.form
        qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
        form.lead_image.setFocus()
        with qtbot.waitSignal(window.preview.rendered, timeout=5000):
            qtbot.keyClicks(form.lead_image, str(path))
        with qtbot.waitSignal(window.preview.rendered, timeout=5000):
            type_and_press_ctrl_s(qtbot, window, f"\n\n![peta]({path}-wal)\n\n![x](nr.db-shm)")
        qtbot.wait(200)
        assert DATABASE_FILES.isdisjoint(opens.names())
    finally:
        opens.close()
    assert body_seen_elsewhere(path, window.editor.current_record().id).endswith("nr.db-shm)")


def test_the_database_itself_is_refused_as_a_lead_image(
    qtbot, window: MainWindow, newsroom, qt_messages
) -> None:
    path, _article = newsroom
    opens = ReadOnlyOpens(path.parent)

    def choose_the_database(dialog: QDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setFocus()
        qtbot.keyClicks(name_box, str(path))
        qtbot.keyClick(name_box, Qt.Key.Key_Return)

    try:
        open_lead_image_dialog(qtbot, window, choose_the_database)
        assert DATABASE_FILES.isdisjoint(opens.names())
    finally:
        opens.close()
    assert window.editor.form.lead_image.text() == ""
    ((kind, message),) = qt_messages
    assert kind == "warning" and "newsroom database" in message and str(path) in message


def test_the_app_takes_its_locks_back_before_a_command_can_remove_the_log(
    qtbot, window: MainWindow, newsroom
) -> None:
    """Whatever dropped the locks, the app's timer notices within seconds and takes them
    again, so a command run afterwards leaves the log alone."""
    path, article = newsroom
    drop_this_process_locks(path)
    assert path.stat().st_ino not in held_inodes()
    qtbot.waitUntil(lambda: path.stat().st_ino in held_inodes(), timeout=5000)

    log = Path(f"{path}-wal").stat().st_ino
    other_process(REDAKSI, "list", "--db", str(path))
    assert Path(f"{path}-wal").stat().st_ino == log
    type_and_press_ctrl_s(qtbot, window, " Aman.")
    assert body_seen_elsewhere(path, article.id) == "Air naik. Aman."


def test_the_app_reconnects_and_says_so_when_the_log_was_removed_meanwhile(
    qtbot, window: MainWindow, newsroom
) -> None:
    path, article = newsroom
    # No event is processed in between: the timer cannot run before the command does.
    drop_this_process_locks(path)
    other_process(REDAKSI, "list", "--db", str(path))
    assert not Path(f"{path}-wal").exists()

    qtbot.waitUntil(lambda: "nothing was lost" in window.status.currentMessage(), timeout=5000)
    assert Path(f"{path}-wal").exists()  # a fresh connection, holding its locks
    type_and_press_ctrl_s(qtbot, window, " Tersambung.")
    assert "saved your text again" not in window.status.currentMessage()
    assert body_seen_elsewhere(path, article.id) == "Air naik. Tersambung."
