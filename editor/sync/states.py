"""Articles and the other synced rows as plain JSON-ready dictionaries.

An article's *content* is what a person edits and a save op carries: the fields of
``CONTENT_FIELDS`` and the body. Its workflow fields (status and the publishing times)
move only through status ops. A full *state* is what a pull brings: the content, the
workflow fields, the version and times, the corrections and any open conflict.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table

from editor.records import ArticleRecord, PersonRef
from editor.translations import MAX_GROUP

#: Metadata a save op carries and the merge treats one by one.
CONTENT_FIELDS = (
    "headline",
    "kicker",
    "slug",
    "lead",
    "section_id",
    "language",
    "lead_image",
    "lead_image_caption",
    "lead_image_credit",
    "embargo_until",
    "bylines",
    "tags",
    "translation_group",
)
#: Fields only a status change moves.
WORKFLOW_FIELDS = ("status", "published_at", "scheduled_at")

State = dict[str, Any]


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_time(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def parse_group(value: object) -> str | None:
    """A translation group as sent: text within the column's length, else none."""
    return value[:MAX_GROUP] if isinstance(value, str) and value else None


def parse_uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(value) if isinstance(value, str) and value else None


def content_of(record: ArticleRecord, *, with_body: bool = True) -> State:
    """The editable part of an article; ``body`` is None when the replica lacks it."""
    return {
        "headline": record.headline,
        "kicker": record.kicker,
        "slug": record.slug,
        "lead": record.lead,
        "section_id": str(record.section_id) if record.section_id else None,
        "language": record.language,
        "lead_image": record.lead_image,
        "lead_image_caption": record.lead_image_caption,
        "lead_image_credit": record.lead_image_credit,
        "embargo_until": iso(record.embargo_until),
        "bylines": [str(p.id) for p in record.bylines],
        "tags": list(record.tags),
        "translation_group": record.translation_group,
        "body": record.body if with_body else None,
    }


def with_content(record: ArticleRecord, content: State) -> ArticleRecord:
    """``record`` with ``content`` put in (bylines keep only their ids: the core looks
    the people up again when it saves)."""
    bylines = tuple(PersonRef(uuid.UUID(str(pid)), "", "") for pid in content.get("bylines") or ())
    body = content.get("body")
    return replace(
        record,
        headline=str(content.get("headline", record.headline)),
        kicker=str(content.get("kicker", record.kicker)),
        slug=str(content.get("slug", record.slug)),
        lead=str(content.get("lead", record.lead)),
        section_id=parse_uuid(content.get("section_id")),
        language=str(content.get("language", record.language)),
        lead_image=str(content.get("lead_image", record.lead_image)),
        lead_image_caption=str(content.get("lead_image_caption", record.lead_image_caption)),
        lead_image_credit=str(content.get("lead_image_credit", record.lead_image_credit)),
        embargo_until=parse_time(content.get("embargo_until")),
        bylines=bylines,
        tags=tuple(str(t) for t in content.get("tags") or ()),
        # A client that does not carry the group leaves it as it is.
        translation_group=parse_group(content["translation_group"])
        if "translation_group" in content
        else record.translation_group,
        body=record.body if body is None else str(body),
    )


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return json.loads(text) if text else {}


def table_of(model: Any) -> Table:
    """A model's table, typed as one (``__table__`` is typed as any FromClause)."""
    return cast(Table, model.__table__)
