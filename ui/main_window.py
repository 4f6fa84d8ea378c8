"""The main window: article list | editor | preview, with menus, toolbar and status bar.

It composes the panes and wires them together; the panes hold their own logic. The window
paints before the database is open (``attach_database`` comes after the first paint), so
start-up stays quick however large the newsroom is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QWidget,
)

from editor.config import Settings
from editor.errors import RedaksiError
from ui import window_layout
from ui.actions import ActionRegistry
from ui.article_commands import ArticleCommands
from ui.article_list.pane import ArticleListPane
from ui.editor_pane import EditorPane
from ui.i18n import Translations
from ui.preview_pane import PreviewPane
from ui.side_panes import SidePanes
from ui.spelling.newsroom_words import NewsroomWords
from ui.spelling.service import SpellingService
from ui.status_bar import StatusBar
from ui.story_packages import PackageActions
from ui.sync.bodies import TextFetch
from ui.sync.controller import SyncController
from ui.theme import ThemeState
from ui.tool_windows import ToolWindows
from ui.unclean_exit import UncleanExitRecovery
from ui.window_actions import (
    ARTICLE_ACTIONS,
    MENUS,
    TOOLBAR,
    menu_titles,
    place,
    shell_actions,
    shell_texts,
)

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import ArticleRecord, PersonRecord, SectionRecord

LAST_ARTICLE_KEY = "mainWindow/lastArticle"
AUTOSAVE_INTERVAL_KEY = "editor/autosaveIntervalMs"
DEFAULT_AUTOSAVE_MS = 2000


@dataclass
class AppContext:
    """What the window needs from the app: settings and the app-wide look and language."""

    settings: Settings
    translations: Translations = field(default_factory=Translations)
    theme: ThemeState = field(default_factory=ThemeState)
    theme_choice: str = "system"
    data_dir: Path | None = None


class MainWindow(QMainWindow):
    #: Emitted once the database is attached and the list shows its first page.
    ready = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.db: Database | None = None
        self.autosave: Any = None
        self._sections: list[SectionRecord] = []
        self._people: list[PersonRecord] = []
        self._open_id: uuid.UUID | None = None

        # File, Article and View commands on articles (ui.article_commands).
        self.commands = ArticleCommands(self)
        # Dashboard, publish, media library, import, preferences, About (ui.tool_windows).
        self.tools = ToolWindows(self)
        self.registry = ActionRegistry(self)
        self._create_actions()
        # Sign-in to the newsroom server and the background sync (ui.sync).
        self.sync = SyncController(self)
        # File → Open package… / Send as package…, and packages dropped on the window.
        self.packages = PackageActions(self)
        self.list_pane = ArticleListPane(self.registry, self)
        self.editor = EditorPane(self.registry, self)
        self.spelling = SpellingService(self)
        self.editor.set_spelling(self.spelling)
        self.newsroom_words = NewsroomWords(
            self.spelling, self.editor, self._actor_id, lambda: self._people, self
        )
        self.preview = PreviewPane(self)
        # The text of an article a replica does not carry, fetched on a worker (ui.sync).
        self.text_fetch = TextFetch(self)
        self.recovery = UncleanExitRecovery(self)
        # Tools → Media library, once opened (ui.media); pictures dropped on the body.
        self.media_browser: Any = None
        self.editor.picturesDropped.connect(self._pictures_dropped)
        #: The Workflow panel, lock banner and actions (ui.workflow.integration), added by
        #: attach_database: they import the workflow services, so they come after the paint.
        self.workflow: Any = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        #: The preview, and the Workflow panel beside it or as its tab (ui.side_panes).
        self.side = SidePanes(self.preview, self)
        for pane in (self.list_pane, self.editor, self.side):
            self.splitter.addWidget(pane)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(self)
        self.status.set_zone(context.settings.zone)
        self.status.set_language(context.translations.language)
        self.setStatusBar(self.status)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.addToolBar(self.toolbar)
        self._menus: dict[str, QMenu] = {}
        self._place_actions()
        self._connect()
        self.retranslate()
        self._restore_layout()
        self._update_actions()

    # --- start-up -----------------------------------------------------------------------

    def attach_database(
        self,
        db: Database,
        *,
        select: uuid.UUID | None = None,
        prefetched: Any = None,
    ) -> None:
        """Show ``db``'s articles; open ``select``, the last article, or the first one.

        ``prefetched`` (ui.app.Prefetched): sections, people and the list's first page,
        read while the window was being built.
        """
        from editor.people import list_people
        from editor.sections import list_sections
        from ui.autosave import AutosaveController
        from ui.database_watch import DatabaseWatch
        from ui.outside_changes import OutsideChanges, catch_up

        self.db = db
        self.database_watch = DatabaseWatch(db, self)
        self.database_watch.notice.connect(lambda text: self.status.showMessage(text, 15000))
        self.outside_changes = OutsideChanges(db, self)
        # The files' own check first: a log removed meanwhile is said in the status bar
        # (the catch-up's queries would otherwise reconnect silently).
        self.outside_changes.changed.connect(self.database_watch.check)
        self.outside_changes.changed.connect(lambda: catch_up(self))
        first_page = None
        if prefetched is not None:
            self._sections, self._people = list(prefetched.sections), list(prefetched.people)
            if prefetched.query == self.list_pane.initial_query():
                first_page = prefetched.first_page
        else:
            self._sections, self._people = list_sections(db), list_people(db)
        self.list_pane.set_choices(self._sections, self._people)
        self.list_pane.set_database(db, zone=self.context.settings.zone, first_page=first_page)
        self.preview.set_sections(self._sections)
        self.preview.set_database(db)
        self.newsroom_words.attach(db)
        self.autosave = AutosaveController(
            db,
            self.editor,
            interval_ms=self._autosave_interval(),
            parent=self,
            data_dir=self.context.data_dir,
        )
        # After the controller, which sets a lookup of its own: ours uses the newsroom zone.
        self.editor.set_article_lookup(self._search_articles, self._article_path)
        self.editor.set_picture_intake(self._take_picture)
        self._show_lead_pictures_from(db)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(self._save_failed)
        self.autosave.conflict.connect(self._conflict)
        self.autosave.resolved.connect(self._resolved)
        self.autosave.revisionSaved.connect(self._revision_saved)
        self.autosave.savedAgain.connect(self._saved_again)
        self._add_workflow()
        self.workflow.attach(db)
        self.sync.attach(db)
        recovered = self.recovery.at_start(db)
        wanted = select or (recovered[0] if recovered else None)
        wanted = wanted or _uuid(QSettings().value(LAST_ARTICLE_KEY))
        if wanted is None or not self.list_pane.select_article(wanted):
            self.list_pane.select_first()
        if self._open_id is None and wanted is not None and select is not None:
            self.open_article(wanted)
        self._update_actions()
        self.ready.emit()

    def replace_database(self, db: Database) -> bool:
        """Work on ``db`` from now on (a newsroom replica after signing in); the open one
        is saved and closed first. False, with the old one kept, if the text could not
        be saved."""
        if not self.flush() or (self.autosave is not None and not self.autosave.shutdown()):
            return False
        self.open_article(None)
        self.sync.detach()
        if self.workflow is not None:
            self.workflow.shutdown()
        old, self.db = self.db, None
        if old is not None:
            self.database_watch.stop()
            self.outside_changes.stop()
            old.close()
        if self.autosave is not None:
            self.editor.contentChanged.disconnect(self.autosave._content_changed)
            self.autosave.deleteLater()
        self.attach_database(db)
        return True

    # --- opening and saving -------------------------------------------------------------

    def open_article(self, article_id: uuid.UUID | None) -> bool:
        """Show ``article_id`` in the editor, saving the one open now first."""
        if article_id == self._open_id:
            return True
        if not self.flush():
            if self._open_id is not None:
                self.list_pane.select_article(self._open_id, notify=False)
            return False
        self.text_fetch.cancel()
        if article_id is None or self.db is None:
            self._show_none()
            return True
        from editor.articles import get_article
        from ui.sync.bodies import text_missing

        try:
            record = get_article(self.db, article_id)
            missing = text_missing(self.db, article_id)
        except RedaksiError as error:
            self._error(str(error))
            if self._open_id is not None:
                self.list_pane.select_article(self._open_id, notify=False)
            return False
        if missing:  # fetched on a worker; the locked editor says so meanwhile
            self._show_none()
            self.text_fetch.start(record)
            return True
        self.show_opened(record)
        return True

    def show_opened(self, record: ArticleRecord) -> None:
        """``record`` (with its text) is the article being edited now."""
        self._open_id = record.id
        self.newsroom_words.refresh()
        self.editor.load(record, self._sections, self._people)
        self.preview.show_record(record, self.context.settings)
        self.status.set_saved(record.updated_at)
        if self.workflow is not None:
            self.workflow.article_opened(record)
        QSettings().setValue(LAST_ARTICLE_KEY, str(record.id))
        self._update_actions()

    def _show_none(self) -> None:
        self._open_id = None
        self.editor.setEnabled(False)
        self.preview.clear()
        self.status.set_no_article()
        if self.workflow is not None:
            self.workflow.article_opened(None)
        self._update_actions()

    def flush(self) -> bool:
        """Save what is typed now. False (after telling the user) when it could not be."""
        if self.autosave is None or self._open_id is None:
            return True
        return bool(self.autosave.flush())

    def _saved(self, when: datetime) -> None:
        self.status.set_saved(when)
        if self._open_id is not None:
            self.list_pane.model.update_from_record(self.editor.current_record())

    def _save_failed(self, message: str) -> None:
        self.status.set_failed(message)
        self._error(message)

    def _conflict(self, mine: ArticleRecord, theirs: ArticleRecord) -> None:
        """Someone else saved first: show both versions and let the user choose."""
        from ui.conflict_dialog import resolve_with_dialog

        resolve_with_dialog(self.autosave, mine, theirs, self)

    def _resolved(self, record: ArticleRecord) -> None:
        if record.id != self._open_id:  # kept as a new article: show it in the list
            self.list_pane.refresh()
        else:
            self.list_pane.model.update_from_record(record)
        self.preview.show_record(self.editor.current_record(), self.context.settings)

    def _revision_saved(self, _revision: object) -> None:
        if self.status.currentMessage() != self._saved_again_text():  # that one matters more
            self.status.showMessage(self.tr("Saved, with a revision you can go back to"), 4000)

    def _saved_again(self) -> None:
        self.status.showMessage(self._saved_again_text(), 15000)

    def _saved_again_text(self) -> str:
        return self.tr(
            "Another program removed the database's -wal file while Redaksi was saving. "
            "Redaksi reconnected and saved your text again."
        )

    def _content_changed(self) -> None:
        self.status.set_unsaved()
        if self._open_id is not None and self.registry.action("view.preview").isChecked():
            self.preview.show_record(self.editor.current_record(), self.context.settings)

    # --- commands -----------------------------------------------------------------------

    def show_trash(self, on: bool) -> None:
        if self.flush():
            self.list_pane.show_trash(on)
        self._update_actions()

    def toggle_preview(self, on: bool) -> None:
        if not on and self.side.is_behind(self.preview):
            # Shown, but behind the Workflow tab: F9 brings it forward rather than away.
            on = True
            self.registry.action("view.preview").setChecked(True)
        self.side.set_preview_shown(on)
        if on and self._open_id is not None:
            self.preview.show_record(self.editor.current_record(), self.context.settings)

    def open_in_browser(self) -> None:
        if self._open_id is not None:
            self.preview.open_in_browser()

    # --- wiring -------------------------------------------------------------------------

    def _create_actions(self) -> None:
        for spec, slot in shell_actions(self):
            self.registry.add(spec, slot)
        self.registry.action("view.preview").setChecked(True)
        self.registry.action("app.preferences").setMenuRole(QAction.MenuRole.PreferencesRole)
        self.registry.action("help.about").setMenuRole(QAction.MenuRole.AboutRole)

    def _place_actions(self) -> None:
        """Fill the menus and the toolbar from the registry (again, when actions join)."""
        bar = self.menuBar()
        for name, ids in MENUS:
            menu = self._menus.get(name)
            if menu is None:
                menu = bar.addMenu("")
                menu.setObjectName(f"{name}Menu")
                self._menus[name] = menu
            menu.clear()
            place(menu, self.registry, ids)
        self.toolbar.clear()
        place(self.toolbar, self.registry, TOOLBAR)

    def _add_workflow(self) -> None:
        if self.workflow is not None:
            return
        from ui.workflow.integration import WorkflowIntegration

        self.workflow = WorkflowIntegration(self)
        self.workflow.personChosen.connect(self.recovery.person_chosen)
        self._place_actions()
        window_layout.restore_splitter(self.splitter)

    def _connect(self) -> None:
        self.list_pane.currentArticleChanged.connect(self.open_article)
        self.list_pane.articleActivated.connect(lambda _id: self._focus_editor())
        self.list_pane.trashShown.connect(self.registry.action("view.trash").setChecked)
        self.list_pane.model.loadFailed.connect(self._error)
        self.editor.contentChanged.connect(self._content_changed)
        self.editor.statsChanged.connect(self.status.set_stats)
        self.editor.scrollFractionChanged.connect(self.preview.set_scroll_fraction)
        self.editor.spellingNotice.connect(lambda text: self.status.showMessage(text, 15000))

    def _update_actions(self) -> None:
        has_article = self._open_id is not None
        for action_id in ARTICLE_ACTIONS:
            self.registry.action(action_id).setEnabled(has_article and self.db is not None)
        in_trash = self.list_pane.showing_trash()
        self.registry.action("article.trash").setEnabled(has_article and not in_trash)
        self.registry.action("article.restore").setEnabled(has_article and in_trash)
        self.registry.action("article.new").setEnabled(self.db is not None)
        self.registry.action("site.publish").setEnabled(self.db is not None)
        self.registry.action("spelling.newsroom").setEnabled(self.db is not None)
        self.registry.action("view.dashboard").setEnabled(self.db is not None)

    def _focus_search(self) -> None:
        self.list_pane.focus_search()

    def _focus_list(self) -> None:
        self.list_pane.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_editor(self) -> None:
        if self._open_id is not None:
            self.editor.body.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _search_articles(self, words: str) -> list[Any]:
        from editor.search import search_articles

        return search_articles(self._db(), words, limit=30) if words.strip() else []

    def _article_path(self, article_id: uuid.UUID) -> str:
        from editor.articles import get_article
        from editor.publish.urls import article_path

        record = get_article(self._db(), article_id)
        when = record.published_at or record.scheduled_at or record.created_at
        return article_path(
            when, record.id, record.slug or record.headline, self.context.settings.zone
        )

    def _take_picture(self, path: str, alt_text: str = "") -> Any:
        """Copy the picture at ``path`` into the newsroom's media library (once per
        picture: the same bytes again give the same record, ``alt_text`` filling an
        empty description); its MediaRecord."""
        from editor.media.library import add_file

        actor_id = self._someone_working()
        return add_file(self._db(), Path(path), actor_id=actor_id, alt_text=alt_text).record

    def _show_lead_pictures_from(self, db: Database) -> None:
        from editor.media.library import get_media, media_bytes

        self.editor.form.lead_picture.set_lookup(
            lambda ref: get_media(db, ref), lambda sha: media_bytes(db, sha)
        )

    def _someone_working(self) -> uuid.UUID | None:
        """Who changes the media library from this window: asked for when nobody chose a
        profile yet in a newsroom with people (the library notes who added and described
        each picture); PermissionDenied when still nobody."""
        from editor.errors import PermissionDenied

        if self._actor_id() is None and self._people and self.workflow is not None:
            self.workflow.switch_profile()
            if self._actor_id() is None:
                raise PermissionDenied(
                    self.tr(
                        "Choose who is working here first (Article → Switch profile): the "
                        "media library notes who added each picture."
                    )
                )
        return self._actor_id()

    def _pictures_dropped(self, paths: list[str]) -> None:
        from ui.media.opening import insert_dropped

        insert_dropped(self, paths)

    def _actor_id(self) -> uuid.UUID | None:
        """The person signed in to this window, if anyone is."""
        session = self.workflow.session if self.workflow is not None else None
        return session.actor_id if session is not None else None

    def _db(self) -> Database:
        if self.db is None:
            raise RuntimeError("The database is not open yet.")
        return self.db

    def _autosave_interval(self) -> int:
        value = QSettings().value(AUTOSAVE_INTERVAL_KEY, DEFAULT_AUTOSAVE_MS)
        try:
            return max(500, int(value))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_AUTOSAVE_MS

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Redaksi"), message)

    # --- layout memory ------------------------------------------------------------------

    def _restore_layout(self) -> None:
        window_layout.restore(self, self.splitter)

    def fit_splitter(self, width: int) -> None:
        """The default layout for a window ``width`` wide (see ui.window_layout)."""
        window_layout.fit(self, self.splitter, width)

    def save_layout(self) -> None:
        window_layout.save(self, self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        saved = self.autosave.shutdown() if self.autosave is not None else True
        if not saved:
            answer = QMessageBox.question(
                self,
                self.tr("Close without saving?"),
                self.tr(
                    "The open article could not be saved. Close anyway and lose the "
                    "latest changes? Choose No to stay and copy your text somewhere safe."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_layout()
        self.sync.detach()
        if self.workflow is not None:
            self.workflow.shutdown()
        if self.db is not None:
            self.database_watch.stop()
            self.outside_changes.stop()
            self.db.close()
        super().closeEvent(event)

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.registry.retranslate(shell_texts())
        self.packages.retranslate()
        titles = menu_titles()
        for name, menu in self._menus.items():
            menu.setTitle(titles[name])
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.setWindowTitle(self.tr("Redaksi"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None
