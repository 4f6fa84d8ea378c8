"""File → Send as package… and File → Open package… driven from the menu bar, with the
file dialog typed into, and a package dropped on the window."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from editor.articles import get_article
from editor.database import Database, open_database
from editor.packages.merge_in import import_package
from editor.packages.reader import read_package
from editor.packages.writer import export_package
from editor.people import create_person, list_people
from editor.workflow.editing import edit_article
from tests.ui.driving import menu_action
from ui.file_dialogs import FileDialog
from ui.main_window import MainWindow


def _type_file_name(qtbot, path: Path) -> None:
    """Type ``path`` into the file dialog as soon as it is open, and press Return."""

    def fill() -> None:
        dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, FileDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(20, fill)
            return
        dialog = dialogs[0]
        box = dialog.findChild(QLineEdit, "fileNameEdit")
        # Its completion popup would take the keys typed offscreen (no window manager).
        box.setCompleter(None)
        # The dialog lists folders on a thread and may clear the name when a listing
        # arrives; Return is taken once it has seen the file.
        for _try in range(50):
            if box.text() != str(path):
                box.setFocus()
                box.selectAll()
                qtbot.keyClicks(box, str(path))
            qtbot.keyClick(box, Qt.Key.Key_Return)
            if not dialog.isVisible():
                return
            qtbot.wait(100)

    QTimer.singleShot(20, fill)


def _as_editor(main: MainWindow, db: Database) -> None:
    """The person at this window chose their profile (the editor): changes are theirs."""
    main.workflow.set_person(next(p for p in list_people(db) if p.role == "editor"))


def _sent_back_from_the_field(demo_db: Database, article_id, tmp_path: Path) -> Path:
    """The article went out in a package, a reporter edited it far away and sent it back;
    the person at the window chose their profile."""
    outgoing = export_package(demo_db, [article_id], tmp_path / "out").path
    field = open_database(f"sqlite:///{tmp_path / 'field.db'}")
    reporter = create_person(field, "Sarah Meiliana Gunawan", role="reporter")
    import_package(field, outgoing, actor_id=reporter.id)
    record = get_article(field, article_id)
    edit_article(
        field,
        replace(record, body=record.body + "\nLaporan dari lapangan.\n"),
        actor_id=reporter.id,
    )
    back = export_package(field, [article_id], tmp_path / "kembali").path
    field.close()
    return back


def _open_from_menu(qtbot, main: MainWindow, path: Path, qt_messages) -> tuple[str, str]:
    _type_file_name(qtbot, path)
    menu_action(main, "file.open_package").trigger()
    qtbot.waitUntil(lambda: bool(qt_messages), timeout=10000)
    return qt_messages[-1]


def test_send_as_package_writes_the_open_article_from_the_file_menu(
    qtbot, laptop_window: MainWindow, tmp_path: Path
) -> None:
    main = laptop_window
    article_id = main.editor.record_id()
    assert article_id is not None
    target = tmp_path / "kirim" / "cerita.redaksi.zip"
    target.parent.mkdir()
    _type_file_name(qtbot, target)
    menu_action(main, "file.send_package").trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    package = read_package(target)
    assert [a.id for a in package.articles] == [article_id]
    assert "cerita.redaksi.zip" in main.status.currentMessage()


def test_open_package_merges_the_field_edit_and_says_so(
    qtbot, laptop_window: MainWindow, demo_db: Database, tmp_path: Path, qt_messages
) -> None:
    main = laptop_window
    article_id = main.editor.record_id()
    back = _sent_back_from_the_field(demo_db, article_id, tmp_path)
    _as_editor(main, demo_db)
    kind, text = _open_from_menu(qtbot, main, back, qt_messages)
    assert kind == "information" and "kembali.redaksi.zip opened" in text
    assert "Laporan dari lapangan." in get_article(demo_db, article_id).body
    # The window shows the merged text.
    assert main.editor.record_id() == article_id
    assert "Laporan dari lapangan." in main.editor.current_record().body


def test_a_changed_package_is_refused_in_one_line_and_nothing_changes(
    qtbot, laptop_window: MainWindow, demo_db: Database, tmp_path: Path, qt_messages
) -> None:
    main = laptop_window
    article_id = main.editor.record_id()
    back = _sent_back_from_the_field(demo_db, article_id, tmp_path)
    _as_editor(main, demo_db)
    with zipfile.ZipFile(back) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    name = f"articles/{article_id}/sync.json"
    files[name] = files[name].replace(b"lapangan", b"disusupi")
    with zipfile.ZipFile(back, "w") as archive:
        for n, data in files.items():
            archive.writestr(n, data)
    before = get_article(demo_db, article_id)
    kind, text = _open_from_menu(qtbot, main, back, qt_messages)
    assert kind in ("warning", "critical")
    assert "not an intact story package" in text and "\n" not in text
    assert get_article(demo_db, article_id).version == before.version


def test_a_package_dropped_on_the_window_is_opened(
    qtbot, laptop_window: MainWindow, demo_db: Database, tmp_path: Path, qt_messages
) -> None:
    main = laptop_window
    article_id = main.editor.record_id()
    back = _sent_back_from_the_field(demo_db, article_id, tmp_path)
    _as_editor(main, demo_db)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(back))])
    where = QPointF(main.width() / 2, main.height() / 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(main, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(main, QDropEvent(where, Qt.DropAction.CopyAction, data, buttons, keys))
    qtbot.waitUntil(lambda: bool(qt_messages), timeout=10000)
    assert "Laporan dari lapangan." in get_article(demo_db, article_id).body
