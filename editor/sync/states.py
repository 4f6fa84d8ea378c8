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

from editor.errors import ValidationError
from editor.i18n import _
from editor.import_sources import MAX_SOURCE_KEY
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
    "kept_fields",
    "modified_at",
)
#: Longest kept front matter a replica may send (a page's keys, not a site's).
MAX_KEPT_CHARS = 100_000
#: Fields only a status change moves.
WORKFLOW_FIELDS = ("status", "published_at", "scheduled_at")

State = dict[str, Any]


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_time(value: object) -> datetime | None:
    """A time as sent (ISO 8601 with its offset); anything else is refused, not stored."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise ValidationError(
            _("'{value}' is not a time with its zone; nothing of this change was saved.").format(
                value=value[:40]
            )
        )
    return parsed


def parse_group(value: object) -> str | None:
    """A translation group as sent: text within the column's length, else none."""
    return value[:MAX_GROUP] if isinstance(value, str) and value else None


def parse_kept(value: object) -> str:
    """Kept front matter keys as sent: the text of a JSON object, else refused (the
    publish reads old addresses from it)."""
    if value is None or value == "":
        return "{}"
    try:
        if not isinstance(value, str) or len(value) > MAX_KEPT_CHARS:
            raise ValueError
        if not isinstance(json.loads(value), dict):
            raise ValueError
    except ValueError:
        raise ValidationError(
            _(
                "The article's kept front matter is not a JSON object of at most "
                "{limit:,} characters; nothing of this change was saved."
            ).format(limit=MAX_KEPT_CHARS)
        ) from None
    return value


def parse_source_key(value: object) -> str | None:
    """The file an article was imported from, as sent: text within the column's length."""
    return value if isinstance(value, str) and value and len(value) <= MAX_SOURCE_KEY else None


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
        "kept_fields": record.kept_fields,
        "modified_at": iso(record.modified_at),
        # Set once, when the article is made (a create carries it; saves leave it).
        "source_key": record.source_key,
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
        kept_fields=parse_kept(content["kept_fields"])
        if "kept_fields" in content
        else record.kept_fields,
        modified_at=parse_time(content["modified_at"])
        if "modified_at" in content
        else record.modified_at,
        body=record.body if body is None else str(body),
    )


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return json.loads(text) if text else {}


def table_of(model: Any) -> Table:
    """A model's table, typed as one (``__table__`` is typed as any FromClause)."""
    return cast(Table, model.__table__)
