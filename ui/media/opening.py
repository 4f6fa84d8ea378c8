"""The main window's side of the media library: pictures dropped on the body, and the
media library window tied to the open article (the window's ``_take_picture`` brings a
file into the library, asking who brings it where the newsroom has people)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from editor.errors import RedaksiError

if TYPE_CHECKING:
    from ui.media.browser import MediaBrowser


def insert_dropped(window: Any, paths: list[str]) -> None:
    """Files dropped on the body: each picture joins the library and is inserted at the
    drop; a file that is no picture is named in one line, the others still go in."""
    if window.db is None or window._open_id is None:
        return
    refused = []
    for path in paths:
        try:
            picture = window._take_picture(path)
        except (RedaksiError, OSError) as error:
            refused.append(str(error))
            continue
        window.editor.insert_picture(picture)
    if refused:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("MediaLibrary", "Picture not added"),
            "\n".join(refused),
        )


def show_media_library(window: Any) -> MediaBrowser:
    """Open the media library window, or raise the one already open."""
    from ui.media.browser import MediaBrowser

    browser: MediaBrowser | None = window.media_browser
    if browser is None:
        browser = MediaBrowser(
            window._db(),
            window._take_picture,
            window._someone_working,
            use_as_lead=window.editor.form.use_lead_picture,
            insert_in_body=window.editor.insert_picture,
            article_open=lambda: window._open_id is not None and window.editor.isEnabled(),
            save_open=window.flush,
            parent=window,
        )
        browser.replaced.connect(lambda ids: _show_replaced(window, ids))
    browser.refresh()
    browser.show()
    browser.raise_()
    browser.activateWindow()
    return browser


def _show_replaced(window: Any, article_ids: list[object]) -> None:
    """Articles that now show a new version of a picture: the list and the open
    article show what is stored."""
    from editor.articles import get_article

    for article_id in article_ids:
        record = get_article(window._db(), article_id)
        if window.workflow is not None:
            window.workflow.article_changed(record)
    if window._open_id is not None:
        window.preview.show_record(window.editor.current_record(), window.context.settings)
