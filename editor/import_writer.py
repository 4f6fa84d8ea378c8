"""Writing what an import decided (editor.importer): new articles a batch at a time, a
changed article over the stored one.

A batch of new articles is one unit of work holding every article with its revision and
its audit entry, so a killed or cancelled import leaves each article with both or neither.
A single-user SQLite file takes a batch in a handful of multi-row statements
(editor.import_bulk); a server or a replica goes through the ORM, whose flushes the change
feed and outbox observe.

Each write also keeps the source's fingerprint with the article, in the same unit of work,
as a plain table update so the article's version does not move: the next re-import of the
same bytes is known unchanged without reading them.

The kept front matter keys (the old addresses the publish redirects) and the page's own
modified time are part of the article, so they travel with it through a newsroom's sync
and a change to either is a new version the incremental publish sees. The modified time is
the file's ``lastmod`` (the page's update on the old site, not the day it moved); a new
article without one is dated from its publish time, as Hugo does, so a freshly imported
archive does not claim that every page changed today. A re-import that changes only
``lastmod`` is a change; one that changes the text without a new ``lastmod`` dates the
page from that change.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, update
from sqlalchemy.orm import Session

from editor.articles import EDITABLE_FIELDS
from editor.database import Database
from editor.import_bulk import NewArticle, insert_new_articles, writes_in_bulk
from editor.import_fields import ImportedFields
from editor.import_people import BylinePeople
from editor.import_sections import SectionResolver
from editor.import_sources import Source
from editor.models import Article
from editor.records import ArticleDraft, ArticleRecord, PersonRef
from editor.revisions import (
    _retrying,
    add_with_revision,
    create_revision,
    list_revisions,
    save_with_revision,
)
from editor.slugs import slugify
from editor.tags import distinct_names, tag_key
from editor.workflow.import_rules import ImportActor

_ARTICLES = cast(Table, Article.__table__)


@dataclass(frozen=True)
class Incoming:
    """One article to import: from a Markdown file, or from an item of a WordPress export."""

    source: Source
    #: Fingerprint of what it was made from, with the import's settings.
    digest: str
    fields: ImportedFields
    #: Front matter keys kept with the article (JSON-ready values).
    kept: Mapping[str, Any]
    #: The same page in other languages shares it (editor.translations).
    translation_group: str | None = None


@dataclass(frozen=True)
class Queued:
    """A new article waiting for its batch to be written."""

    incoming: Incoming
    article_id: uuid.UUID
    bylines: tuple[PersonRef, ...]


#: What a file always sets (a key it does not have means empty), in ArticleDraft names.
CONTENT_FIELDS = (
    *("headline", "body", "kicker", "slug", "lead", "section_id", "language", "tags"),
    *("lead_image", "lead_image_caption", "lead_image_credit"),
)


def content_values(fields: ImportedFields) -> dict[str, Any]:
    return {name: getattr(fields, name) for name in CONTENT_FIELDS}


def _tag_keys(tags: Sequence[str]) -> list[str]:
    return [tag_key(name) for name in distinct_names(tags)]


def _same(stored: ArticleRecord, wanted: ArticleRecord) -> bool:
    """Would saving ``wanted`` change anything the user can see?"""
    for name in EDITABLE_FIELDS:
        old, new = getattr(stored, name), getattr(wanted, name)
        if name == "slug":
            new = new or slugify(wanted.headline)
        if old != new:
            return False
    return (
        stored.body == wanted.body
        and stored.byline_ids == wanted.byline_ids
        and _tag_keys(stored.tags) == _tag_keys(wanted.tags)
        and stored.translation_group == wanted.translation_group
        and json.loads(stored.kept_fields) == json.loads(wanted.kept_fields)
        and stored.modified_at == wanted.modified_at
    )


def first_modified(fields: ImportedFields, now: datetime) -> datetime | None:
    """A new article's updated time: the page's ``lastmod``, else its publish time when that
    has passed; None: the import time."""
    if fields.modified_at is not None:
        return fields.modified_at
    published = fields.published_at
    return published if published is not None and published <= now else None


def kept_json(kept: Mapping[str, Any]) -> str:
    return json.dumps(kept, ensure_ascii=False, sort_keys=False, default=str)


def _note(source: Source) -> str:
    return f"Imported from {source.path.name}"


class ImportWriter:
    """Writes one import's articles as the importing person."""

    def __init__(
        self,
        db: Database,
        actor: ImportActor,
        sections: SectionResolver,
        people: BylinePeople,
    ) -> None:
        self.db = db
        self.actor = actor
        self.sections = sections
        self.people = people

    def _remember(
        self,
        session: Session,
        incoming: Incoming,
        article_id: uuid.UUID,
    ) -> None:
        """Keep the fingerprint of the article's source, so the next re-import of the same
        bytes is quick (only for this source's own article: one found by its id keeps
        another source's fingerprint)."""
        values: dict[str, Any] = {
            "source_digest": incoming.digest,
            "source_version": _ARTICLES.c.version,
            # Named even when it stays, or the column's onupdate would make it now.
            "updated_at": _ARTICLES.c.updated_at,
        }
        session.execute(update(_ARTICLES).where(_ARTICLES.c.id == article_id).values(**values))

    def _draft(self, new: Queued) -> ArticleDraft:
        incoming, fields = new.incoming, new.incoming.fields
        return ArticleDraft(
            **content_values(fields),
            byline_ids=self.actor.bylines_for_new(tuple(person.id for person in new.bylines)),
            status=fields.status,
            published_at=fields.published_at,
            scheduled_at=fields.scheduled_at,
            embargo_until=fields.embargo_until,
            source_key=incoming.source.key,
            translation_group=incoming.translation_group,
            kept_fields=kept_json(incoming.kept),
            modified_at=first_modified(fields, datetime.now(UTC)),
        )

    def create_all(self, batch: list[Queued]) -> None:
        """Write new articles in one unit of work; raise what the database refuses."""
        if writes_in_bulk(self.db):
            self._insert_all(batch)
            return

        def work() -> None:
            with self.db.transaction() as session:
                for new in batch:
                    incoming = new.incoming
                    audit = self.actor.audit("", f"new, from {incoming.source.path.name}")
                    add_with_revision(
                        session,
                        self._draft(new),
                        article_id=new.article_id,
                        kind="import",
                        note=_note(incoming.source),
                        author_id=self.actor.actor_id,
                        along_with=audit,
                    )
                    session.flush()
                    self._remember(session, incoming, new.article_id)

        _retrying(work)

    def _insert_all(self, batch: list[Queued]) -> None:
        people = self.people.by_id()
        items = []
        for new in batch:
            draft = self._draft(new)
            source = new.incoming.source
            items.append(
                NewArticle(
                    article_id=new.article_id,
                    draft=draft,
                    bylines=tuple(people[person_id] for person_id in draft.byline_ids),
                    revision_note=_note(source),
                    audit_note=self.actor.audit_note(f"new, from {source.path.name}"),
                    source_digest=new.incoming.digest,
                    translation_group=new.incoming.translation_group,
                )
            )
        with self.db.transaction() as session:
            insert_new_articles(
                session, items, author_id=self.actor.actor_id, sections=self.sections.sections
            )

    def update(self, incoming: Incoming, stored: ArticleRecord, wanted: ArticleRecord) -> bool:
        """Save ``wanted`` over ``stored``, keeping revisions; False when nothing changed."""
        source = incoming.source
        own = stored.source_key == source.key
        if _same(stored, wanted):
            if own and not list_revisions(self.db, stored.id):
                # Created from this file by an import that was killed before its revision
                # was kept (before both were committed together): keep it now.
                create_revision(
                    self.db,
                    stored.id,
                    kind="import",
                    note=_note(source),
                    author_id=self.actor.actor_id,
                )
                return True
            if own:
                with self.db.transaction() as session:
                    self._remember(session, incoming, stored.id)
            return False
        audit = self.actor.audit(stored.status, f"updated from {source.path.name}")

        def along_with(session: Session, article: Article) -> None:
            audit(session, article)
            if own:
                self._remember(session, incoming, stored.id)

        # The stored text may be in no revision yet (autosaved, or changed by a script):
        # the save keeps it first.
        saved = save_with_revision(
            self.db,
            wanted,
            kind="import",
            note=_note(source),
            unrevised_note=f"Before importing {source.path.name}",
            author_id=self.actor.actor_id,
            along_with=along_with,
        )
        return saved is not None
