"""Themes, interface language and preferences, as the user switches them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from editor.config import Settings
from editor.userconfig import load_settings
from ui.i18n import Translations, preferred_language, system_language
from ui.icons import icon
from ui.main_window import AppContext, MainWindow
from ui.preferences import PreferencesDialog
from ui.theme import apply_theme, saved_theme_choice


@pytest.fixture
def context(demo_db, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext(settings=Settings(database_url=demo_db.url), data_dir=tmp_path / "d")
    yield context
    context.translations.uninstall()
    apply_theme(QApplication.instance(), "light")


@pytest.fixture
def window(qtbot, context, demo_db) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    main.attach_database(demo_db)
    return main


def _glyph_colour(name: str) -> str:
    image = icon(name).pixmap(QSize(32, 32)).toImage()
    opaque = [
        image.pixelColor(x, y)
        for x in range(32)
        for y in range(32)
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert opaque, f"icon {name} drew nothing"
    return opaque[0].name()


def test_dark_theme_repaints_window_and_icons(qtbot, window):
    app = QApplication.instance()
    apply_theme(app, "light", window.context.theme)
    light_window = app.palette().color(QPalette.ColorRole.Window).lightness()
    light_glyph = _glyph_colour("save")
    apply_theme(app, "dark", window.context.theme)
    assert window.context.theme.name == "dark"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < light_window
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 100
    dark_glyph = _glyph_colour("save")
    assert dark_glyph != light_glyph
    # The toolbar's own icon object follows the theme without being rebuilt.
    action_icon = window.registry.action("article.save").icon()
    image = action_icon.pixmap(QSize(32, 32)).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(32) for y in range(32)}
    assert dark_glyph in colours


def test_switching_to_indonesian_retranslates_the_window(qtbot, window):
    assert window.registry.action("article.new").text() == "&New article"
    assert window.list_pane.filter_bar.search.placeholderText() == "Search headlines and text…"
    assert window.context.translations.install("id")
    qtbot.waitUntil(lambda: window.registry.action("article.new").text() != "&New article")
    assert window.registry.action("article.new").text() == "Artikel &baru"
    assert window.list_pane.filter_bar.search.placeholderText() == "Cari judul dan isi…"
    assert window.list_pane.model.headerData(0, Qt.Orientation.Horizontal) == "Judul"
    total = window.list_pane.model.total()
    assert window.list_pane.count_label.text() == f"{total} artikel"
    window.context.translations.install("en")
    qtbot.waitUntil(lambda: window.registry.action("article.new").text() == "&New article")
    assert window.list_pane.count_label.text() == f"{total} articles"


def test_language_defaults_to_the_system_then_follows_the_saved_choice():
    assert preferred_language(None) == system_language()
    assert preferred_language("id") == "id"
    QSettings().setValue("interface/language", "id")
    assert preferred_language(None) == "id"
    QSettings().setValue("interface/language", "en")
    assert preferred_language(None) == "en"


def test_preferences_save_zone_through_user_config_and_the_rest_in_qsettings(
    qtbot, window, context
):
    dialog = PreferencesDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.zone.setCurrentIndex(dialog.zone.findData("Asia/Makassar"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language_choice.setCurrentIndex(dialog.language_choice.findData("en"))
    dialog.autosave.setValue(5)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert load_settings().zone == "Asia/Makassar"
    assert saved_theme_choice() == "dark"
    assert int(QSettings().value("editor/autosaveIntervalMs")) == 5000
    window.tools.apply_preferences(dialog)
    assert window.context.settings.zone == "Asia/Makassar"
    assert window.autosave.interval_ms() == 5000
    assert window.context.theme.name == "dark"


def test_preferences_refuse_an_empty_database_location(qtbot, window, context, qt_messages):
    dialog = PreferencesDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.database.setText("  ")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert qt_messages[0][0] == "warning"
    assert "database" in qt_messages[0][1].lower()


def test_translations_object_reports_missing_language(qtbot):
    translations = Translations()
    try:
        assert translations.install("id")
        assert translations.language == "id"
    finally:
        translations.uninstall()
    assert translations.language == "en"


def test_system_theme_is_followed_while_the_choice_is_system(qtbot, context, monkeypatch):
    from ui import theme

    app = QApplication.instance()
    choice = {"now": "system"}
    theme.follow_system_changes(app, lambda: choice["now"], context.theme)
    monkeypatch.setattr(theme, "system_theme", lambda: "dark")
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert context.theme.name == "dark"
    choice["now"] = "light"
    apply_theme(app, "light", context.theme)
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert context.theme.name == "light", "an explicit choice wins over the system"


def test_an_indonesian_system_gets_indonesian_by_default(monkeypatch):
    from PySide6.QtCore import QLocale

    class IndonesianSystem(QLocale):
        @staticmethod
        def system() -> QLocale:
            return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)

    monkeypatch.setattr("ui.i18n.QLocale", IndonesianSystem)
    assert system_language() == "id"
    assert preferred_language(None) == "id"
    QSettings().setValue("interface/language", "en")
    assert preferred_language(None) == "en"


def test_qt_dialog_buttons_speak_indonesian_too(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    translations = Translations()
    try:
        translations.install("id")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(buttons)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == "Batal"
    finally:
        translations.uninstall()


def _rebuild_box_in_dark(qtbot, window, measure) -> float:
    """Open Publish from the menu bar in the dark theme and return ``measure(box)`` of
    its "Rebuild every file" box (a screenshot of the dialog is saved as well)."""
    from PySide6.QtWidgets import QCheckBox

    from tests.ui.driving import menu_action, when_modal
    from tests.ui.screens import save_screenshot
    from ui.publish_dialog import PublishDialog

    apply_theme(QApplication.instance(), "dark", window.context.theme)
    seen: list[float] = []

    def look(dialog: PublishDialog) -> None:
        box = dialog.findChild(QCheckBox)
        assert box is not None and not box.isChecked()
        seen.append(measure(box))
        save_screenshot(
            dialog, f"publish-dialog-dark-{'ticked' if box.isChecked() else 'unticked'}"
        )
        dialog.reject()

    when_modal(PublishDialog, look)
    menu_action(window, "site.publish").trigger()
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_an_unticked_box_is_seen_in_the_dark_theme(qtbot, window):
    """Publish's "Rebuild every file" box, unticked, stands out from the dark window
    (it was a dark square on a dark window)."""

    def contrast(box) -> float:
        shot = box.grab().toImage()
        background = box.palette().window().color().lightness()
        return max(
            abs(shot.pixelColor(x, y).lightness() - background)
            for x in range(min(20, shot.width()))
            for y in range(shot.height())
        )

    assert _rebuild_box_in_dark(qtbot, window, contrast) >= 60, "the unticked box is hardly seen"


def test_a_ticked_box_is_outlined_in_the_dark_theme(qtbot, window):
    """Publish's "Rebuild every file" box, ticked with a click: its edge stands out from
    the dark window, not only the tick inside it."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    def edge_contrast(box) -> float:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert box.isChecked()
        option = QStyleOptionButton()
        box.initStyleOption(option)
        mark = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        shot = box.grab().toImage()
        background = box.palette().window().color().lightness()
        # The indicator's left edge, where an outline is drawn and the tick never is.
        edge = [
            abs(shot.pixelColor(mark.left(), y).lightness() - background)
            for y in range(mark.top() + 2, mark.bottom() - 1)
        ]
        return sum(edge) / len(edge)

    seen = _rebuild_box_in_dark(qtbot, window, edge_contrast)
    assert seen >= 60, f"the ticked box has no visible edge ({seen:.0f})"
