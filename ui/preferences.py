"""Preferences: newsroom time zone, interface language, theme, autosave, spelling, database.

Zone and database location belong to the newsroom set-up and go to the user config file
through ``editor.userconfig`` (the command line reads them too); the rest is about this
desktop only and lives in QSettings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.config import Settings
from ui.child_windows import closes_on_keys
from ui.file_dialogs import save_file_name
from ui.i18n import preferred_language, save_language_preference, saved_language_preference
from ui.spelling.service import (
    ENABLED_KEY,
    LANGUAGE_KEY,
    spelling_enabled,
    spelling_language_choice,
)
from ui.theme import save_theme_choice

if TYPE_CHECKING:
    from ui.main_window import AppContext

AUTOSAVE_INTERVAL_KEY = "editor/autosaveIntervalMs"
#: The zones a newsroom picks from, with the abbreviation readers know.
ZONES = (("Asia/Jakarta", "WIB"), ("Asia/Makassar", "WITA"), ("Asia/Jayapura", "WIT"))


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        closes_on_keys(self)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._context = context
        current = context.settings

        self.zone = QComboBox(self)
        self.zone.setObjectName("zoneChoice")
        for zone, abbreviation in ZONES:
            self.zone.addItem(f"{abbreviation} — {zone}", zone)
        if self.zone.findData(current.zone) < 0:  # a zone set by hand in the config file
            self.zone.addItem(current.zone, current.zone)
        self.zone.setCurrentIndex(self.zone.findData(current.zone))

        self.language_choice = QComboBox(self)
        self.language_choice.setObjectName("languageChoice")
        self.language_choice.addItem(self.tr("Same as the system"), "system")
        self.language_choice.addItem("Bahasa Indonesia", "id")
        self.language_choice.addItem("English", "en")
        self.language_choice.setCurrentIndex(
            self.language_choice.findData(saved_language_preference())
        )

        self.theme = QComboBox(self)
        self.theme.setObjectName("themeChoice")
        self.theme.addItem(self.tr("Same as the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(self.theme.findData(context.theme_choice))

        self.autosave = QSpinBox(self)
        self.autosave.setObjectName("autosaveSeconds")
        self.autosave.setRange(1, 60)
        self.autosave.setSuffix(self.tr(" s"))
        milliseconds = QSettings().value(AUTOSAVE_INTERVAL_KEY, 2000)
        try:
            self.autosave.setValue(max(1, round(int(milliseconds) / 1000)))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            self.autosave.setValue(2)

        self.spelling = QCheckBox(self.tr("Underline misspelt words and house-style slips"), self)
        self.spelling.setObjectName("spellingEnabled")
        self.spelling.setChecked(spelling_enabled())
        self.spelling_language = QComboBox(self)
        self.spelling_language.setObjectName("spellingLanguage")
        self.spelling_language.addItem(self.tr("The article's language"), "article")
        self.spelling_language.addItem("Bahasa Indonesia", "id")
        self.spelling_language.addItem("English", "en")
        self.spelling_language.setCurrentIndex(
            self.spelling_language.findData(spelling_language_choice())
        )
        self.spelling.toggled.connect(self.spelling_language.setEnabled)
        self.spelling_language.setEnabled(self.spelling.isChecked())

        self.database = QLineEdit(current.database_url, self)
        self.database.setObjectName("databaseUrl")
        self.database.setMinimumWidth(360)
        choose = QPushButton(self.tr("Choose file…"), self)
        choose.clicked.connect(self._choose_file)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(choose)
        note = QLabel(
            self.tr(
                "A file path for a database on this computer, or postgresql://server/name "
                "for a shared newsroom server. Takes effect the next time Redaksi starts."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("databaseNote")

        form = QFormLayout()
        form.addRow(self.tr("Newsroom time zone"), self.zone)
        form.addRow(self.tr("Interface language"), self.language_choice)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Autosave after a pause of"), self.autosave)
        form.addRow(self.tr("Spell checking"), self.spelling)
        form.addRow(self.tr("Spelling dictionary"), self.spelling_language)
        form.addRow(self.tr("Database"), database_row)
        form.addRow("", note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    # --- results ------------------------------------------------------------------------

    def settings(self) -> Settings:
        """The settings for this session: the new zone (the database changes at restart)."""
        return replace(self._context.settings, zone=str(self.zone.currentData()))

    def language(self) -> str:
        return preferred_language(None)

    def theme_choice(self) -> str:
        return str(self.theme.currentData())

    def accept(self) -> None:
        """Save everything; on a bad value say what to fix and keep the dialog open.

        No role is asked for: like ``redaksi config set`` this writes only this user's own
        settings file on this workstation, nothing the rest of the newsroom shares.
        """
        from editor.errors import RedaksiError
        from editor.userconfig import normalize_database_url, save_user_setting

        try:
            zone = str(self.zone.currentData())
            if zone != self._context.settings.zone:
                save_user_setting("zone", zone)
            url = self.database.text().strip()
            if not url:
                raise _Problem(self.tr("Enter a database file or server address."))
            if normalize_database_url(url) != self._context.settings.database_url:
                save_user_setting("database_url", normalize_database_url(url))
        except (RedaksiError, OSError, _Problem) as error:
            QMessageBox.warning(self, self.tr("Preferences not saved"), str(error))
            return
        save_language_preference(str(self.language_choice.currentData()))
        save_theme_choice(self.theme_choice())
        QSettings().setValue(AUTOSAVE_INTERVAL_KEY, self.autosave.value() * 1000)
        QSettings().setValue(ENABLED_KEY, self.spelling.isChecked())
        QSettings().setValue(LANGUAGE_KEY, str(self.spelling_language.currentData()))
        super().accept()

    def _choose_file(self) -> None:
        path = save_file_name(
            self,
            self.tr("Database file"),
            "",
            self.tr("Redaksi database (*.db);;All files (*)"),
            confirm_overwrite=False,
            database_allowed=True,
        )
        if path:
            self.database.setText(path)


class _Problem(Exception):
    """A value the user must correct before the preferences can be saved."""
