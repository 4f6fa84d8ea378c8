"""The article service: create, read, save with optimistic locking, trash and restore.

The GUI and the command line both come through here; nothing else writes articles.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from editor.database import Database
from editor.errors import ConflictError, NotFoundError, ValidationError
from editor.i18n import _
from editor.models import Article, ArticleBody, ArticleTag, Byline, Person, Section, Tag, utcnow
from editor.records import (
    LANGUAGES,
    STATUSES,
    ArticleDraft,
    ArticleRecord,
    PersonRef,
)
from editor.retrying import retrying
from editor.search import reindex_article
from editor.sections import section_records
from editor.slugs import slugify
from editor.tags import resolve_tags
from editor.text import word_count
from editor.time_range import in_range

#: Fields a save copies from the record onto the stored article.
EDITABLE_FIELDS = (
    "headline",
    "kicker",
    "slug",
    "lead",
    "section_id",
    "language",
    "status",
    "lead_image",
    "lead_image_caption",
    "lead_image_credit",
    "published_at",
    "scheduled_at",
    "embargo_until",
)
MAX_BODY_CHARS = 2_000_000


def _load(session: Session, article_id: uuid.UUID) -> Article:
    # From the session when this unit of work has it already (a save reads the article
    # three times; a pushed batch many more), with its body.
    article = session.get(Article, article_id, options=[selectinload(Article.body)])
    if article is not None and "body" in inspect(article).unloaded:
        article = session.scalar(
            select(Article).where(Article.id == article_id).options(selectinload(Article.body))
        )
    if article is None:
        raise NotFoundError(_("No article with id {article_id}.").format(article_id=article_id))
    return article


def to_record(session: Session, article: Article) -> ArticleRecord:
    section_name = section_path = ""
    if article.section_id is not None:
        for section in section_records(session):
            if section.id == article.section_id:
                section_name, section_path = section.name, section.path
    return ArticleRecord(
        id=article.id,
        version=article.version,
        headline=article.headline,
        body=article.body.markdown if article.body else "",
        kicker=article.kicker,
        slug=article.slug,
        lead=article.lead,
        section_id=article.section_id,
        language=article.language,
        status=article.status,
        bylines=tuple(
            PersonRef(b.person.id, b.person.name, b.person.handle) for b in article.bylines
        ),
        tags=tuple(t.tag.name for t in article.tags),
        lead_image=article.lead_image,
        lead_image_caption=article.lead_image_caption,
        lead_image_credit=article.lead_image_credit,
        published_at=article.published_at,
        scheduled_at=article.scheduled_at,
        embargo_until=article.embargo_until,
        created_at=article.created_at,
        updated_at=article.updated_at,
        word_count=article.word_count,
        source_key=article.source_key,
        translation_group=article.translation_group,
        kept_fields=article.kept_fields,
        modified_at=article.modified_at,
        section_name=section_name,
        section_path=section_path,
    )


def _validate(values: dict[str, object], body: str) -> None:
    if values["status"] not in STATUSES:
        raise ValidationError(
            _("Unknown status '{status}'. Choose one of: {statuses}.").format(
                status=values["status"], statuses=", ".join(STATUSES)
            )
        )
    if values["language"] not in LANGUAGES:
        raise ValidationError(
            _("Unknown language '{language}'. Choose one of: {languages}.").format(
                language=values["language"], languages=", ".join(LANGUAGES)
            )
        )
    if len(body) > MAX_BODY_CHARS:
        raise ValidationError(
            _(
                "The body has {body:,} characters; the limit is {max_body_chars:,}. "
                "Split the article or move material into attachments."
            ).format(body=len(body), max_body_chars=MAX_BODY_CHARS)
        )
    for name in ("published_at", "scheduled_at", "embargo_until"):
        value = values[name]
        if isinstance(value, datetime) and value.tzinfo is None:
            raise ValidationError(_("{name} needs a time zone.").format(name=name))
        if isinstance(value, datetime):
            in_range(value)  # stored times must stay showable in every zone


def _set_tags(session: Session, article: Article, names: Iterable[str]) -> None:
    resolved = resolve_tags(session, list(names))
    ids = [tag_id for tag_id, _name in resolved.values()]
    by_id = (
        {tag.id: tag for tag in session.scalars(select(Tag).where(Tag.id.in_(ids)))} if ids else {}
    )
    wanted = [by_id[tag_id] for tag_id in ids]
    current = [(t.tag_id, t.position) for t in article.tags]
    if current != [(tag.id, i) for i, tag in enumerate(wanted)]:
        article.tags = [
            ArticleTag(tag_id=tag.id, tag=tag, position=i) for i, tag in enumerate(wanted)
        ]


def _set_bylines(session: Session, article: Article, person_ids: Iterable[uuid.UUID]) -> None:
    ids = list(dict.fromkeys(person_ids))
    if [b.person_id for b in article.bylines] == ids:
        return
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
    missing = [str(i) for i in ids if i not in people]
    if missing:
        raise ValidationError(
            _("Unknown byline person: {missing}.").format(missing=", ".join(missing))
        )
    article.bylines = [
        Byline(person_id=pid, person=people[pid], position=i) for i, pid in enumerate(ids)
    ]


def _apply(
    session: Session,
    article: Article,
    values: dict[str, object],
    body: str,
    byline_ids: Iterable[uuid.UUID],
    tags: Iterable[str],
) -> None:
    # No autoflush: one flush at the end, so a save moves the version by exactly one.
    with session.no_autoflush:
        _validate(values, body)
        section_id = values["section_id"]
        if section_id is not None and session.get(Section, section_id) is None:
            raise ValidationError(_("Unknown section {section_id}.").format(section_id=section_id))
        if not values["slug"]:
            values = {**values, "slug": slugify(str(values["headline"]))}
        for name in EDITABLE_FIELDS:
            if getattr(article, name) != values[name]:
                setattr(article, name, values[name])
        if article.status in ("published", "corrected") and article.published_at is None:
            article.published_at = utcnow()
        if article.body is None:
            article.body = ArticleBody(markdown=body)
        elif article.body.markdown != body:
            article.body.markdown = body
        article.word_count = word_count(body)
        _set_bylines(session, article, byline_ids)
        _set_tags(session, article, tags)


#: Called inside a write's unit of work with the stored article, so what it records (an
#: audit entry) commits together with the change or not at all.
AlongWith = Callable[[Session, Article], object]


def create_article(
    db: Database,
    draft: ArticleDraft | None = None,
    *,
    article_id: uuid.UUID | None = None,
    along_with: AlongWith | None = None,
    saved_by: uuid.UUID | None = None,
) -> ArticleRecord:
    """A new article; ``article_id`` keeps an id made elsewhere (importing an exported file).

    ``saved_by``: the person writing it (``Article.updated_by_id``), when someone is.
    """
    with db.transaction() as session:
        article = add_article(session, draft or ArticleDraft(), article_id, saved_by=saved_by)
        if along_with is not None:
            along_with(session, article)
        return to_record(session, article)


def add_article(
    session: Session,
    draft: ArticleDraft,
    article_id: uuid.UUID | None,
    *,
    saved_by: uuid.UUID | None = None,
) -> Article:
    """create_article inside the caller's unit of work (with more to commit alongside)."""
    article = Article(
        source_key=draft.source_key,
        translation_group=draft.translation_group,
        kept_fields=draft.kept_fields,
        modified_at=draft.modified_at,
        updated_by_id=saved_by,
    )
    if article_id is not None:
        article.id = article_id
    session.add(article)
    article.body = ArticleBody(markdown="")
    _apply(session, article, asdict(draft), draft.body, draft.byline_ids, draft.tags)
    session.flush()
    reindex_article(session, article)
    return article


def get_article(db: Database, article_id: uuid.UUID) -> ArticleRecord:
    with db.transaction() as session:
        return to_record(session, _load(session, article_id))


def find_by_source_key(db: Database, source_key: str) -> ArticleRecord | None:
    with db.transaction() as session:
        article = session.scalar(
            select(Article)
            .where(Article.source_key == source_key)
            .options(selectinload(Article.body))
        )
        return to_record(session, article) if article else None


def _visible_state(article: Article) -> tuple[object, ...]:
    return (
        *(getattr(article, name) for name in EDITABLE_FIELDS),
        article.body.markdown if article.body else None,
        tuple(b.person_id for b in article.bylines),
        tuple(t.tag_id for t in article.tags),
        article.translation_group,
        article.kept_fields,
        article.modified_at,
    )


def save_article(
    db: Database,
    record: ArticleRecord,
    *,
    along_with: AlongWith | None = None,
    saved_by: uuid.UUID | None = None,
) -> ArticleRecord:
    """Store ``record``. If someone saved in between, raise ConflictError and change nothing.

    ``saved_by`` is the person saving; a save that changes something records them as the
    author of the stored version (``Article.updated_by_id``). A database busy with another
    program for longer than the busy timeout, three times, raises DatabaseLockedError.
    """

    def work() -> ArticleRecord:
        with db.transaction() as session:
            article = store_article(session, record, saved_by=saved_by)
            if along_with is not None:
                along_with(session, article)
            return to_record(session, article)

    try:
        # SQLite busy past its timeout is tried again, then reported (editor.retrying).
        return retrying(work)
    except StaleDataError as error:
        raise saved_meanwhile(db, record) from error


def saved_meanwhile(db: Database, record: ArticleRecord) -> ConflictError:
    """The conflict of a save that someone else's save overtook between the version check
    and the write (on PostgreSQL the row's version no longer matched): nothing was written."""
    with db.transaction() as session:
        stored = _load(session, record.id)
        headline, version = stored.headline, stored.version
    return ConflictError(
        _(
            "“{headline}” was changed elsewhere while it was being saved (stored "
            "version {stored_version}). Nothing was overwritten: try again."
        ).format(headline=headline or _("Untitled"), stored_version=version),
        expected_version=record.version,
        current_version=version,
    )


def store_article(
    session: Session, record: ArticleRecord, *, saved_by: uuid.UUID | None = None
) -> Article:
    """save_article inside the caller's unit of work (with more to commit alongside)."""
    values = {name: getattr(record, name) for name in EDITABLE_FIELDS}
    article = _load(session, record.id)
    if article.version != record.version:
        raise ConflictError(
            _(
                "“{headline}” was changed elsewhere since you opened it (your version "
                "{your_version}, stored version {stored_version}). Nothing was "
                "overwritten: compare both versions and choose."
            ).format(
                headline=article.headline or _("Untitled"),
                your_version=record.version,
                stored_version=article.version,
            ),
            expected_version=record.version,
            current_version=article.version,
        )
    before = _visible_state(article)
    _apply(session, article, values, record.body, record.byline_ids, record.tags)
    if article.translation_group != record.translation_group:
        article.translation_group = record.translation_group
    if article.kept_fields != record.kept_fields:
        article.kept_fields = record.kept_fields
    if article.modified_at != record.modified_at:
        article.modified_at = record.modified_at  # a new time from the source (a re-import)
    elif article.modified_at is not None and _visible_state(article) != before:
        # Changed here: from now on the page changed when the article was updated.
        article.modified_at = None
    # A body- or byline-only change never touches the article row: without this the
    # version would not move and a stale save elsewhere could overwrite it.
    if _visible_state(article) != before:
        article.updated_at = utcnow()
        article.updated_by_id = saved_by
    session.flush()
    reindex_article(session, article)
    return article


def _set_trash(db: Database, article_id: uuid.UUID, trashed: bool) -> ArticleRecord:
    with db.transaction() as session:
        article = _load(session, article_id)
        if trashed and article.status != "trashed":
            article.status_before_trash = article.status
            article.status = "trashed"
        elif not trashed and article.status == "trashed":
            article.status = article.status_before_trash or "draft"
            article.status_before_trash = None
        session.flush()
        return to_record(session, article)


def trash_article(db: Database, article_id: uuid.UUID) -> ArticleRecord:
    """Move to the trash: a status, never a lost row."""
    return _set_trash(db, article_id, True)


def restore_article(db: Database, article_id: uuid.UUID) -> ArticleRecord:
    return _set_trash(db, article_id, False)


def duplicate_article(db: Database, article_id: uuid.UUID) -> ArticleRecord:
    """A copy as a new draft, made by nobody: ``workflow.editing.duplicate_as`` is the
    copy someone makes, with the role rules."""
    return create_article(db, draft_of_copy(get_article(db, article_id)))


#: What a copy's headline ends with, by article language.
COPY_MARKS = {"id": "(salinan)", "en": "(copy)"}


def draft_of_copy(original: ArticleRecord) -> ArticleDraft:
    """What a copy of ``original`` starts from: its text and metadata, as a draft, the
    headline marked as a copy in the article's language so the two are told apart."""
    mark = COPY_MARKS.get(original.language, COPY_MARKS["en"])
    return ArticleDraft(
        headline=f"{original.headline} {mark}".strip(),
        body=original.body,
        kicker=original.kicker,
        lead=original.lead,
        section_id=original.section_id,
        language=original.language,
        byline_ids=original.byline_ids,
        tags=original.tags,
        lead_image=original.lead_image,
        lead_image_caption=original.lead_image_caption,
        lead_image_credit=original.lead_image_credit,
    )
