"""Signing in to the newsroom server: server address, handle and password.

What ``redaksi login`` does, in a window: the server gives this computer a revocable
token (kept in the system keyring where there is one), and the app then works on a local
replica of the newsroom (editor.sync.replica_file). The sign-in talks to the network, so
it runs off the GUI thread; the dialog stays responsive and says what went wrong in
place, keeping what was typed except the password.
"""

from __future__ import annotations

import platform
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.child_windows import closes_on_keys
from ui.workers import run_in_background

if TYPE_CHECKING:
    from editor.database import Database
    from editor.sync.replica import SignInResult

SERVER_KEY = "newsroom/server"
HANDLE_KEY = "newsroom/handle"


class NewsroomSignInDialog(QDialog):
    """``exec()`` is Accepted once signed in; ``replica`` and ``result`` say where and who.

    ``first_start``: the app has no newsroom yet, and the person may choose to work on
    this computer alone instead (the Cancel button says so)."""

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        first_start: bool = False,
        server: str = "",
        handle: str = "",
    ) -> None:
        super().__init__(parent)
        closes_on_keys(self)
        self.setObjectName("newsroomSignInDialog")
        self.setWindowTitle(self.tr("Sign in to newsroom"))
        self.db = db
        self.data_dir = data_dir
        self.replica: Database | None = None
        self.result: SignInResult | None = None
        self._job: Any = None

        settings = QSettings()
        intro = QLabel(
            self.tr(
                "Sign in to your newsroom's server to work with the desk. Redaksi keeps a "
                "copy of the newsroom on this computer, so you can write offline; your "
                "changes go up whenever the server answers."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.server = QLineEdit(server or str(settings.value(SERVER_KEY, "") or ""), self)
        self.server.setObjectName("newsroomServer")
        self.server.setPlaceholderText("https://newsroom.example")
        self.handle = QLineEdit(handle or str(settings.value(HANDLE_KEY, "") or ""), self)
        self.handle.setObjectName("newsroomHandle")
        self.password = QLineEdit(self)
        self.password.setObjectName("newsroomPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&Handle:"), self.handle)
        form.addRow(self.tr("&Password:"), self.password)
        self.message = QLabel(self)
        self.message.setObjectName("newsroomSignInMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setObjectName("newsroomSignInButton")
        self.sign_in_button.setDefault(True)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel_text = self.tr("Work on this computer only") if first_start else self.tr("Cancel")
        self.cancel_button = QPushButton(cancel_text, self)
        self.cancel_button.setObjectName("newsroomCancelButton")
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if first_start:
            alone = QLabel(
                self.tr(
                    "No newsroom server? Choose “Work on this computer only”: everything "
                    "stays in a file on this computer. You can sign in later from File."
                ),
                self,
            )
            alone.setWordWrap(True)
            layout.addWidget(alone)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.adjustSize()
        (self.password if self.server.text() and self.handle.text() else self.server).setFocus()

    def busy(self) -> bool:
        """True while the server is being asked."""
        return self._job is not None

    def accept(self) -> None:
        if self.busy():
            return
        url, handle = self.server.text().strip(), self.handle.text().strip()
        missing = [
            (self.server, self.tr("Type the newsroom server's address.")),
            (self.handle, self.tr("Type your handle.")),
            (self.password, self.tr("Type your password.")),
        ]
        for field, text in missing:
            if not field.text().strip():
                self._say(text)
                field.setFocus()
                return
        from editor.sync.replica_file import sign_in_replica

        self._set_busy(True)
        self._say(self.tr("Signing in to %1…").replace("%1", url), error=False)
        self._job = run_in_background(
            sign_in_replica,
            self.db,
            url,
            handle,
            self.password.text(),
            data_dir=self.data_dir,
            label=platform.node(),
            on_done=self._signed_in,
            on_error=self._refused,
            parent=self,
        )

    def reject(self) -> None:
        if not self.busy():  # the answer is on its way: it must be settled, not dropped
            super().reject()

    def _signed_in(self, answer: object) -> None:
        self._job = None
        self.replica, self.result = answer  # type: ignore[misc]
        self.password.clear()
        settings = QSettings()
        settings.setValue(SERVER_KEY, self.server.text().strip())
        settings.setValue(HANDLE_KEY, self.handle.text().strip())
        super().accept()

    def _refused(self, message: str, _error: object) -> None:
        self._job = None
        self._set_busy(False)
        self._say(message)
        self.password.clear()
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.server, self.handle, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.show()
        self.adjustSize()
