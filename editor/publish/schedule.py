"""Scheduled articles go live at their time: a publish first publishes the ones that are due.

The workflow's scheduler (``editor.workflow.scheduler.publish_due``) does the work: the
article's publish time becomes its scheduled time (not the moment the publish ran), the
change is audited, and two jobs racing each other publish it once. Running it at the
start of every publish is what makes a scheduled article appear on the first publish
after its time, whether or not a separate scheduler job ran.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from editor.database import Database


def promote_due_articles(db: Database, now: datetime) -> list[uuid.UUID]:
    """Publish every scheduled article whose time has come; return their ids."""
    from editor.workflow.scheduler import publish_due

    return [record.id for record in publish_due(db, now=now)]
