"""Changes that came down from the newsroom server, shown where the person looks.

The list runs its query again (keeping the selected row), and the open article is
reloaded when its stored version moved on, unless the person has typed since the last
save: typed text is never replaced, the next save meets the new version and the conflict
dialog lets them keep their words.
"""

from __future__ import annotations

from typing import Any


def show_arrivals(window: Any) -> None:
    from editor.articles import get_article
    from editor.errors import RedaksiError

    window.list_pane.refresh()
    article_id = window.editor.record_id()
    if article_id is None or window.db is None:
        return
    try:
        stored = get_article(window.db, article_id)
    except RedaksiError:
        return  # no longer readable here: the list no longer shows it either
    shown = window.editor.current_record()
    if stored.version == shown.version or window.editor.is_dirty():
        return
    if window.workflow is not None:
        window.workflow.article_changed(stored)
    else:
        window.editor.reload(stored)
        window.preview.show_record(stored, window.context.settings)
