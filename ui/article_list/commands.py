"""New, duplicate, trash and restore, as the list offers them.

Each command calls the core, refreshes the list and selects the article the user expects
to see next; the window flushes unsaved text first and shows any error message.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from editor.records import ArticleDraft
from ui.article_list.model import COLUMNS

if TYPE_CHECKING:
    from editor.database import Database
    from ui.article_list.pane import ArticleListPane


def new_article(
    db: Database, pane: ArticleListPane, actor_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Create an empty draft (in the section being filtered, if any) and select it.

    Drafted by ``actor_id`` when someone is signed in: a reporter's draft carries their
    byline, so it is theirs to edit.
    """
    from editor.articles import create_article
    from editor.workflow.editing import draft_article

    section_id = pane.filter_bar.apply_to(pane.model.query()).section_id
    draft = ArticleDraft(section_id=section_id)
    if actor_id is not None:
        record = draft_article(db, draft, actor_id=actor_id)
    else:
        record = create_article(db, draft)
    _show(pane, record.id)
    return record.id


def duplicate_article(
    db: Database, pane: ArticleListPane, article_id: uuid.UUID, actor_id: uuid.UUID | None
) -> uuid.UUID:
    """Copy as a new draft by the person signed in (nobody: a newsroom that does not sign in)."""
    from editor.workflow.editing import duplicate_as

    record = duplicate_as(db, article_id, actor_id=actor_id)
    _show(pane, record.id)
    return record.id


def trash_article(
    db: Database, pane: ArticleListPane, article_id: uuid.UUID, actor_id: uuid.UUID | None
) -> uuid.UUID | None:
    """Move to the trash as the person signed in, who must be able to edit the article;
    select the row that took its place (returned, None if empty)."""
    from editor.workflow.editing import set_trashed

    row = pane.model.row_of(article_id) or 0
    set_trashed(db, article_id, True, actor_id=actor_id)
    return _reload_and_select_row(pane, row)


def restore_article(
    db: Database, pane: ArticleListPane, article_id: uuid.UUID, actor_id: uuid.UUID | None
) -> uuid.UUID | None:
    """Take an article out of the trash (to the status it had) as the person signed in;
    select the next one in the trash."""
    from editor.workflow.editing import set_trashed

    row = pane.model.row_of(article_id) or 0
    set_trashed(db, article_id, False, actor_id=actor_id)
    return _reload_and_select_row(pane, row)


def _reload_and_select_row(pane: ArticleListPane, row: int) -> uuid.UUID | None:
    pane.model.reload()
    count = pane.model.rowCount()
    if count == 0:
        pane.currentArticleChanged.emit(None)
        return None
    chosen = pane.model.summary(min(row, count - 1)).id
    pane.select_article(chosen)
    return chosen


def _show(pane: ArticleListPane, article_id: uuid.UUID) -> None:
    """Make the new article visible: newest first, and drop filters that would hide it."""
    pane.model.reload()
    if pane.select_article(article_id):
        return
    if pane.showing_trash():
        pane.show_trash(False)
    pane.filter_bar.clear()
    # Setting the indicator makes the view ask the model to sort: newest first.
    updated = COLUMNS.index("updated")
    pane.view.horizontalHeader().setSortIndicator(updated, Qt.SortOrder.DescendingOrder)
    pane.select_article(article_id)
