"""The main window's own actions and where every action is placed.

The registry (ui.actions) owns the QActions; this module says which shell actions exist,
their default shortcuts and icons, their texts in the interface language, and the order
of the menus and the toolbar. Texts are translated in the "MainWindow" context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ui.actions import ActionRegistry, ActionSpec

if TYPE_CHECKING:
    from ui.main_window import MainWindow

#: Where each action sits. Ids the panes register (edit.*) are placed too; an id nobody
#: registered is skipped, so a pane can grow or shrink its set of actions freely.
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "file",
        (
            "file.import",
            "file.open_package",
            "file.send_package",
            "-",
            "newsroom.sign_in",
            "newsroom.sign_out",
            "newsroom.sync",
            "-",
            "app.quit",
        ),
    ),
    (
        "article",
        (
            "article.new",
            "article.duplicate",
            "article.save",
            "-",
            "article.revisions",
            "article.browser",
            "-",
            "article.trash",
            "article.restore",
            "-",
            "profile.switch",
        ),
    ),
    (
        "edit",
        (
            "edit.undo",
            "edit.redo",
            "-",
            "edit.paste_plain",
            "-",
            "edit.find",
            "edit.replace",
            "list.search",
            "-",
            "edit.bold",
            "edit.italic",
            "edit.heading",
            "edit.link",
            "edit.quote",
            "edit.list",
            "edit.image",
            "edit.pullquote",
            "edit.related",
        ),
    ),
    (
        "view",
        (
            "view.trash",
            "view.preview",
            "view.workflow",
            "-",
            "workflow.audit",
            "workflow.calendar",
            "view.dashboard",
            "-",
            "view.focus_list",
            "view.focus_editor",
        ),
    ),
    (
        "tools",
        (
            "site.publish",
            "media.library",
            "workflow.budget",
            "spelling.newsroom",
            "-",
            "app.preferences",
        ),
    ),
    ("help", ("help.about",)),
)
TOOLBAR = (
    "article.new",
    "article.save",
    "article.duplicate",
    "article.trash",
    "article.restore",
    "-",
    "view.trash",
    "article.revisions",
    "article.browser",
    "view.preview",
    "view.workflow",
    "-",
    "site.publish",
)
#: Actions that need an article open in the editor.
ARTICLE_ACTIONS = ("article.save", "article.duplicate", "article.revisions", "article.browser")


def shell_actions(window: MainWindow) -> list[tuple[ActionSpec, Callable[..., object]]]:
    """The window's actions (texts come from :func:`shell_texts`) and their slots."""

    return [
        (
            ActionSpec("article.new", "", QKeySequence.StandardKey.New, "new"),
            window.commands.new_article,
        ),
        (
            ActionSpec("article.duplicate", "", "Ctrl+Shift+D", "duplicate"),
            window.commands.duplicate_article,
        ),
        (
            ActionSpec("article.save", "", QKeySequence.StandardKey.Save, "save"),
            window.commands.save_revision,
        ),
        (ActionSpec("article.trash", "", None, "trash"), window.commands.trash_article),
        (ActionSpec("article.restore", "", None, "restore"), window.commands.restore_article),
        (
            ActionSpec("article.revisions", "", "Ctrl+Shift+H", "revisions"),
            window.commands.show_revisions,
        ),
        (ActionSpec("article.browser", "", "Ctrl+Shift+B", "browser"), window.open_in_browser),
        (ActionSpec("list.search", "", "Ctrl+Shift+F", "find"), window._focus_search),
        (ActionSpec("view.trash", "", None, "show-trash", checkable=True), window.show_trash),
        (ActionSpec("view.preview", "", "F9", "preview", checkable=True), window.toggle_preview),
        (ActionSpec("view.focus_list", "", "Ctrl+1", None), window._focus_list),
        (ActionSpec("view.focus_editor", "", "Ctrl+2", None), window._focus_editor),
        (ActionSpec("view.dashboard", "", "Ctrl+3", "dashboard"), window.tools.show_dashboard),
        (ActionSpec("file.import", "", None, "import"), window.tools.import_articles),
        (ActionSpec("site.publish", "", "Ctrl+Shift+P", "publish"), window.tools.publish_site),
        (
            ActionSpec("spelling.newsroom", "", None, "spelling"),
            window.tools.show_newsroom_dictionary,
        ),
        (ActionSpec("media.library", "", "Ctrl+Shift+M", "image"), window.tools.show_media_library),
        (ActionSpec("app.preferences", "", "Ctrl+,", "preferences"), window.tools.show_preferences),
        (ActionSpec("app.quit", "", QKeySequence.StandardKey.Quit, "quit"), window.close),
        (ActionSpec("help.about", "", None, "about"), window.tools.show_about),
    ]


def shell_texts() -> dict[str, tuple[str, str]]:
    """Action id -> (menu text, tip) in the current interface language."""
    # Literal translate("MainWindow", ...) calls: pyside6-lupdate files them there.
    translate = QCoreApplication.translate
    return {
        "article.new": (
            translate("MainWindow", "&New article"),
            translate("MainWindow", "Start a new draft"),
        ),
        "article.duplicate": (
            translate("MainWindow", "D&uplicate"),
            translate("MainWindow", "Make a copy of this article"),
        ),
        "article.save": (
            translate("MainWindow", "&Save"),
            translate("MainWindow", "Save now and keep a revision"),
        ),
        "article.trash": (
            translate("MainWindow", "Move to &trash"),
            translate("MainWindow", "Move the selected article to the trash"),
        ),
        "article.restore": (
            translate("MainWindow", "&Restore from trash"),
            translate("MainWindow", "Take the article out of the trash"),
        ),
        "article.revisions": (
            translate("MainWindow", "Re&visions…"),
            translate("MainWindow", "Earlier versions of this article"),
        ),
        "article.browser": (
            translate("MainWindow", "Open in &browser"),
            translate("MainWindow", "Show the published page in a browser"),
        ),
        "list.search": (
            translate("MainWindow", "Search &articles"),
            translate("MainWindow", "Search the article list"),
        ),
        "view.trash": (
            translate("MainWindow", "Show &trash"),
            translate("MainWindow", "Show the articles in the trash"),
        ),
        "view.preview": (
            translate("MainWindow", "&Preview"),
            translate("MainWindow", "Show or hide the preview"),
        ),
        "view.focus_list": (translate("MainWindow", "Go to &list"), ""),
        "view.focus_editor": (translate("MainWindow", "Go to &editor"), ""),
        "view.dashboard": (
            translate("MainWindow", "&Dashboard"),
            translate("MainWindow", "Page views, Populer, production, speed and the pipeline"),
        ),
        "file.import": (
            translate("MainWindow", "&Import…"),
            translate(
                "MainWindow", "Bring in a Hugo or Jekyll site, Markdown files or a WordPress export"
            ),
        ),
        "site.publish": (
            translate("MainWindow", "&Publish site…"),
            translate("MainWindow", "Write the public site to a folder"),
        ),
        "media.library": (
            translate("MainWindow", "&Media library…"),
            translate(
                "MainWindow",
                "The newsroom's pictures: find, describe, use in this article, replace",
            ),
        ),
        "spelling.newsroom": (
            translate("MainWindow", "Newsroom &dictionary…"),
            translate(
                "MainWindow", "The newsroom's words, rupiah style and spelling before a publish"
            ),
        ),
        "app.preferences": (
            translate("MainWindow", "&Preferences…"),
            translate("MainWindow", "Time zone, language, theme, autosave"),
        ),
        "app.quit": (translate("MainWindow", "&Quit"), ""),
        "help.about": (translate("MainWindow", "&About Redaksi"), ""),
    }


def menu_titles() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "file": translate("MainWindow", "&File"),
        "article": translate("MainWindow", "&Article"),
        "edit": translate("MainWindow", "&Edit"),
        "view": translate("MainWindow", "&View"),
        "tools": translate("MainWindow", "&Tools"),
        "help": translate("MainWindow", "&Help"),
    }


def place(container: QMenu | QToolBar, registry: ActionRegistry, ids: tuple[str, ...]) -> None:
    """Put the actions ``ids`` into a menu or toolbar ("-" is a separator)."""
    for action_id in ids:
        if action_id == "-":
            container.addSeparator()
        elif registry.has(action_id):
            container.addAction(registry.action(action_id))
