"""Every file dialog of the app: Qt's own dialog, told never to read a file it lists.

To choose an icon and a "Type" for each entry, Qt's file dialog guesses the file's type
from its first bytes (QMimeDatabase). When it lists the folder of the newsroom database,
it opens and closes ``newsroom.db``, ``-wal`` and ``-shm``, and closing them drops every
lock SQLite holds on them in this process; another program may then delete the journal
under the app (editor.sqlite_guard tells what follows). So the dialogs made here:

- answer icons and types from the entry's name and kind alone (``NameOnlyIconProvider``);
- are Qt's widget dialog, never the desktop's native one, which runs inside this process
  too and guesses types the same way;
- show no previews or thumbnails (Qt's widget dialog has none);
- refuse the open database's own files as a picture to show or a file to write (only
  the database chooser in Preferences may name one).

Nothing else in ``ui/`` makes a QFileDialog (tests/ui/test_file_dialogs.py checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QMessageBox, QWidget

from editor.sqlite_guard import is_open_database_file

IconType = QFileIconProvider.IconType


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from what ``stat`` says, never from a file's contents."""

    def __init__(self) -> None:
        super().__init__()
        # Made here, on the GUI thread: Qt asks for icons from its file-info thread too.
        self._folder = super().icon(IconType.Folder)
        self._file = super().icon(IconType.File)
        self._drive = super().icon(IconType.Drive)

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return QIcon(self._drive)
            return QIcon(self._folder if what.isDir() else self._file)
        return super().icon(what)  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "%1 file").replace("%1", suffix.upper())


class FileDialog(QFileDialog):
    """The one kind of file dialog the app shows (see the module's docstring)."""

    def __init__(
        self,
        parent: QWidget | None,
        caption: str,
        directory: str,
        filters: str,
        *,
        database_allowed: bool = False,
    ) -> None:
        super().__init__(parent, caption, directory, filters)
        self.setObjectName("fileDialog")
        self._database_allowed = database_allowed
        # Before anything is listed: the native dialog would ignore the icon provider.
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
        # Kept by the dialog's Python side: Qt does not own the provider.
        self._icon_provider = NameOnlyIconProvider()
        self.setIconProvider(self._icon_provider)

    def chosen(self) -> str:
        """Runs the dialog; the chosen path, or "" when the user cancelled."""
        try:
            if self.exec() != QFileDialog.DialogCode.Accepted:
                return ""
            files = self.selectedFiles()
        finally:
            self.deleteLater()
        path = files[0] if files else ""
        if path and not self._database_allowed and is_open_database_file(path):
            QMessageBox.warning(
                self.parentWidget(),
                self.windowTitle(),
                QCoreApplication.translate(
                    "FileDialogs",
                    "%1 is the newsroom database that Redaksi has open (or one of its "
                    "journal files). Nothing was read or written; choose another file.",
                ).replace("%1", path),
            )
            return ""
        return path


def open_file_name(parent: QWidget | None, caption: str, directory: str, filters: str) -> str:
    """An existing file to read, or "" (cancelled)."""
    dialog = FileDialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog.chosen()


def save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str,
    filters: str,
    *,
    confirm_overwrite: bool = True,
    database_allowed: bool = False,
) -> str:
    """A file to write (it may exist), or "" (cancelled).

    ``database_allowed``: the name of a database is what is asked for (Preferences); the
    file is not touched here.
    """
    dialog = FileDialog(parent, caption, directory, filters, database_allowed=database_allowed)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    return dialog.chosen()


def existing_directory(parent: QWidget | None, caption: str, directory: str) -> str:
    """An existing folder, or "" (cancelled)."""
    dialog = FileDialog(parent, caption, directory, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog.chosen()
