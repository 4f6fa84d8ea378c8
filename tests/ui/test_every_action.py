"""Every action of the registry, triggered from its menu and from its shortcut, does what
its name says.

Each action is taken from the menu bar's own menu (``QAction.trigger``) and then, where
it has a key, pressed on the keyboard in the pane where it works. An exception in any
slot fails the test (pytest-qt catches exceptions raised inside Qt's calls), and each
action has an effect to look at: text inserted, a dialog opened, a pane shown, an
article made. A new action without an entry below fails ``test_every_action_is_checked``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog

from editor.articles import get_article
from editor.database import Database
from editor.people import list_people
from editor.revisions import list_revisions
from tests.ui.driving import describe_when_asked, menu_action, type_file_path, when_modal
from ui.editor_pane.related_dialog import RelatedArticleDialog
from ui.file_dialogs import FileDialog
from ui.main_window import MainWindow
from ui.preferences import PreferencesDialog
from ui.publish_dialog import PublishDialog
from ui.revisions_dialog import RevisionsDialog
from ui.spelling.newsroom_dialog import NewsroomDictionaryDialog
from ui.sync.sign_in_dialog import NewsroomSignInDialog
from ui.workflow.audit_view import AuditDialog
from ui.workflow.calendar_view import CalendarDialog
from ui.workflow.profile import ProfileDialog

Fire = Callable[[], None]


@pytest.fixture
def window(laptop_window: MainWindow) -> MainWindow:
    return laptop_window


class Dialogs:
    """Closes the next modal dialog that opens (Escape, as a person would) and says which
    kind it was; or lets ``act`` answer it."""

    def __init__(self) -> None:
        self.seen: list[QDialog] = []
        self.kinds: list[str] = []

    def answer(self, act: Callable[[Any], None] | None = None) -> None:
        # Once its exec loop runs, however long a loaded machine takes to open it, and
        # never past the end of this test (tests.ui.driving.when_modal).
        def handle(dialog: QDialog) -> None:
            self.kinds.append(type(dialog).__name__)
            self.seen.append(dialog)
            if act is not None:
                act(dialog)
            else:
                dialog.reject()

        when_modal(QDialog, handle)


@dataclass
class World:
    qtbot: Any
    main: MainWindow
    db: Database
    dialogs: Dialogs
    messages: list[tuple[str, str]]
    tmp: Path

    def body_text(self) -> str:
        return self.main.editor.body.toPlainText()

    def focus_body_at_end(self) -> None:
        body = self.main.editor.body
        body.setFocus()
        cursor = body.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("\n\n")
        body.setTextCursor(cursor)


def _opens(kind: type) -> Callable[[World, Fire], None]:
    def check(world: World, fire: Fire) -> None:
        world.dialogs.answer()
        fire()
        world.qtbot.waitUntil(lambda: kind.__name__ in world.dialogs.kinds)
        world.dialogs.kinds.clear()

    return check


def _inserts(text: str, answer: Callable[[World], Callable[[Any], None]] | None = None):
    def check(world: World, fire: Fire) -> None:
        world.focus_body_at_end()
        before = world.body_text().count(text)
        if answer is not None:
            world.dialogs.answer(answer(world))
        fire()
        assert world.body_text().count(text) == before + 1

    return check


def _prefixes(prefix: str) -> Callable[[World, Fire], None]:
    def check(world: World, fire: Fire) -> None:
        world.focus_body_at_end()
        world.main.editor.body.insertPlainText("Satu baris")
        fire()
        assert world.body_text().endswith(prefix + "Satu baris")

    return check


def _pick_photo(world: World) -> Callable[[Any], None]:
    # The media library notes who brings a picture: someone works here.
    world.main.workflow.set_person(next(p for p in list_people(world.db) if p.role == "editor"))
    # A new picture each time: the library asks for its description once.
    taken = len(list(world.tmp.glob("foto-*.png")))
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(40 * taken, 60, 90))
    path = world.tmp / f"foto-{taken}.png"
    image.save(str(path))

    type_file_path(path)
    describe_when_asked("Warna merah")  # asked after the file dialog has closed
    return lambda _dialog: None  # the answers above do the typing


def _pick_related(world: World) -> Callable[[Any], None]:
    def act(dialog: RelatedArticleDialog) -> None:
        dialog.query.setText("NATO")
        dialog.run_search()
        dialog.hits.setCurrentRow(0)
        dialog.accept()

    return act


def _new(world: World, fire: Fire) -> None:
    before = world.main.list_pane.model.total()
    opened = world.main.editor.record_id()
    fire()
    assert world.main.list_pane.model.total() == before + 1
    assert world.main.editor.record_id() not in (None, opened)


def _duplicate(world: World, fire: Fire) -> None:
    headline = world.main.editor.form.headline.text()
    before = world.main.list_pane.model.total()
    fire()
    assert world.main.list_pane.model.total() == before + 1
    assert headline in world.main.editor.form.headline.text()


def _save(world: World, fire: Fire) -> None:
    article_id = world.main.editor.record_id()
    world.focus_body_at_end()
    world.qtbot.keyClicks(world.main.editor.body, "Disimpan")
    before = len(list_revisions(world.db, article_id))
    fire()
    assert len(list_revisions(world.db, article_id)) == before + 1
    assert get_article(world.db, article_id).body.endswith("Disimpan")


def _trash(world: World, fire: Fire) -> None:
    article_id = world.main.list_pane.current_id()
    fire()
    assert get_article(world.db, article_id).status == "trashed"


def _restore(world: World, fire: Fire) -> None:
    article_id = world.main.list_pane.current_id()
    menu_action(world.main, "article.trash").trigger()
    world.main.list_pane.show_trash(True)
    assert world.main.list_pane.select_article(article_id)
    world.main.open_article(article_id)
    fire()
    assert get_article(world.db, article_id).status != "trashed"


def _browser(world: World, fire: Fire) -> None:
    opened: list[str] = []
    original = QDesktopServices.openUrl
    QDesktopServices.openUrl = lambda url: opened.append(url.toLocalFile()) or True  # type: ignore[method-assign]
    try:
        fire()
    finally:
        QDesktopServices.openUrl = original  # type: ignore[method-assign]
    assert len(opened) == 1 and Path(opened[0]).is_file()


def _focus_search(world: World, fire: Fire) -> None:
    world.main.list_pane.view.setFocus()
    fire()
    assert QApplication.focusWidget() is world.main.list_pane.filter_bar.search


def _toggle_trash(world: World, fire: Fire) -> None:
    before = world.main.list_pane.showing_trash()
    fire()
    assert world.main.list_pane.showing_trash() is not before


def _toggle_preview(world: World, fire: Fire) -> None:
    before = world.main.preview.isVisible()
    fire()
    assert world.main.preview.isVisible() is not before


def _toggle_workflow(world: World, fire: Fire) -> None:
    panel = world.main.workflow.panel
    before = panel.isVisible()
    fire()
    world.qtbot.waitUntil(lambda: panel.isVisible() is not before, timeout=2000)
    assert world.main.registry.action("view.workflow").isChecked() is not before


def _focus_list(world: World, fire: Fire) -> None:
    world.main.editor.body.setFocus()
    fire()
    assert QApplication.focusWidget() is world.main.list_pane.view


def _focus_editor(world: World, fire: Fire) -> None:
    world.main.list_pane.view.setFocus()
    fire()
    assert QApplication.focusWidget() is world.main.editor.body


def _dashboard(world: World, fire: Fire) -> None:
    fire()
    world.qtbot.waitUntil(lambda: getattr(world.main, "dashboard", None) is not None)
    assert world.main.dashboard.isVisible()
    world.main.dashboard.close()


def _import_window(world: World, fire: Fire) -> None:
    fire()
    world.qtbot.waitUntil(lambda: getattr(world.main, "import_dialog", None) is not None)
    assert world.main.import_dialog.isVisible()
    world.main.import_dialog.close()


def _quit(world: World, fire: Fire) -> None:
    fire()
    assert not world.main.isVisible()


def _about(world: World, fire: Fire) -> None:
    fire()
    assert world.messages and world.messages[-1][0] == "about"
    assert "Redaksi" in world.messages[-1][1]


def _budget(world: World, fire: Fire) -> None:
    world.dialogs.answer()
    fire()
    world.qtbot.waitUntil(lambda: bool(world.dialogs.seen))
    assert world.dialogs.seen[-1].findChild(QDateEdit) is not None


def _find(world: World, fire: Fire) -> None:
    world.main.editor.body.setFocus()
    fire()
    assert world.main.editor.find_bar.isVisible()
    assert QApplication.focusWidget() is world.main.editor.find_bar.find_field
    world.main.editor.find_bar.hide()


def _replace(world: World, fire: Fire) -> None:
    world.main.editor.body.setFocus()
    fire()
    assert world.main.editor.find_bar.replace_field.isVisible()
    world.main.editor.find_bar.hide()


def _undo(world: World, fire: Fire) -> None:
    world.focus_body_at_end()
    before = world.body_text()
    world.qtbot.keyClicks(world.main.editor.body, "salah ketik")
    fire()
    assert world.body_text() == before


def _redo(world: World, fire: Fire) -> None:
    world.focus_body_at_end()
    world.qtbot.keyClicks(world.main.editor.body, "diulang")
    menu_action(world.main, "edit.undo").trigger()
    assert not world.body_text().endswith("diulang")
    world.main.editor.body.setFocus()
    fire()
    assert world.body_text().endswith("diulang")


def _paste_plain(world: World, fire: Fire) -> None:
    from PySide6.QtCore import QMimeData

    world.focus_body_at_end()
    copied = QMimeData()
    copied.setHtml("<p>kata <b>tebal</b></p>")
    copied.setText("kata tebal")
    QApplication.clipboard().setMimeData(copied)
    try:
        fire()
        assert world.body_text().endswith("kata tebal")
    finally:
        QApplication.clipboard().clear()  # data left there crashes Qt as Python exits


def _media_library(world: World, fire: Fire) -> None:
    # A window beside the editor, not a modal dialog: its thumbnails show, then it closes.
    fire()
    world.qtbot.waitUntil(
        lambda: world.main.media_browser is not None and world.main.media_browser.isVisible()
    )
    assert world.main.media_browser.grid.count() > 0
    world.main.media_browser.close()


def _needs_a_server(world: World, fire: Fire) -> None:
    # Signing out and syncing belong to a replica of a newsroom server (tests/ui/sync
    # drives them there); on a newsroom on this machine they are offered disabled.
    fire()


#: action id -> (where the keyboard is when its key is pressed, the check).
CHECKS: dict[str, tuple[str, Callable[[World, Fire], None]]] = {
    "article.new": ("list", _new),
    "article.duplicate": ("list", _duplicate),
    "article.save": ("body", _save),
    "article.trash": ("list", _trash),
    "article.restore": ("list", _restore),
    "article.revisions": ("list", _opens(RevisionsDialog)),
    "article.browser": ("list", _browser),
    "list.search": ("list", _focus_search),
    "view.trash": ("list", _toggle_trash),
    "view.preview": ("list", _toggle_preview),
    "view.workflow": ("list", _toggle_workflow),
    "view.focus_list": ("body", _focus_list),
    "view.focus_editor": ("list", _focus_editor),
    "view.dashboard": ("list", _dashboard),
    "site.publish": ("list", _opens(PublishDialog)),
    "spelling.newsroom": ("list", _opens(NewsroomDictionaryDialog)),
    "media.library": ("list", _media_library),
    "app.preferences": ("list", _opens(PreferencesDialog)),
    "app.quit": ("list", _quit),
    "file.import": ("list", _import_window),
    "file.open_package": ("list", _opens(FileDialog)),
    "file.send_package": ("list", _opens(FileDialog)),
    "help.about": ("list", _about),
    "newsroom.sign_in": ("list", _opens(NewsroomSignInDialog)),
    "newsroom.sign_out": ("list", _needs_a_server),
    "newsroom.sync": ("list", _needs_a_server),
    "profile.switch": ("list", _opens(ProfileDialog)),
    "workflow.audit": ("list", _opens(AuditDialog)),
    "workflow.calendar": ("list", _opens(CalendarDialog)),
    "workflow.budget": ("list", _budget),
    "edit.bold": ("body", _inserts("**bold text**")),
    "edit.italic": ("body", _inserts("*italic text*")),
    "edit.heading": ("body", _prefixes("## ")),
    "edit.link": ("body", _inserts("[link text](https://)")),
    "edit.quote": ("body", _prefixes("> ")),
    "edit.list": ("body", _prefixes("- ")),
    "edit.image": ("body", _inserts("](media:", _pick_photo)),
    "edit.pullquote": ("body", _inserts("> [!kutipan] Quoted words")),
    "edit.related": ("body", _inserts("Baca juga: [", _pick_related)),
    "edit.find": ("body", _find),
    "edit.replace": ("body", _replace),
    "edit.undo": ("body", _undo),
    "edit.redo": ("body", _redo),
    "edit.paste_plain": ("body", _paste_plain),
}
SERVER_ONLY = {"newsroom.sign_out", "newsroom.sync"}


def test_every_action_is_checked(window):
    assert set(window.registry.ids()) == set(CHECKS)


def _press(world: World, action_id: str, where: str) -> Fire:
    main = world.main
    sequence = main.registry.action(action_id).shortcut()

    def fire() -> None:
        assert main.registry.action(action_id).isEnabled()
        main.activateWindow()
        world.qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=2000)
        target = QApplication.focusWidget()
        wanted = main.editor.body if where == "body" else main.list_pane.view
        if target is None or target.window() is not main:
            target = wanted
            target.setFocus()
        chord = sequence[0]
        world.qtbot.keyClick(target, chord.key(), chord.keyboardModifiers())

    return fire


@pytest.mark.parametrize("action_id", sorted(CHECKS))
def test_action_from_its_menu_and_its_shortcut(
    action_id, qtbot, window, demo_db, qt_messages, tmp_path
):
    where, check = CHECKS[action_id]
    world = World(qtbot, window, demo_db, Dialogs(), qt_messages, tmp_path)
    action = menu_action(window, action_id)
    if action_id in SERVER_ONLY:
        assert not action.isEnabled()
        return

    def from_menu() -> None:
        # After the check's own preparation (Undo needs something typed first).
        assert action.isEnabled(), f"{action_id} is disabled with an article open"
        action.trigger()

    check(world, from_menu)

    if action.shortcut().isEmpty():
        return
    if action_id == "app.quit":
        return
    if action_id == "article.new":
        window.list_pane.view.setFocus()
    check(world, _press(world, action_id, where))
