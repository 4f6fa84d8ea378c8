"""Writing the server's state into a replica, never over a local change still waiting.

Runs in a unit of work marked ``capture.REMOTE`` (nothing is queued for it). An article
that still has ops in the outbox is not touched: its state waits in ``sync_deferred``
until those ops are through, and is then applied unless a newer one came meanwhile.
Rows are written with plain SQL statements, so the server's version numbers are kept as
they are (the ORM would count them on).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import Session, selectinload

from editor.models import (
    Article,
    ArticleBody,
    ArticleCorrection,
    ArticleTag,
    Byline,
    NewsroomWord,
    Person,
    ReviewComment,
    Section,
    Setting,
    Tag,
)
from editor.search import reindex_article
from editor.sync.media_items import apply_media
from editor.sync.states import (
    State,
    dumps,
    loads,
    parse_group,
    parse_kept,
    parse_time,
    parse_uuid,
    table_of,
)
from editor.sync.tables import ArticleConflict, OutboxOp, SyncDeferred, SyncShadow


def has_pending(session: Session, article_id: uuid.UUID) -> bool:
    return bool(session.scalar(select(exists().where(OutboxOp.article_id == article_id))))


def _upsert(session: Session, model: Any, key: dict[str, Any], values: dict[str, Any]) -> None:
    table = model.__table__
    where = [table.c[name] == value for name, value in key.items()]
    found = session.execute(select(*table.primary_key.columns).where(*where)).first()
    if found is None:
        session.execute(insert(table).values(**key, **values))
    else:
        session.execute(update(table).where(*where).values(**values))


def _times(state: State, *names: str) -> dict[str, Any]:
    return {name: parse_time(state.get(name)) for name in names}


def apply_person(session: Session, state: State) -> None:
    person_id = uuid.UUID(state["id"])
    values = {
        "name": state["name"],
        "handle": state["handle"],
        "role": state.get("role", "reporter"),
        "active": bool(state.get("active", True)),
    }
    for optional in ("email", "version"):
        if optional in state:
            values[optional] = state[optional]
    times = {k: v for k, v in _times(state, "created_at", "updated_at").items() if v}
    # A handle another (older) row still holds moves aside: the server's row is the truth.
    session.execute(
        update(table_of(Person))
        .where(Person.handle == values["handle"], Person.id != person_id)
        .values(handle=f"{values['handle']}~{person_id.hex[:8]}")
    )
    _upsert(session, Person, {"id": person_id}, {**values, **times})


def apply_section(session: Session, state: State) -> None:
    for ancestor in state.get("ancestors") or ():
        apply_section(session, ancestor)
    values = {
        "parent_id": parse_uuid(state.get("parent_id")),
        "name": state["name"],
        "slug": state["slug"],
        "position": state.get("position", 0),
        "word_target": state.get("word_target", 0),
        "version": state.get("version", 1),
        **{k: v for k, v in _times(state, "created_at", "updated_at").items() if v},
    }
    _upsert(session, Section, {"id": uuid.UUID(state["id"])}, values)


def apply_tag(session: Session, state: State) -> None:
    tag_id, slug = uuid.UUID(state["id"]), state["slug"]
    other = session.scalar(select(Tag.id).where(Tag.slug == slug, Tag.id != tag_id))
    if other is not None:
        # Made here for an offline save; the server's tag of the same name takes over.
        if session.get(Tag, tag_id) is None:
            session.execute(
                insert(table_of(Tag)).values(id=tag_id, name=state["name"], slug=slug + "~")
            )
        session.execute(
            update(table_of(ArticleTag)).where(ArticleTag.tag_id == other).values(tag_id=tag_id)
        )
        session.execute(delete(table_of(Tag)).where(Tag.id == other))
    _upsert(session, Tag, {"id": tag_id}, {"name": state["name"], "slug": slug})


def apply_setting(session: Session, state: State) -> None:
    _upsert(session, Setting, {"key": state["key"]}, {"value": state.get("value", "")})


def apply_word(session: Session, state: State) -> None:
    added_by = parse_uuid(state.get("added_by_id"))
    if added_by is not None and session.get(Person, added_by) is None:
        added_by = None  # someone this replica has not heard of yet
    values = {"added_by_id": added_by, **{k: v for k, v in _times(state, "added_at").items() if v}}
    _upsert(session, NewsroomWord, {"word": state["word"]}, values)


def apply_comment(session: Session, state: State) -> None:
    article_id = uuid.UUID(state["article_id"])
    if session.get(Article, article_id) is None:
        return
    people = set(session.scalars(select(Person.id)))
    author, resolver = parse_uuid(state.get("author_id")), parse_uuid(state.get("resolved_by_id"))
    values = {
        "article_id": article_id,
        "author_id": author if author in people else None,
        "text": state["text"],
        "quote": state.get("quote", ""),
        "anchor_start": state.get("anchor_start"),
        "resolved_at": parse_time(state.get("resolved_at")),
        "resolved_by_id": resolver if resolver in people else None,
        "version": state.get("version", 1),
        **{k: v for k, v in _times(state, "created_at", "updated_at").items() if v},
    }
    _upsert(session, ReviewComment, {"id": uuid.UUID(state["id"])}, values)


def _ensure_people(session: Session, people: Iterable[State]) -> None:
    for person in people:
        apply_person(session, person)


def _article_values(state: State) -> dict[str, Any]:
    content = state["content"]
    return {
        "headline": content.get("headline", ""),
        "kicker": content.get("kicker", ""),
        "slug": content.get("slug", ""),
        "lead": content.get("lead", ""),
        "section_id": parse_uuid(content.get("section_id")),
        "language": content.get("language", "id"),
        "status": state["status"],
        "status_before_trash": state.get("status_before_trash"),
        "lead_image": content.get("lead_image", ""),
        "lead_image_caption": content.get("lead_image_caption", ""),
        "lead_image_credit": content.get("lead_image_credit", ""),
        "embargo_until": parse_time(content.get("embargo_until")),
        "word_count": state.get("word_count", 0),
        "source_key": state.get("source_key"),
        "translation_group": parse_group(content.get("translation_group")),
        "kept_fields": parse_kept(content.get("kept_fields")),
        "modified_at": parse_time(content.get("modified_at")),
        "version": state["version"],
        **_times(state, "published_at", "scheduled_at", "created_at", "updated_at"),
    }


def _write_article(session: Session, state: State) -> None:
    article_id = uuid.UUID(state["id"])
    content = state["content"]
    _ensure_people(session, state.get("people") or ())
    for tag in state.get("tag_refs") or ():
        apply_tag(session, tag)
    for section in state.get("section_refs") or ():
        apply_section(session, section)
    values = _article_values(state)
    people = set(session.scalars(select(Person.id)))
    saver = parse_uuid(state.get("updated_by_id"))
    values["updated_by_id"] = saver if saver in people else None
    if values["source_key"] is not None:
        # Another article here made from the same file (imported on this replica too)
        # gives the key up: the server's article is the one re-imports update.
        session.execute(
            update(table_of(Article))
            .where(Article.source_key == values["source_key"], Article.id != article_id)
            .values(source_key=None, updated_at=Article.updated_at)
        )
    _upsert(session, Article, {"id": article_id}, values)
    shadow = session.get(SyncShadow, article_id)
    body = content.get("body")
    has_body = body is not None
    if body is not None:
        _upsert(session, ArticleBody, {"article_id": article_id}, {"markdown": body})
    elif shadow is None or not shadow.has_body or shadow.server_version != state["version"]:
        # The replica does not carry this body (or no longer knows it is current).
        session.execute(delete(table_of(ArticleBody)).where(ArticleBody.article_id == article_id))
    else:
        has_body = True  # unchanged since the body was last pulled
        # ... and still the base of the next local save (None would read as "unknown",
        # and the server would find every change of it a conflict).
        kept = session.scalar(
            select(ArticleBody.markdown).where(ArticleBody.article_id == article_id)
        )
        content = {**content, "body": kept or ""}
    session.execute(delete(table_of(Byline)).where(Byline.article_id == article_id))
    rows = [
        {"article_id": article_id, "person_id": uuid.UUID(p), "position": i}
        for i, p in enumerate(content.get("bylines") or ())
        if uuid.UUID(p) in people
    ]
    if rows:
        session.execute(insert(table_of(Byline)), rows)
    session.execute(delete(table_of(ArticleTag)).where(ArticleTag.article_id == article_id))
    tags = [uuid.UUID(t["id"]) for t in state.get("tag_refs") or ()]
    if tags:
        session.execute(
            insert(table_of(ArticleTag)),
            [{"article_id": article_id, "tag_id": t, "position": i} for i, t in enumerate(tags)],
        )
    _write_corrections(session, article_id, state.get("corrections") or (), people)
    _write_conflict(session, article_id, state.get("conflict"), people)
    shadow_state = dumps({**content, "status": state["status"]})
    shadow_values = {"server_version": state["version"], "has_body": has_body}
    if not has_body and shadow is not None:
        # Keep a body known from before out of the base: it is no longer current.
        shadow_state = dumps({**content, "body": None, "status": state["status"]})
    _upsert(
        session,
        SyncShadow,
        {"article_id": article_id},
        {**shadow_values, "state_json": shadow_state},
    )
    article = session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(selectinload(Article.body))
        .execution_options(populate_existing=True)
    )
    if article is not None:
        reindex_article(session, article)


def _write_corrections(
    session: Session, article_id: uuid.UUID, corrections: Iterable[State], people: set[uuid.UUID]
) -> None:
    session.execute(
        delete(table_of(ArticleCorrection)).where(ArticleCorrection.article_id == article_id)
    )
    for row in corrections:
        author = parse_uuid(row.get("author_id"))
        session.execute(
            insert(table_of(ArticleCorrection)).values(
                id=uuid.UUID(row["id"]),
                article_id=article_id,
                author_id=author if author in people else None,
                corrected_at=parse_time(row["corrected_at"]),
                note=row.get("note", ""),
            )
        )


def _write_conflict(
    session: Session, article_id: uuid.UUID, conflict: State | None, people: set[uuid.UUID]
) -> None:
    session.execute(
        delete(table_of(ArticleConflict)).where(ArticleConflict.article_id == article_id)
    )
    if not conflict:
        return
    person = parse_uuid(conflict.get("person_id"))
    session.execute(
        insert(table_of(ArticleConflict)).values(
            article_id=article_id,
            person_id=person if person in people else None,
            created_at=parse_time(conflict.get("created_at")),
            article_version=conflict.get("article_version", 0),
            revision_id=None,
            mine_json=dumps(conflict.get("mine") or {}),
            fields=conflict.get("fields", ""),
        )
    )


def apply_article(session: Session, article_id: uuid.UUID, state: State | None) -> str:
    """Write the server's ``state`` of an article; "deferred" while local ops wait,
    "removed" when it is gone or no longer readable, else "applied"."""
    if has_pending(session, article_id):
        if state is not None:
            deferred = session.get(SyncDeferred, article_id)
            if deferred is None or deferred.server_version <= state["version"]:
                _upsert(
                    session,
                    SyncDeferred,
                    {"article_id": article_id},
                    {"server_version": state["version"], "state_json": dumps(state)},
                )
        return "deferred"
    session.execute(delete(table_of(SyncDeferred)).where(SyncDeferred.article_id == article_id))
    if state is None:
        if session.get(Article, article_id) is not None:
            session.execute(delete(table_of(Article)).where(Article.id == article_id))
        return "removed"
    _write_article(session, state)
    return "applied"


def apply_deferred(session: Session) -> int:
    """Apply the states that waited for local ops now pushed; returns how many."""
    done = 0
    for deferred in list(session.scalars(select(SyncDeferred))):
        if not has_pending(session, deferred.article_id):
            apply_article(session, deferred.article_id, loads(deferred.state_json))
            done += 1
    return done


APPLIERS = {
    "person": apply_person,
    "section": apply_section,
    "tag": apply_tag,
    "setting": apply_setting,
    "comment": apply_comment,
    "word": apply_word,
    "media": apply_media,
}


def apply_change(session: Session, change: dict[str, Any]) -> str:
    kind, state = change["kind"], change.get("state")
    if kind == "article":
        return apply_article(session, uuid.UUID(change["id"]), state)
    if state is None and kind == "word":
        # Removed from the newsroom's list on the server: gone here too.
        session.execute(delete(table_of(NewsroomWord)).where(NewsroomWord.word == change["id"]))
        return "applied"
    if state is None:
        return "skipped"  # people, sections, tags and settings are never removed here
    APPLIERS[kind](session, state)
    return "applied"
