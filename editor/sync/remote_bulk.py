"""Writing a pulled page of article states with a handful of statements.

``remote_apply.apply_article`` writes one article with some thirty statements, which held
a first sync of a big newsroom to a few dozen articles a second. A page of up to 500
states is written here as ``_write_article`` would write each of them, but every table
gets one statement per page: the people, tags and sections the page names once each,
articles that are new here in multi-row inserts, their bodies, bylines, tags,
corrections, conflict marks, shadows and search rows likewise.

What must stay one at a time stays so: an article with local ops waiting (its state is
deferred, ``apply_article``) and an article gone or no longer readable.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from editor.models import (
    Article,
    ArticleBody,
    ArticleCorrection,
    ArticleTag,
    Byline,
    Person,
    Section,
    Tag,
)
from editor.search import replace_search_rows, search_row
from editor.sync.bulk_rows import insert_rows, update_rows
from editor.sync.remote_apply import (
    _article_values,
    apply_article,
    apply_change,
    apply_person,
    apply_section,
    apply_tag,
)
from editor.sync.states import State, dumps, parse_time, parse_uuid, table_of
from editor.sync.tables import ArticleConflict, OutboxOp, SyncDeferred, SyncShadow

#: SQLite allows 32,766 parameters a statement; the widest row here has about 25.
ROWS_PER_STATEMENT = 500


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), ROWS_PER_STATEMENT):
        yield items[start : start + ROWS_PER_STATEMENT]


def _insert(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    insert_rows(session, table_of(model), rows)


def _delete(session: Session, column: Any, ids: Sequence[uuid.UUID]) -> None:
    for chunk in _chunks(ids):
        session.execute(delete(column.table).where(column.in_(chunk)))


def apply_page(session: Session, changes: Sequence[dict[str, Any]]) -> None:
    """Apply one pulled page: what is not an article first (people, sections, tags,
    settings, words), then the articles, then comments (which need their article)."""
    articles = [c for c in changes if c["kind"] == "article"]
    for change in changes:
        if change["kind"] not in ("article", "comment"):
            apply_change(session, change)
    apply_article_states(session, articles)
    for change in changes:
        if change["kind"] == "comment":
            apply_change(session, change)


def apply_article_states(session: Session, changes: Sequence[dict[str, Any]]) -> None:
    latest: dict[uuid.UUID, State | None] = {}
    for change in changes:
        latest[uuid.UUID(change["id"])] = change.get("state")
    ids = list(latest)
    waiting: set[uuid.UUID] = set()
    for chunk in _chunks(ids):
        waiting.update(
            session.scalars(select(OutboxOp.article_id).where(OutboxOp.article_id.in_(chunk)))
        )
    together: list[State] = []
    gone: list[uuid.UUID] = []
    for article_id, state in latest.items():
        if article_id in waiting:
            apply_article(session, article_id, state)
        elif state is None:
            gone.append(article_id)
        else:
            together.append(state)
    # Gone, or not readable (another reporter's draft): only an article held here has
    # anything to remove; a first sync meets thousands it never held.
    held: set[uuid.UUID] = set()
    for chunk in _chunks(gone):
        held.update(session.scalars(select(Article.id).where(Article.id.in_(chunk))))
    _delete(session, SyncDeferred.article_id, [i for i in gone if i not in held])
    for article_id in gone:
        if article_id in held:
            apply_article(session, article_id, None)
    if together:
        _delete(session, SyncDeferred.article_id, [uuid.UUID(s["id"]) for s in together])
        write_articles(session, together)


def _refs(session: Session, states: Sequence[State]) -> set[uuid.UUID]:
    """Write the people, tags and sections the page names, each once; the people known."""
    people: dict[str, State] = {}
    tags: dict[str, State] = {}
    sections: dict[str, State] = {}
    for state in states:
        for person in state.get("people") or ():
            people[person["id"]] = person
        for tag in state.get("tag_refs") or ():
            tags[tag["id"]] = tag
        for section in state.get("section_refs") or ():
            sections[section["id"]] = section
    known_people = {
        (str(row.id), row.version, row.handle, row.name, row.role, row.active, row.email)
        for row in session.execute(
            select(
                Person.id,
                Person.version,
                Person.handle,
                Person.name,
                Person.role,
                Person.active,
                Person.email,
            )
        )
    }
    for person in people.values():
        current = (
            person["id"],
            person.get("version"),
            person["handle"],
            person["name"],
            person.get("role"),
            bool(person.get("active", True)),
            person.get("email"),
        )
        if current not in known_people:
            apply_person(session, person)
    known_tags = {(str(i), n, s) for i, n, s in session.execute(select(Tag.id, Tag.name, Tag.slug))}
    for tag in tags.values():
        if (tag["id"], tag["name"], tag["slug"]) not in known_tags:
            apply_tag(session, tag)
    known_sections = {(str(i), v) for i, v in session.execute(select(Section.id, Section.version))}
    for section in sections.values():
        if (section["id"], section.get("version", 1)) not in known_sections:
            apply_section(session, section)
    return set(session.scalars(select(Person.id)))


def write_articles(session: Session, states: Sequence[State]) -> None:
    """What ``remote_apply._write_article`` writes for each state, table by table."""
    people = _refs(session, states)
    ids = [uuid.UUID(s["id"]) for s in states]
    existing: set[uuid.UUID] = set()
    shadows: dict[uuid.UUID, tuple[bool, int]] = {}
    for chunk in _chunks(ids):
        existing.update(session.scalars(select(Article.id).where(Article.id.in_(chunk))))
        for article_id, has_body, version in session.execute(
            select(SyncShadow.article_id, SyncShadow.has_body, SyncShadow.server_version).where(
                SyncShadow.article_id.in_(chunk)
            )
        ):
            shadows[article_id] = (bool(has_body), int(version))
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    bodies: list[dict[str, Any]] = []
    body_gone: list[uuid.UUID] = []
    bylines: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    corrections: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    shadow_rows: list[dict[str, Any]] = []
    search: list[dict[str, Any]] = []
    kept = _kept_bodies(session, ids, states, shadows)
    for state, article_id in zip(states, ids, strict=True):
        content = state["content"]
        values = _article_values(state)
        saver = parse_uuid(state.get("updated_by_id"))
        values["updated_by_id"] = saver if saver in people else None
        if article_id in existing:
            changed_rows.append({"id": article_id, **values})
        else:
            new_rows.append({"id": article_id, **values})
        shadow = shadows.get(article_id)
        body = content.get("body")
        has_body = body is not None
        if body is not None:
            bodies.append({"article_id": article_id, "markdown": body})
        elif shadow is None or not shadow[0] or shadow[1] != state["version"]:
            body_gone.append(article_id)  # not carried here, or no longer known current
        else:
            has_body = True  # unchanged since the body was last pulled
            content = {**content, "body": kept[article_id]}  # the next save's base
        bylines.extend(
            {"article_id": article_id, "person_id": uuid.UUID(p), "position": i}
            for i, p in enumerate(content.get("bylines") or ())
            if uuid.UUID(p) in people
        )
        tags.extend(
            {"article_id": article_id, "tag_id": uuid.UUID(t["id"]), "position": i}
            for i, t in enumerate(state.get("tag_refs") or ())
        )
        for row in state.get("corrections") or ():
            author = parse_uuid(row.get("author_id"))
            corrections.append(
                {
                    "id": uuid.UUID(row["id"]),
                    "article_id": article_id,
                    "author_id": author if author in people else None,
                    "corrected_at": parse_time(row["corrected_at"]),
                    "note": row.get("note", ""),
                }
            )
        conflict = state.get("conflict")
        if conflict:
            person = parse_uuid(conflict.get("person_id"))
            conflicts.append(
                {
                    "article_id": article_id,
                    "person_id": person if person in people else None,
                    "created_at": parse_time(conflict.get("created_at")),
                    "article_version": conflict.get("article_version", 0),
                    "revision_id": None,
                    "mine_json": dumps(conflict.get("mine") or {}),
                    "fields": conflict.get("fields", ""),
                }
            )
        shadow_rows.append(
            {
                "article_id": article_id,
                "server_version": state["version"],
                "has_body": has_body,
                "state_json": dumps({**content, "status": state["status"]}),
            }
        )
        search.append(
            search_row(article_id, values["headline"], values["lead"], content["body"] or "")
        )
    update_rows(session, table_of(Article), "id", changed_rows)
    _insert(session, Article, new_rows)
    # An article new here has no rows in the tables below (they cascade from articles):
    # a first sync deletes nothing.
    present = [i for i in ids if i in existing]
    replaced = [b["article_id"] for b in bodies if b["article_id"] in existing]
    _delete(session, ArticleBody.article_id, replaced + [i for i in body_gone if i in existing])
    _insert(session, ArticleBody, bodies)
    for model in (Byline, ArticleTag, ArticleCorrection, ArticleConflict, SyncShadow):
        _delete(session, model.article_id, present)
    _insert(session, Byline, bylines)
    _insert(session, ArticleTag, tags)
    _insert(session, ArticleCorrection, corrections)
    _insert(session, ArticleConflict, conflicts)
    _insert(session, SyncShadow, shadow_rows)
    replace_search_rows(session, search)


def _kept_bodies(
    session: Session,
    ids: Sequence[uuid.UUID],
    states: Sequence[State],
    shadows: dict[uuid.UUID, tuple[bool, int]],
) -> dict[uuid.UUID, str]:
    """The bodies this replica keeps from an earlier pull (the state came without one,
    and the version has not moved since): read back for the search rows and the shadow."""
    wanted = [
        article_id
        for article_id, state in zip(ids, states, strict=True)
        if state["content"].get("body") is None
        and shadows.get(article_id, (False, -1)) == (True, state["version"])
    ]
    stored: dict[uuid.UUID, str] = dict.fromkeys(wanted, "")
    for chunk in _chunks(wanted):
        query = select(ArticleBody.article_id, ArticleBody.markdown)
        for article_id, text_ in session.execute(query.where(ArticleBody.article_id.in_(chunk))):
            stored[article_id] = text_ or ""
    return stored
