"""The interface language: asked once at the first start (or preset by IT in the system
configuration), and a change in Preferences reaches every pane at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from tests.ui.driving import menu_action, when_modal
from tests.ui.screens import save_screenshot
from ui import app as app_module
from ui.i18n import LANGUAGE_KEY
from ui.preferences import PreferencesDialog


def first_start() -> app_module.Options:
    return app_module.parse_options([])  # no --db, no --lang: as started from the menu


def test_the_first_start_asks_once_and_remembers(qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(tmp_path / "none.toml"))
    asked: list[str] = []

    def choose_indonesian(box: QMessageBox) -> None:
        asked.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "Bahasa Indonesia")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, choose_indonesian)
    assert app_module._interface_language(first_start()) == "id"
    assert len(asked) == 1 and "Pilih bahasa" in asked[0] and "Choose the language" in asked[0]
    assert QSettings().value(LANGUAGE_KEY) == "id"
    # Asked once: the next start goes by the answer.
    assert app_module._interface_language(first_start()) == "id"
    assert len(asked) == 1


@pytest.mark.parametrize("locked", [False, True])
def test_it_presets_the_language_in_the_system_configuration(monkeypatch, tmp_path, locked):
    from ui.i18n import save_language_preference

    system = tmp_path / "config.toml"
    lock = 'locked = ["language"]\n' if locked else ""
    system.write_text(f'language = "en"\n{lock}', encoding="utf-8")
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(system))
    assert app_module._interface_language(first_start()) == "en"  # and nothing asked
    save_language_preference("id")
    assert app_module._interface_language(first_start()) == ("en" if locked else "id")


def test_a_language_chosen_in_preferences_reaches_every_pane_at_once(qtbot, laptop_window):
    main = laptop_window
    main.editor.find_bar.open_find()
    assert main.preview.open_button.text() == "Open in browser"

    def to_indonesian(dialog: PreferencesDialog) -> None:
        choice = dialog.findChild(QComboBox, "languageChoice")
        choice.setCurrentIndex(choice.findData("id"))
        dialog.accept()

    when_modal(PreferencesDialog, to_indonesian)
    menu_action(main, "app.preferences").trigger()
    try:
        qtbot.waitUntil(lambda: main.preview.open_button.text() == "Buka di peramban")
        form = main.editor.form
        assert main.editor.find_bar.find_field.placeholderText() == "Cari"
        assert form.more_button.text() == "Lainnya"
        assert form.row_labels["tags"].text() == "Tag"
        assert main.registry.action("edit.bold").text() == "Tebal"
        assert main.side.tabs.tabText(0) == "Pratinjau"
        qtbot.wait(100)  # the layout pass after the new words
        save_screenshot(main, "language-switched-at-once-id")
        assert form.more_button.width() >= form.more_button.sizeHint().width()
    finally:
        main.context.translations.install("en")
