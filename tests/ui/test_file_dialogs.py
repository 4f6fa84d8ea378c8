"""Every file dialog comes from ui.file_dialogs, which never reads the files it lists."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

import ui
from tests.sqlite_visits import ReadOnlyOpens
from tests.ui.driving import when_modal
from ui.file_dialogs import FileDialog, NameOnlyIconProvider, open_file_name

UI = Path(ui.__file__).parent
#: Qt classes that look inside files to guess their type (QFileSystemModel asks its icon
#: provider, whose default reads each file's first bytes).
SNIFFERS = re.compile(r"\b(QFileDialog|QFileSystemModel|QFileIconProvider|QMimeDatabase)\b")


def test_no_file_dialog_is_made_outside_the_factory() -> None:
    found = [
        f"{path.relative_to(UI.parent)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "file_dialogs.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SNIFFERS.search(line)
    ]
    assert found == [], "use ui.file_dialogs instead:\n" + "\n".join(found)


def test_types_and_icons_come_from_the_name_alone(tmp_path: Path, qapp) -> None:
    # A PNG's first bytes in a file named like a database: only the name may count.
    disguised = tmp_path / "newsroom.db"
    disguised.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    provider = NameOnlyIconProvider()
    assert provider.type(QFileInfo(str(disguised))) == "DB file"
    assert provider.type(QFileInfo(str(tmp_path))) == "Folder"
    assert not provider.icon(QFileInfo(str(disguised))).isNull()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_the_dialog_lists_a_folder_without_opening_its_files(qtbot, tmp_path: Path) -> None:
    for name in ("nr.db", "nr.db-wal", "nr.db-shm", "foto.jpg", "catatan"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00" + bytes(200))
    opens = ReadOnlyOpens(tmp_path)
    listed: list[str] = []

    def look_and_cancel(dialog: QFileDialog) -> None:
        try:
            dialog.setViewMode(QFileDialog.ViewMode.Detail)  # with its Type column
            model = dialog.findChild(QFileSystemModel)
            root = model.index(str(tmp_path))
            qtbot.waitUntil(lambda: model.rowCount(root) == 5, timeout=5000)
            qtbot.wait(500)  # the file-information thread reports each entry's type
            listed.extend(model.index(row, 2, root).data() for row in range(5))
        finally:
            dialog.reject()

    try:
        when_modal(QFileDialog, look_and_cancel)
        assert open_file_name(None, "Pilih", str(tmp_path), "All files (*)") == ""
        assert opens.names() == []
    finally:
        opens.close()
    assert sorted(listed) == ["DB file", "DB-SHM file", "DB-WAL file", "File", "JPG file"]


def test_the_dialog_is_qt_s_own_even_where_the_desktop_has_one(qapp) -> None:
    dialog = FileDialog(None, "Pilih", "", "")
    try:
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert isinstance(dialog.iconProvider(), NameOnlyIconProvider)
    finally:
        dialog.deleteLater()
