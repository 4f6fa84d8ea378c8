"""Opening an article whose text a replica does not carry (a big newsroom's replica keeps
bodies only of the person's own, their desk's recent and the articles they opened).

Online, the text is fetched from the server once (and carried from then on); offline the
article is not opened and the person is told, in one sentence, that it is not available
offline: an empty editor would look like a story with no text.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import ArticleRecord


def body_for(db: Database, article_id: uuid.UUID) -> ArticleRecord | None:
    """The article with its fetched text; None when nothing needed fetching (single-user
    mode, or the replica carries it). NotAvailableOfflineError when it cannot be had."""
    if db.sync_role != "replica":
        return None
    from editor.sync.replica import Replica

    with Replica(db) as replica:
        if replica.has_body(article_id):
            return None
        return replica.ensure_body(article_id)
