"""Choosing who works in this window.

On a workstation's own SQLite file where nobody has a password the app runs as a chosen
local profile (remembered). On a shared PostgreSQL server, and in any newsroom where
people have passwords, each person signs in with their password; only the handle is
remembered, never the password, and a failed sign-in is audited.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.child_windows import closes_on_keys
from ui.workflow.labels import WorkflowLabels

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import PersonRecord

PROFILE_KEY = "workflow/profile"
HANDLE_KEY = "workflow/signInHandle"


def needs_sign_in(db: Database) -> bool:
    """A shared server asks for a password, and so does a newsroom that uses passwords; a
    workstation's own file where nobody has one does not."""
    from editor.workflow.passwords import sign_in_required

    return db.dialect != "sqlite" or sign_in_required(db)


def remembered_profile(db: Database) -> PersonRecord | None:
    """The local profile chosen last time on this workstation (never on a shared server)."""
    from editor.people import list_people

    if needs_sign_in(db):
        return None
    saved = str(QSettings().value(PROFILE_KEY, "") or "")
    return next((p for p in list_people(db) if str(p.id) == saved and p.active), None)


def remember_profile(person: PersonRecord) -> None:
    QSettings().setValue(PROFILE_KEY, str(person.id))


class ProfileDialog(QDialog):
    """Pick a profile (workstation) or sign in with handle and password (shared server)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        from editor.people import list_people

        super().__init__(parent)
        closes_on_keys(self)
        self.setObjectName("profileDialog")
        self.db = db
        self.chosen: PersonRecord | None = None
        self.sign_in = needs_sign_in(db)
        labels = WorkflowLabels(self)
        self.people = [p for p in list_people(db) if p.active]
        self.person_box = QComboBox(self)
        for person in self.people:
            self.person_box.addItem(f"{person.name} ({labels.role(person.role)})", str(person.id))
        current = str(QSettings().value(PROFILE_KEY, "") or "")
        self.person_box.setCurrentIndex(max(0, self.person_box.findData(current)))
        self.handle = QLineEdit(str(QSettings().value(HANDLE_KEY, "") or ""), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("profileMessage")
        form = QFormLayout()
        if self.sign_in:
            self.setWindowTitle(self.tr("Sign in"))
            form.addRow(self.tr("Handle:"), self.handle)
            form.addRow(self.tr("Password:"), self.password)
            intro = self.tr("This newsroom signs in. Sign in with your handle and password.")
        else:
            self.setWindowTitle(self.tr("Switch profile"))
            form.addRow(self.tr("Work as:"), self.person_box)
            intro = self.tr("Choose who is working at this workstation.")
            if not self.people:
                intro = self.tr("There are no people yet. Add them with 'redaksi people add'.")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Only one way in is laid out; the other's fields would float over the text.
        for unused in (self.person_box,) if self.sign_in else (self.handle, self.password):
            unused.hide()
        layout = QVBoxLayout(self)
        explanation = QLabel(intro, self)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        from editor.errors import RedaksiError
        from editor.workflow.passwords import authenticate

        if self.sign_in:
            try:
                person = authenticate(
                    self.db, self.handle.text(), self.password.text(), where="app"
                )
            except RedaksiError as error:
                self.message.setText(str(error))
                self.password.clear()
                self.password.setFocus()
                return
            QSettings().setValue(HANDLE_KEY, person.handle)
        else:
            wanted = self.person_box.currentData()
            person_or_none = next((p for p in self.people if str(p.id) == wanted), None)
            if person_or_none is None:
                self.message.setText(self.tr("Choose a person from the list."))
                return
            person = person_or_none
            remember_profile(person)
        self.password.clear()
        self.chosen = person
        super().accept()

    def choose(self, person_id: uuid.UUID) -> None:
        self.person_box.setCurrentIndex(self.person_box.findData(str(person_id)))
