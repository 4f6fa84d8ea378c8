"""Two editors on one newsroom, a window nobody signed in to, and "Open in browser" on a
shared machine: a take-over stops the old window at once and keeps its words, the loser
of a save conflict is kept under its author's name, nobody writes without signing in,
and the browser page is written where nobody else can plant a link."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from editor.articles import get_article
from editor.config import Settings
from editor.database import Database, open_database
from editor.listing import list_articles
from editor.people import create_person
from editor.records import ArticleQuery, PersonRecord
from editor.revisions import list_revisions
from editor.workflow import passwords
from editor.workflow.audit import audit_log
from editor.workflow.passwords import set_password
from tests.ui.driving import menu_action, when_modal
from tests.ui.workflow_newsroom import BODY, Newsroom, make_newsroom
from ui.conflict_dialog import ConflictDialog
from ui.main_window import AppContext, MainWindow
from ui.revisions_dialog import RevisionsDialog
from ui.workflow.profile import PROFILE_KEY, ProfileDialog

PASSWORD = "kopi tubruk pagi"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Quick password hashes: these tests sign in many times."""
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)


@pytest.fixture
def shared(pg_url: str) -> Iterator[Callable[[], Database]]:
    """A PostgreSQL newsroom; each call opens another handle on it (another workstation)."""
    handles: list[Database] = []

    def connect() -> Database:
        handles.append(open_database(pg_url))
        return handles[-1]

    yield connect
    for handle in handles:
        handle.close()


@pytest.fixture
def editors(shared: Callable[[], Database]) -> tuple[Newsroom, PersonRecord, PersonRecord]:
    """Hendra and Ratna, editors with passwords, and a reporter's newsroom around them."""
    db = shared()
    room = make_newsroom(db)
    hendra = create_person(db, "Hendra Wijaya", role="editor", handle="hendra")
    ratna = create_person(db, "Ratna Sari Dewi", role="editor", handle="ratna")
    for person in (hendra, ratna):
        set_password(db, person.id, PASSWORD, actor_id=person.id)
    return room, hendra, ratna


def open_window(qtbot, windows, db: Database, home: Path, select=None) -> MainWindow:
    """The app on ``db`` with its own data folder, as on another workstation."""
    context = AppContext(settings=Settings(database_url=db.url), data_dir=home / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.attach_database(db, select=select)
    windows.append(main)
    return main


def sign_in(qtbot, main: MainWindow, handle: str, password: str = PASSWORD) -> list[str]:
    """Sign in through Article → Switch profile; the dialog's messages (empty on success)."""
    messages: list[str] = []

    def fill(dialog: ProfileDialog) -> None:
        dialog.handle.clear()
        qtbot.keyClicks(dialog.handle, handle)
        qtbot.keyClicks(dialog.password, password)
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)
        if dialog.isVisible():  # refused: note why, then give up
            messages.append(dialog.message.text())
            qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.LeftButton)

    when_modal(ProfileDialog, fill)
    menu_action(main, "profile.switch").trigger()
    return messages


def type_at_end(qtbot, main: MainWindow, text: str) -> None:
    """Type ``text`` at the end of the body, Return for each line break."""
    main.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(main.editor.body, Qt.Key.Key_Return)
        qtbot.keyClicks(main.editor.body, line)


@pytest.mark.postgres
def test_a_take_over_stops_the_old_window_at_once_and_keeps_its_words(
    qtbot, windows, shared, editors, tmp_path
):
    room, _hendra, _ratna = editors
    article = room.article("draft")
    hendra_db, ratna_db = shared(), shared()
    hendra_win = open_window(qtbot, windows, hendra_db, tmp_path / "hendra", article.id)
    assert sign_in(qtbot, hendra_win, "hendra") == []
    assert hendra_win.workflow.locks.holding
    hendra_win.autosave.set_interval(300)
    type_at_end(qtbot, hendra_win, "\n\nKalimat pertama Hendra.")
    qtbot.waitUntil(lambda: "Kalimat pertama" in get_article(ratna_db, article.id).body)

    ratna_win = open_window(qtbot, windows, ratna_db, tmp_path / "ratna", article.id)
    assert sign_in(qtbot, ratna_win, "ratna") == []
    banner = ratna_win.workflow.banner
    assert banner.isVisible() and "Hendra Wijaya" in banner.label.text()
    qtbot.mouseClick(banner.take_over_button, Qt.MouseButton.LeftButton)
    assert not ratna_win.editor.body.isReadOnly()

    # Hendra types on before his window has looked at the lock again.
    type_at_end(qtbot, hendra_win, " Kalimat kedua Hendra.")
    qtbot.waitUntil(hendra_win.editor.body.isReadOnly, timeout=5000)

    shown = hendra_win.workflow.banner
    assert shown.isVisible() and "Ratna Sari Dewi" in shown.label.text()
    assert "kept as revision" in shown.label.text()
    assert "Kalimat kedua" not in get_article(ratna_db, article.id).body  # never saved over
    kept = [r for r in list_revisions(ratna_db, article.id) if "Kalimat kedua Hendra." in r.body]
    assert [(r.kind, r.author) for r in kept] == [("takeover", "Hendra Wijaya")]
    before = hendra_win.editor.body.toPlainText()
    type_at_end(qtbot, hendra_win, " Ketikan yang tidak boleh masuk.")
    assert hendra_win.editor.body.toPlainText() == before
    restorable: list[bool] = []

    def look(dialog: RevisionsDialog) -> None:
        dialog.select_rows(0)
        restorable.append(dialog.restore_button.isEnabled())
        dialog.accept()

    when_modal(RevisionsDialog, look)
    menu_action(hendra_win, "article.revisions").trigger()
    assert restorable == [False]  # nor can he put an old version back from here

    # Ratna saves her sentence; nothing of Hendra's is lost and no conflict stands between.
    type_at_end(qtbot, ratna_win, " Kalimat Ratna.")
    menu_action(ratna_win, "article.save").trigger()
    stored = get_article(hendra_db, article.id)
    assert stored.body.endswith("Kalimat pertama Hendra. Kalimat Ratna.")
    assert list_revisions(hendra_db, article.id)[0].author == "Ratna Sari Dewi"


@pytest.mark.postgres
@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs"])
def test_the_version_that_loses_a_conflict_is_kept_under_its_authors_name(
    qtbot, windows, shared, editors, tmp_path, choice
):
    room, _hendra, _ratna = editors
    article = room.article("submitted")
    hendra_db, ratna_db = shared(), shared()
    hendra_win = open_window(qtbot, windows, hendra_db, tmp_path / "hendra", article.id)
    assert sign_in(qtbot, hendra_win, "hendra") == []
    hendra_win.autosave.set_interval(60_000)  # his typing waits for Ctrl+S
    type_at_end(qtbot, hendra_win, "\n\nTambahan dari Hendra.")

    # Meanwhile Ratna, in her window, takes the article into review: a new stored version.
    ratna_win = open_window(qtbot, windows, ratna_db, tmp_path / "ratna", article.id)
    assert sign_in(qtbot, ratna_win, "ratna") == []
    qtbot.mouseClick(ratna_win.workflow.bar.buttons["in_review"], Qt.MouseButton.LeftButton)
    assert get_article(hendra_db, article.id).status == "in_review"

    def answer(dialog: ConflictDialog) -> None:
        button = dialog.keep_mine_button if choice == "keep_mine" else dialog.take_theirs_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_modal(ConflictDialog, answer)
    menu_action(hendra_win, "article.save").trigger()

    stored = get_article(hendra_db, article.id)
    assert stored.status == "in_review"  # a conflict never undoes a status change
    conflict = [r for r in list_revisions(hendra_db, article.id) if r.kind == "conflict"]
    if choice == "keep_mine":
        assert stored.body == BODY + "\n\nTambahan dari Hendra."
        # Ratna's version (hers by the status change) is what lost.
        assert [(r.author, r.body) for r in conflict] == [("Ratna Sari Dewi", BODY)]
    else:
        assert stored.body == BODY
        assert [(r.author, r.body) for r in conflict] == [
            ("Hendra Wijaya", BODY + "\n\nTambahan dari Hendra.")
        ]


@pytest.mark.postgres
def test_a_window_nobody_signed_in_to_is_read_only_and_shows_the_lock(
    qtbot, windows, shared, editors, tmp_path, qt_messages
):
    room, _hendra, _ratna = editors
    article = room.article("draft")
    hendra_win = open_window(qtbot, windows, shared(), tmp_path / "hendra", article.id)
    assert sign_in(qtbot, hendra_win, "hendra") == []
    assert hendra_win.workflow.locks.holding

    stranger_db = shared()
    stranger = open_window(qtbot, windows, stranger_db, tmp_path / "stranger", article.id)
    assert stranger.workflow.session.person is None
    banner = stranger.workflow.banner
    assert banner.isVisible() and "Hendra Wijaya" in banner.label.text()
    assert banner.sign_in_button.isVisible() and not banner.take_over_button.isVisible()
    assert stranger.editor.body.isReadOnly()
    # The app says, as soon as it opens the shared database, what the database itself
    # does not guard.
    assert "anyone who has its password" in stranger.list_pane.notice.text()

    type_at_end(qtbot, stranger, " Coretan orang lain.")
    stranger.autosave.set_interval(200)
    qtbot.wait(600)
    stranger.flush()
    assert get_article(stranger_db, article.id).body == BODY
    count = list_articles(stranger_db, ArticleQuery(include_trashed=True)).total
    menu_action(stranger, "article.new").trigger()
    menu_action(stranger, "article.save").trigger()
    assert list_articles(stranger_db, ArticleQuery(include_trashed=True)).total == count
    assert list_revisions(stranger_db, article.id) == []
    assert sum("Sign in first" in text for _kind, text in qt_messages) == 2


def test_the_app_audits_a_failed_sign_in(qtbot, windows, sqlite_db, tmp_path):
    room = make_newsroom(sqlite_db)
    set_password(sqlite_db, room.editor.id, PASSWORD)
    main = open_window(qtbot, windows, sqlite_db, tmp_path / "ws", room.article("draft").id)
    # A workstation's own file signs in too, once people have passwords.
    assert main.workflow.session.person is None and main.editor.body.isReadOnly()

    messages = sign_in(qtbot, main, "budi", "bukan sandinya")

    assert messages and "Wrong handle or password" in messages[0]
    entry = audit_log(sqlite_db)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("sign_in", "refused", "Budi Santoso")
    assert "wrong password" in entry.note and "app" in entry.note
    assert "bukan sandinya" not in entry.note
    assert sign_in(qtbot, main, "budi") == []
    assert main.workflow.session.person.id == room.editor.id
    assert not main.editor.body.isReadOnly()


def test_revisions_name_who_saved_them(qtbot, windows, sqlite_db, tmp_path):
    room = make_newsroom(sqlite_db)
    article = room.article("draft")
    QSettings().setValue(PROFILE_KEY, str(room.reporter.id))  # this workstation's profile
    main = open_window(qtbot, windows, sqlite_db, tmp_path / "ws", article.id)
    type_at_end(qtbot, main, " Tambahan.")
    menu_action(main, "article.save").trigger()

    authors: list[str] = []

    def read(dialog: RevisionsDialog) -> None:
        column = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        author = column.index("Author")
        authors.extend(
            dialog.model.item(row, author).text() for row in range(dialog.model.rowCount())
        )
        dialog.accept()

    when_modal(RevisionsDialog, read)
    menu_action(main, "article.revisions").trigger()
    assert authors == ["Sarah Meiliana Gunawan"]


def test_open_in_browser_writes_where_nobody_else_can_plant_a_link(
    qtbot, windows, sqlite_db, tmp_path, monkeypatch
):
    room = make_newsroom(sqlite_db)
    article = room.article("draft")
    shared_tmp = tmp_path / "tmp"
    shared_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    # Another user of the machine prepared the folder the app used to write into.
    victim = tmp_path / "precious.txt"
    victim.write_text("jangan ditimpa")
    planted = shared_tmp / "redaksi-preview"
    planted.mkdir()
    for name in (f"{article.id}.html", f"{article.id}.preview.html", "assets"):
        (planted / name).symlink_to(victim)

    main = open_window(qtbot, windows, sqlite_db, tmp_path / "ws", article.id)
    menu_action(main, "article.browser").trigger()

    assert victim.read_text() == "jangan ditimpa"
    [page] = opened
    folder = Path(page).parent
    assert folder != planted and folder.parent == shared_tmp
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and folder.stat().st_uid == os.getuid()
    assert not Path(page).is_symlink() and "Harga Beras Naik" in Path(page).read_text()
