"""The server's rows as the states a pull carries (see docs/sync.md, "Pulled states").

Built in batches: a first sync of a big newsroom reads thousands of rows per pull, so
each kind is loaded with one query per batch, never one per row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from editor.models import (
    Article,
    ArticleBody,
    ArticleCorrection,
    NewsroomWord,
    Person,
    ReviewComment,
    Section,
    Setting,
    Tag,
)
from editor.sync.states import State, iso, loads
from editor.sync.tables import ArticleConflict
from editor.sync.visibility import bodies_carried, may_read

CHUNK = 500
#: Settings a replica needs to show the newsroom as it is (times, names, addresses).
SYNCED_SETTINGS_PREFIXES = ("zone", "site_name", "base_url", "section", "checklist", "house")


def person_state(person: Person) -> State:
    """A person without the password hash: that never leaves the server."""
    return {
        "id": str(person.id),
        "name": person.name,
        "handle": person.handle,
        "email": person.email,
        "role": person.role,
        "active": person.active,
        "version": person.version,
        "created_at": iso(person.created_at),
        "updated_at": iso(person.updated_at),
    }


def section_state(section: Section) -> State:
    return {
        "id": str(section.id),
        "parent_id": str(section.parent_id) if section.parent_id else None,
        "name": section.name,
        "slug": section.slug,
        "position": section.position,
        "word_target": section.word_target,
        "version": section.version,
        "created_at": iso(section.created_at),
        "updated_at": iso(section.updated_at),
    }


def section_chain(sections: dict[uuid.UUID, Section], section_id: uuid.UUID | None) -> list[State]:
    """The section and its parents, root first, so a replica can insert them in order."""
    chain: list[State] = []
    seen: set[uuid.UUID] = set()
    while section_id is not None and section_id in sections and section_id not in seen:
        seen.add(section_id)
        section = sections[section_id]
        chain.insert(0, section_state(section))
        section_id = section.parent_id
    return chain


def _all_sections(session: Session) -> dict[uuid.UUID, Section]:
    return {section.id: section for section in session.scalars(select(Section))}


def word_state(row: NewsroomWord) -> State:
    """A word of the newsroom's list; a null state means it was removed."""
    return {
        "word": row.word,
        "added_by_id": str(row.added_by_id) if row.added_by_id else None,
        "added_at": iso(row.added_at),
    }


def tag_state(tag: Tag) -> State:
    return {"id": str(tag.id), "name": tag.name, "slug": tag.slug}


def comment_state(comment: ReviewComment) -> State:
    return {
        "id": str(comment.id),
        "article_id": str(comment.article_id),
        "author_id": str(comment.author_id) if comment.author_id else None,
        "text": comment.text,
        "quote": comment.quote,
        "anchor_start": comment.anchor_start,
        "resolved_at": iso(comment.resolved_at),
        "resolved_by_id": str(comment.resolved_by_id) if comment.resolved_by_id else None,
        "version": comment.version,
        "created_at": iso(comment.created_at),
        "updated_at": iso(comment.updated_at),
    }


def article_content(article: Article, body: str | None) -> State:
    """``states.content_of`` read straight from the row (no section lookup per article);
    ``body`` None when the body does not travel."""
    return {
        "headline": article.headline,
        "kicker": article.kicker,
        "slug": article.slug,
        "lead": article.lead,
        "section_id": str(article.section_id) if article.section_id else None,
        "language": article.language,
        "lead_image": article.lead_image,
        "lead_image_caption": article.lead_image_caption,
        "lead_image_credit": article.lead_image_credit,
        "embargo_until": iso(article.embargo_until),
        "bylines": [str(b.person_id) for b in article.bylines],
        "tags": [t.tag.name for t in article.tags],
        "translation_group": article.translation_group,
        "kept_fields": article.kept_fields,
        "modified_at": iso(article.modified_at),
        "source_key": article.source_key,
        "body": body,
    }


def _chunks(ids: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _people(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, Person]:
    found: dict[uuid.UUID, Person] = {}
    for chunk in _chunks(sorted(ids)):
        for person in session.scalars(select(Person).where(Person.id.in_(chunk))):
            found[person.id] = person
    return found


def _articles(session: Session, ids: list[uuid.UUID]) -> list[Article]:
    found: list[Article] = []
    for chunk in _chunks(ids):
        query = select(Article).where(Article.id.in_(chunk)).options(selectinload(Article.bylines))
        found.extend(session.scalars(query))
    return found


def _bodies(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The bodies that travel, and only those: most of a big newsroom's do not (a first
    sync read every body of the newsroom to send a fiftieth of them)."""
    found: dict[uuid.UUID, str] = dict.fromkeys(ids, "")
    for chunk in _chunks(ids):
        query = select(ArticleBody.article_id, ArticleBody.markdown)
        for article_id, markdown in session.execute(query.where(ArticleBody.article_id.in_(chunk))):
            found[article_id] = markdown or ""
    return found


def article_states(
    session: Session, reader: Person, ids: list[uuid.UUID], *, bodies: set[uuid.UUID] | None = None
) -> dict[uuid.UUID, State | None]:
    """Each article's full state as ``reader`` may see it; None for one they may not read
    (or that no longer exists). ``bodies`` adds bodies beyond the usual ones."""
    articles = [a for a in _articles(session, ids)]
    readable = [a for a in articles if may_read(reader, a.status, (b.person_id for b in a.bylines))]
    with_body = bodies_carried(session, reader, readable) | (bodies or set())
    texts = _bodies(session, [a.id for a in readable if a.id in with_body])
    readable_ids = [a.id for a in readable]
    corrections: dict[uuid.UUID, list[State]] = {}
    conflicts: dict[uuid.UUID, ArticleConflict] = {}
    for chunk in _chunks(readable_ids):
        rows = session.scalars(
            select(ArticleCorrection)
            .where(ArticleCorrection.article_id.in_(chunk))
            .order_by(ArticleCorrection.corrected_at, ArticleCorrection.id)
        )
        for row in rows:
            corrections.setdefault(row.article_id, []).append(
                {
                    "id": str(row.id),
                    "author_id": str(row.author_id) if row.author_id else None,
                    "corrected_at": iso(row.corrected_at),
                    "note": row.note,
                }
            )
        for found in session.scalars(
            select(ArticleConflict).where(ArticleConflict.article_id.in_(chunk))
        ):
            conflicts[found.article_id] = found
    states: dict[uuid.UUID, State | None] = dict.fromkeys(ids)
    sections = _all_sections(session) if readable else {}
    savers = _people(session, {a.updated_by_id for a in readable if a.updated_by_id})
    for article in readable:
        people = {p.id: p for p in (b.person for b in article.bylines)}
        saver = savers.get(article.updated_by_id) if article.updated_by_id else None
        if saver is not None:
            people.setdefault(saver.id, saver)
        conflict = conflicts.get(article.id)
        states[article.id] = {
            "id": str(article.id),
            "version": article.version,
            "created_at": iso(article.created_at),
            "updated_at": iso(article.updated_at),
            "status": article.status,
            "status_before_trash": article.status_before_trash,
            "published_at": iso(article.published_at),
            "scheduled_at": iso(article.scheduled_at),
            "word_count": article.word_count,
            "source_key": article.source_key,
            # Whose save made this version: a replica keeps a version that loses a save
            # conflict as a revision under that person's name (editor.workflow.kept_text).
            "updated_by_id": str(article.updated_by_id) if article.updated_by_id else None,
            "content": article_content(article, texts.get(article.id)),
            "people": [person_state(p) for p in people.values()],
            "section_refs": section_chain(sections, article.section_id),
            "tag_refs": [tag_state(t.tag) for t in article.tags],
            "corrections": corrections.get(article.id, []),
            "conflict": None
            if conflict is None
            else {
                "person_id": str(conflict.person_id) if conflict.person_id else None,
                "created_at": iso(conflict.created_at),
                "article_version": conflict.article_version,
                "mine": loads(conflict.mine_json),
                "fields": conflict.fields,
            },
        }
    return states


def other_states(
    session: Session, reader: Person, kind: str, keys: list[str]
) -> dict[str, State | None]:
    """States of sections, people, tags, comments, settings, words and pictures' descriptions,
    by their key."""
    states: dict[str, State | None] = dict.fromkeys(keys)
    if kind == "media":
        from editor.sync.media_items import media_states

        return media_states(session, keys)
    if kind == "word":
        for chunk in _chunks(keys):
            for row in session.scalars(select(NewsroomWord).where(NewsroomWord.word.in_(chunk))):
                states[row.word] = word_state(row)
        return states
    if kind == "setting":
        wanted = [k for k in keys if k.startswith(SYNCED_SETTINGS_PREFIXES)]
        for chunk in _chunks(wanted):
            for setting in session.scalars(select(Setting).where(Setting.key.in_(chunk))):
                states[setting.key] = {"key": setting.key, "value": setting.value}
        return states
    ids = [uuid.UUID(k) for k in keys]
    for chunk in _chunks(ids):
        if kind == "person":
            for person in session.scalars(select(Person).where(Person.id.in_(chunk))):
                states[str(person.id)] = person_state(person)
        elif kind == "section":
            sections = _all_sections(session)
            for section_id in chunk:
                if section_id in sections:
                    chain = section_chain(sections, section_id)
                    states[str(section_id)] = {**chain[-1], "ancestors": chain[:-1]}
        elif kind == "tag":
            for tag in session.scalars(select(Tag).where(Tag.id.in_(chunk))):
                states[str(tag.id)] = tag_state(tag)
        elif kind == "comment":
            comments = list(
                session.scalars(select(ReviewComment).where(ReviewComment.id.in_(chunk)))
            )
            parents = article_states(session, reader, list({c.article_id for c in comments}))
            for comment in comments:
                if parents.get(comment.article_id) is not None:
                    states[str(comment.id)] = comment_state(comment)
    return states
