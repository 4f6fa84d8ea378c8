"""Render spell checking to PNGs in the light and dark themes, for the README.

    python -m ui.spelling.screenshots docs/screenshots

Four pictures per theme: the underlines as the editor shows them, the menu of a right-click
on a misspelt word, the checklist's warning when an editor presses Publish, and Tools →
Newsroom dictionary. Builds a
small newsroom in a temporary folder (nothing of the user's is read or changed), opens the
real main window offscreen with the shipped fonts on a screen of a fixed size, and drives
it as a person would: a right-click, a press of the Publish button. Menus and message boxes
are windows of their own; each is painted over the window at the place it opened.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The offscreen screen: big enough that a menu opens where it would on a desktop.
SCREEN = (1600, 1000)
WINDOW = (1366, 768)
ZONE = "Asia/Jakarta"
HEADLINE = "Warga Antri Bantuan Sembako di Pluit"
BODY = (
    "Kemaren sore, ratusan warga antri di kantor Kelurahan Pluit dimana bantuan sembako "
    "dibagikan. Petugas Basarnas ikut mengatur antrean.\n\n"
    "Pemerintha menyiapkan anggaran Rp. 4,5 Triliun untuk bantuan itu hingga akhir tahun, "
    "kata Menteri Keuangan Sri Mulyani Indrawati.\n\n"
    "Warga berharap praktek pembagian seperti ini tidak merubah data penerima yang sudah "
    "terdaftar di kelurahan."
)
NEWSROOM_WORDS = ("Pluit", "Basarnas", "Mulyani", "Indrawati")
MISSPELT = "Pemerintha"


def _offscreen_screen(folder: Path) -> None:
    """Qt's offscreen platform with a screen of ``SCREEN`` (its own is 800 by 800)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
        config = folder / "screens.json"
        width, height = SCREEN
        screen = {"name": "shot", "x": 0, "y": 0, "width": width, "height": height}
        config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def build_newsroom(path: Path) -> dict[str, Any]:
    """An editor, a reporter and an approved story with the slips of a busy desk."""
    from editor.articles import create_article
    from editor.database import open_database
    from editor.people import create_person
    from editor.records import ArticleDraft
    from editor.sections import create_section
    from editor.spelling.words import add_words

    db = open_database(f"sqlite:///{path}")
    editor = create_person(db, "Budi Santoso", role="editor", handle="budi")
    reporter = create_person(db, "Sarah Meiliana Gunawan", role="reporter", handle="sarah")
    section = create_section(db, "Metropolitan")
    add_words(db, NEWSROOM_WORDS, actor_id=editor.id)
    record = create_article(
        db,
        ArticleDraft(
            headline=HEADLINE,
            body=BODY,
            section_id=section.id,
            byline_ids=(reporter.id,),
            lead_image="antrean.jpg",
            lead_image_caption="Warga menunggu pembagian sembako di Pluit",
            lead_image_credit="Redaksi/Sarah",
            status="approved",
        ),
    )
    return {"db": db, "editor": editor, "article_id": record.id}


def render(out_dir: Path) -> list[Path]:
    folder = Path(tempfile.mkdtemp(prefix="redaksi-spelling-shots-"))
    # The person's dictionary and settings files go to the temporary folder too.
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(folder / variable.lower())
    _offscreen_screen(folder)
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from ui.theme import apply_fonts

    app = QApplication.instance() or QApplication(["redaksi-screenshots"])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("RedaksiScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    apply_fonts(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    made = build_newsroom(folder / "newsroom.db")
    written: list[Path] = []
    try:
        for theme in ("light", "dark"):
            written += _shots(app, made, folder, out_dir, theme)
    finally:
        made["db"].close()
    return written


def _shots(app: Any, made: dict[str, Any], folder: Path, out_dir: Path, theme: str) -> list[Path]:
    from PySide6.QtCore import QPoint, QRect, QSettings, Qt

    from editor.config import Settings
    from ui.main_window import AppContext, MainWindow
    from ui.theme import apply_theme
    from ui.workflow.profile import PROFILE_KEY

    QSettings().setValue(PROFILE_KEY, str(made["editor"].id))
    context = AppContext(
        settings=Settings(database_url=made["db"].url, zone=ZONE), data_dir=folder / "data"
    )
    context.theme_choice = theme
    apply_theme(app, theme, context.theme)
    context.translations.install("en")
    window = MainWindow(context)
    window.resize(*WINDOW)
    window.fit_splitter(WINDOW[0])
    window.show()
    window.attach_database(made["db"], select=made["article_id"])
    # The editor and the Workflow panel (with Publish) side by side, as an editor works.
    preview = window.registry.action("view.preview")
    if preview.isChecked():
        preview.trigger()
    window.activateWindow()
    _wait(app, lambda: _checked(window))
    workflow = window.registry.action("view.workflow")
    for _ in range(2):  # the panel comes after the first paint, hidden on narrow windows
        if not window.workflow.dock.isVisible():
            workflow.trigger()
    _wait(app, window.workflow.dock.isVisible)
    editor = window.editor
    written = [_save(_text_part(editor), out_dir / f"spelling-underlines-{theme}.png")]

    def menu_open(popup: Any) -> None:
        # The editor and the whole menu, which may reach past the editor's edge.
        origin = window.mapToGlobal(window.rect().topLeft())
        shown = QRect(editor.mapTo(window, QPoint(0, 0)), _text_part(editor).size())
        shown = shown.united(QRect(popup.pos() - origin, popup.size()).adjusted(0, 0, 12, 16))
        picture = _over(window, popup).copy(shown.intersected(window.rect()))
        written.append(_save(picture, out_dir / f"spelling-menu-{theme}.png"))
        popup.close()

    _when_popup(app, menu_open)
    _right_click(editor.body, MISSPELT)

    def warning_open(box: Any) -> None:
        path = out_dir / f"spelling-checklist-{theme}.png"
        written.append(_save(_over(window, box), path))
        box.reject()

    _when_popup(app, warning_open, modal=True)
    window.workflow.bar.buttons["published"].click()

    def dictionary_open(dialog: Any) -> None:
        path = out_dir / f"spelling-dictionary-{theme}.png"
        written.append(_save(_over(window, dialog), path))
        dialog.reject()

    _when_popup(app, dictionary_open, modal=True)
    window.registry.action("spelling.newsroom").trigger()
    window.autosave.shutdown()
    window.workflow.shutdown()
    window.hide()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    context.translations.uninstall()
    app.processEvents()
    return written


def _checked(window: Any) -> bool:
    body = window.editor.body
    return body.checker() is not None and not body.spell_check_running()


def _wait(app: Any, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the editor did not finish checking in time")
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def _when_popup(app: Any, act: Callable[[Any], None], *, modal: bool = False) -> None:
    """Call ``act`` with the menu (or the modal box) once it is open and painted."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def look() -> None:
        found = QApplication.activeModalWidget() if modal else QApplication.activePopupWidget()
        if found is None or not found.isVisible():
            QTimer.singleShot(30, look)
            return
        for _ in range(3):
            app.processEvents()
        act(found)

    QTimer.singleShot(50, look)


def _right_click(body: Any, word: str) -> None:
    from PySide6.QtGui import QContextMenuEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    cursor = QTextCursor(body.document())
    cursor.setPosition(body.toPlainText().index(word) + 2)
    point = body.cursorRect(cursor).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, body.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(body.viewport(), event)


def _text_part(editor: Any) -> Any:
    """The editor down to a little below the last line of the body."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QTextCursor

    body = editor.body
    cursor = QTextCursor(body.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    bottom = body.mapTo(editor, QPoint(0, body.cursorRect(cursor).bottom())).y() + 40
    return editor.grab(QRect(0, 0, editor.width(), min(bottom, editor.height())))


def _over(base: Any, popup: Any) -> Any:
    """``base`` with ``popup`` painted where it opened on the screen, in the frame (and,
    for a message box, the title bar) a desktop would draw: offscreen draws none."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPalette

    picture = base.grab()
    painter = QPainter(picture)
    place = popup.pos() - base.mapToGlobal(base.rect().topLeft())
    palette = popup.palette()
    inner = popup.grab()
    # What a desktop draws around a menu or a window: a frame, a soft shadow, a title.
    title_height = 28 if popup.windowTitle() else 0
    frame = QRect(place.x() - 1, place.y() - title_height - 1, inner.width() + 2, 0)
    frame.setHeight(inner.height() + title_height + 2)
    painter.fillRect(frame.translated(3, 4), QColor(0, 0, 0, 60))
    painter.fillRect(frame, palette.color(QPalette.ColorRole.Mid))
    if title_height:
        title = QRect(place.x(), place.y() - title_height, inner.width(), title_height)
        painter.fillRect(title, palette.color(QPalette.ColorRole.Button))
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        font = popup.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(title, Qt.AlignmentFlag.AlignCenter, popup.windowTitle())
    painter.drawPixmap(place, inner)
    painter.end()
    return picture


def _save(picture: Any, path: Path) -> Path:
    if not picture.save(str(path)):
        raise OSError(f"Could not write {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    from ui.workflow.screenshots import write_pictures

    return write_pictures(render, argv)


if __name__ == "__main__":
    raise SystemExit(main())
