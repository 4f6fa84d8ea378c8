"""Opening app windows on replicas and signing in through the menu, with real input."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from editor.config import Settings
from editor.database import Database
from tests.ui.driving import menu_action, when_modal
from ui.main_window import AppContext, MainWindow
from ui.sync.sign_in_dialog import NewsroomSignInDialog


def open_window(qtbot, windows: list[MainWindow], db: Database, home: Path) -> MainWindow:
    """The app on ``db`` with its own data folder, as on another computer."""
    context = AppContext(settings=Settings(database_url=db.url), data_dir=home / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.fit_splitter(1366)
    main.show()
    qtbot.waitExposed(main)
    main.attach_database(db)
    windows.append(main)
    return main


def close_windows(windows: list[MainWindow]) -> None:
    for main in windows:
        main.sync.detach()
        if main.autosave is not None:
            main.autosave.shutdown()
        if main.workflow is not None:
            main.workflow.shutdown()
        main.context.translations.uninstall()


def fill_sign_in(
    qtbot, dialog: NewsroomSignInDialog, password: str, url: str = "", handle: str = ""
) -> None:
    """Type into the sign-in dialog as a person would (what is already there stays when
    ``url`` or ``handle`` is empty) and press Return."""
    for field, text in ((dialog.server, url), (dialog.handle, handle)):
        if text:
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, text)
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def sign_in_from_menu(
    qtbot, main: MainWindow, url: str, handle: str, passwords: list[str]
) -> list[str]:
    """File → Sign in to newsroom…, trying each password in turn; the refusals shown."""
    refusals: list[str] = []

    def fill(dialog: object) -> None:
        assert isinstance(dialog, NewsroomSignInDialog)
        for number, password in enumerate(passwords):
            if number:
                fill_sign_in(qtbot, dialog, password)
            else:
                fill_sign_in(qtbot, dialog, password, url, handle)
            qtbot.waitUntil(lambda: not dialog.busy(), timeout=15000)
            if dialog.isVisible():
                refusals.append(dialog.message.text())
        if dialog.isVisible():
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    when_modal(NewsroomSignInDialog, fill)
    menu_action(main, "newsroom.sign_in").trigger()
    return refusals
