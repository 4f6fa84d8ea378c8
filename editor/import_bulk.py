"""Writing a batch of new imported articles with a handful of statements.

Saving through the ORM costs about fifteen statements and three flushes an article, which
holds a first import of a site to a few dozen files a second. Here every table gets one
multi-row insert a batch: articles, bodies, tags, bylines, the search index, revisions and
audit entries, all in the caller's unit of work (so each article still commits with its
revision and its audit entry, or not at all).

The rows are what ``editor.revisions.add_with_revision`` would write: the same
validation, the same defaults (a slug from the headline, a published article without a
date published now), a tag's stored spelling for a slug that exists, revision 1 of kind
``import``. Used only where no sync hook has to see the rows (a single-user SQLite file;
``writes_in_bulk``); a newsroom server and a replica keep the ORM path, whose flushes
their change feed and outbox observe.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from editor.articles import _validate
from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import _
from editor.models import (
    Article,
    ArticleBody,
    ArticleTag,
    AuditEntry,
    Byline,
    Revision,
    Section,
    utcnow,
)
from editor.records import ArticleDraft, ArticleRecord, PersonRef, SectionRecord
from editor.revisions import snapshot_metadata
from editor.search import fold, replace_search_rows
from editor.slugs import slugify
from editor.tags import distinct_names, resolve_tags, tag_key
from editor.text import word_count


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


#: SQLite allows 32,766 parameters a statement; the widest row here has about 25.
_ROWS_PER_STATEMENT = 500


@dataclass(frozen=True)
class NewArticle:
    article_id: uuid.UUID
    draft: ArticleDraft
    bylines: tuple[PersonRef, ...]
    revision_note: str
    audit_note: str
    source_digest: str
    translation_group: str | None = None


def writes_in_bulk(db: Database) -> bool:
    return db.sync_role == ""


def _insert(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[start : start + _ROWS_PER_STATEMENT]
        if chunk:
            session.execute(insert(_table(model)), list(chunk))


def _tags(session: Session, items: Sequence[NewArticle]) -> dict[str, tuple[uuid.UUID, str]]:
    """tag_key -> (tag id, stored name), adding the tags that do not exist yet."""
    return resolve_tags(session, [name for item in items for name in item.draft.tags])


def _article_tags(
    draft: ArticleDraft, tags: dict[str, tuple[uuid.UUID, str]]
) -> list[tuple[uuid.UUID, str]]:
    return [tags[tag_key(name)] for name in distinct_names(draft.tags)]


def insert_new_articles(
    session: Session,
    items: Sequence[NewArticle],
    *,
    author_id: uuid.UUID | None,
    sections: Sequence[SectionRecord],
) -> None:
    """Insert ``items`` with their bodies, tags, bylines, search entries, revision 1 and
    audit entry. ValidationError (nothing written) when one of them is not valid."""
    section_ids = set(session.scalars(select(Section.id)))
    by_section = {s.id: s for s in sections}
    now = utcnow()
    for item in items:
        _validate(asdict(item.draft), item.draft.body)
        if item.draft.section_id is not None and item.draft.section_id not in section_ids:
            raise ValidationError(
                _("Unknown section {section_id}.").format(section_id=item.draft.section_id)
            )
    tags = _tags(session, items)
    articles: list[dict[str, Any]] = []
    bodies: list[dict[str, Any]] = []
    article_tags: list[dict[str, Any]] = []
    bylines: list[dict[str, Any]] = []
    search: list[dict[str, Any]] = []
    revisions: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    for item in items:
        draft, article_id = item.draft, item.article_id
        published_at = draft.published_at
        if draft.status in ("published", "corrected") and published_at is None:
            published_at = now
        slug = draft.slug or slugify(draft.headline)
        people = list({p.id: p for p in item.bylines}.values())
        stored_tags = _article_tags(draft, tags)
        words = word_count(draft.body)
        articles.append(
            {
                "id": article_id,
                "headline": draft.headline,
                "kicker": draft.kicker,
                "slug": slug,
                "lead": draft.lead,
                "section_id": draft.section_id,
                "language": draft.language,
                "status": draft.status,
                "status_before_trash": None,
                "lead_image": draft.lead_image,
                "lead_image_caption": draft.lead_image_caption,
                "lead_image_credit": draft.lead_image_credit,
                "published_at": published_at,
                "scheduled_at": draft.scheduled_at,
                "embargo_until": draft.embargo_until,
                "word_count": words,
                "source_key": draft.source_key,
                "updated_by_id": author_id,
                "created_at": now,
                "updated_at": now,
                "modified_at": draft.modified_at,
                "version": 1,
                "source_digest": item.source_digest,
                "source_version": 1,
                "kept_fields": draft.kept_fields,
                "translation_group": item.translation_group,
            }
        )
        bodies.append({"article_id": article_id, "markdown": draft.body})
        article_tags.extend(
            {"article_id": article_id, "tag_id": tag_id, "position": position}
            for position, (tag_id, _name) in enumerate(stored_tags)
        )
        bylines.extend(
            {"article_id": article_id, "person_id": person.id, "position": position}
            for position, person in enumerate(people)
        )
        search.append(
            {
                "article_id": article_id,
                "headline": fold(draft.headline),
                "lead": fold(draft.lead),
                "body": fold(draft.body),
            }
        )
        section = by_section.get(draft.section_id) if draft.section_id else None
        record = ArticleRecord(
            id=article_id,
            version=1,
            headline=draft.headline,
            body=draft.body,
            kicker=draft.kicker,
            slug=slug,
            lead=draft.lead,
            section_id=draft.section_id,
            language=draft.language,
            status=draft.status,
            bylines=tuple(people),
            tags=tuple(name for _id, name in stored_tags),
            lead_image=draft.lead_image,
            lead_image_caption=draft.lead_image_caption,
            lead_image_credit=draft.lead_image_credit,
            published_at=published_at,
            scheduled_at=draft.scheduled_at,
            embargo_until=draft.embargo_until,
            created_at=now,
            updated_at=now,
            word_count=words,
            section_name=section.name if section else "",
            section_path=section.path if section else "",
        )
        revisions.append(
            {
                "id": uuid.uuid4(),
                "article_id": article_id,
                "number": 1,
                "created_at": now,
                "author_id": author_id,
                "kind": "import",
                "note": item.revision_note,
                "article_version": 1,
                "headline": draft.headline,
                "kicker": draft.kicker,
                "lead": draft.lead,
                "metadata_json": json.dumps(
                    snapshot_metadata(record), ensure_ascii=False, sort_keys=True
                ),
                "body": draft.body,
            }
        )
        audits.append(
            {
                "id": uuid.uuid4(),
                "at": now,
                "article_id": article_id,
                "actor_id": author_id,
                "action": "import",
                "outcome": "done",
                "from_status": "",
                "to_status": draft.status,
                "note": item.audit_note,
            }
        )
    _insert(session, Article, articles)
    _insert(session, ArticleBody, bodies)
    _insert(session, ArticleTag, article_tags)
    _insert(session, Byline, bylines)
    replace_search_rows(session, search)
    _insert(session, Revision, revisions)
    _insert(session, AuditEntry, audits)
