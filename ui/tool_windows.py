"""The windows and dialogs the main window opens beside the newsroom: dashboard,
publish, media library, newsroom dictionary, import, preferences and About.

Each module behind them is imported only when first opened, so start-up stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from editor import __version__

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ToolWindows:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def show_dashboard(self) -> None:
        """Open (or raise) the dashboard window; pyqtgraph is imported only now."""
        window = self.window
        if window.db is None:
            return
        from ui.dashboard.window import show_dashboard

        window.dashboard = show_dashboard(window)

    def publish_site(self) -> None:
        window = self.window
        if window.db is None or not window.flush():
            return
        from ui.publish_dialog import PublishDialog

        PublishDialog(window.db, window.context.settings, window).exec()

    def show_media_library(self) -> None:
        """Open (or raise) the media library beside the editor."""
        window = self.window
        if window.db is not None:
            from ui.media.opening import show_media_library

            window.media_browser = show_media_library(window)

    def show_newsroom_dictionary(self) -> None:
        window = self.window
        if window.db is not None:
            window.newsroom_words.show_dialog(window)

    def import_articles(self) -> None:
        """File → Import: a window of its own, so the newsroom stays usable meanwhile."""
        window = self.window
        if window.db is None or not window.flush():
            return
        from ui.import_dialog import open_import

        window.import_dialog = open_import(window, window.db, window._actor_id())

    def show_preferences(self) -> None:
        from ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.window.context, self.window)
        if dialog.exec():
            self.apply_preferences(dialog)

    def apply_preferences(self, dialog: Any) -> None:
        """Take over what the preferences dialog changed (it saved them already)."""
        from ui.theme import apply_theme

        window = self.window
        context = window.context
        context.settings = dialog.settings()
        context.theme_choice = dialog.theme_choice()
        apply_theme(QApplication.instance(), context.theme_choice, context.theme)
        language = dialog.language()
        if language != context.translations.language:
            context.translations.install(language)
        window.status.set_language(context.translations.language)
        window.status.set_zone(context.settings.zone)
        window.list_pane.model.set_zone(context.settings.zone)
        window.spelling.reload_preferences()
        window.list_pane.filter_bar.set_zone(context.settings.zone)
        if window.autosave is not None and hasattr(window.autosave, "set_interval"):
            window.autosave.set_interval(window._autosave_interval())
        if window._open_id is not None:
            window.preview.show_record(window.editor.current_record(), context.settings)

    def show_about(self) -> None:
        window = self.window
        QMessageBox.about(
            window,
            QCoreApplication.translate("MainWindow", "About Redaksi"),
            QCoreApplication.translate(
                "MainWindow",
                "<h3>Redaksi %1</h3><p>A desktop newsroom editor: draft, review, "
                "schedule and publish.</p><p>Licensed under the GPL, version 3 or later.</p>",
            ).replace("%1", __version__),
        )
