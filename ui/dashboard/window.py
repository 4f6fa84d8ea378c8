"""The dashboard as a window of its own beside the main window (View > Dashboard).

One dashboard per main window: asking again raises it. Clicking a Populer bar selects the
article in the main window's list (or opens it directly when the list's filter hides it)
and brings the main window forward.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt

from ui.child_windows import closes_on_keys, open_within_screen
from ui.dashboard.view import DashboardView

DEFAULT_SIZE = (1280, 860)


def show_dashboard(main: Any) -> DashboardView:
    """Show ``main``'s dashboard, making it on first use. ``main`` is a ui.MainWindow."""
    view = getattr(main, "dashboard", None)
    if not isinstance(view, DashboardView):
        view = DashboardView(
            main.db,
            zone=main.context.settings.zone,
            sections=list(main._sections),
            people=list(main._people),
            parent=main,
        )
        view.setWindowFlag(Qt.WindowType.Window, True)
        open_within_screen(view, *DEFAULT_SIZE)
        closes_on_keys(view)
        view.openArticle.connect(lambda article_id: open_in_main_window(main, article_id))
    else:
        view.refresh()  # new views or articles since it was last shown
    view.show()
    view.raise_()
    view.activateWindow()
    return view


def open_in_main_window(main: Any, article_id: uuid.UUID) -> None:
    if not main.list_pane.select_article(article_id):
        main.open_article(article_id)
    main.raise_()
    main.activateWindow()
