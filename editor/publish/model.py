"""The plain data one publish reads: every public article and section, in a few queries.

Nothing here renders. Loading is one query per table (articles with bodies, bylines,
tags, sections), never one per article, so 10,000 articles load in a fraction of a second.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from editor.code_points import publishable
from editor.database import Database
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
from editor.publish.corrections import PublicCorrection, corrections_key, load_corrections
from editor.publish.urls import SHORT_ID_LENGTH, article_path, safe_slug, section_path
from editor.publish.visibility import is_public, public_clause


@dataclass(frozen=True)
class SiteSection:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    slug_path: str
    url: str
    position: int


@dataclass(frozen=True)
class SiteTag:
    name: str
    slug: str


class PublicArticle(NamedTuple):
    """One public article (a named tuple: built 10,000 times a publish, it must be cheap)."""

    id: uuid.UUID
    url: str
    headline: str
    kicker: str
    lead: str
    #: Bumped by every save (a body edit included), so it stands in for the body in
    #: fingerprints: the bodies themselves are loaded only for pages that get rendered.
    version: int
    language: str
    status: str
    section: SiteSection | None
    bylines: tuple[str, ...]
    tags: tuple[SiteTag, ...]
    lead_image: str
    lead_image_caption: str
    lead_image_credit: str
    published_at: datetime
    updated_at: datetime
    word_count: int
    #: Hash of everything above: equal fingerprints render equal outputs.
    fingerprint: str = ""
    #: Hash of what a list shows of the article (link, headline, time): list pages change
    #: only when this (or, on lists with leads, the lead) does, not when the body is edited.
    teaser: str = ""
    #: Correction notes up to the publish clock, oldest first (in the fingerprint too).
    corrections: tuple[PublicCorrection, ...] = ()
    #: Each byline's handle, in byline order: the author page /penulis/<handle>/.
    byline_handles: tuple[str, ...] = ()

    @property
    def byline(self) -> str:
        return ", ".join(self.bylines)


@dataclass(frozen=True)
class SiteData:
    now: datetime
    #: Newest first (published_at, then id for a stable order on ties).
    articles: tuple[PublicArticle, ...]
    sections: tuple[SiteSection, ...]
    by_id: dict[uuid.UUID, PublicArticle] = field(default_factory=dict)
    #: Markdown bodies by article id, filled by ``load_bodies`` for the pages being made.
    bodies: dict[uuid.UUID, str] = field(default_factory=dict)

    def section_chain(self, section: SiteSection | None) -> list[SiteSection]:
        """The section and its ancestors, root first (the breadcrumb)."""
        by_id = {s.id: s for s in self.sections}
        chain: list[SiteSection] = []
        while section is not None and section not in chain:
            chain.insert(0, section)
            section = by_id.get(section.parent_id) if section.parent_id else None
        return chain


def digest(*parts: object) -> str:
    text = "\x1f".join(map(str, parts))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _sections(session: Session) -> list[SiteSection]:
    rows = list(session.scalars(select(Section)))
    by_id = {row.id: row for row in rows}
    paths: dict[uuid.UUID, str] = {}

    def path_of(row: Section, seen: frozenset[uuid.UUID] = frozenset()) -> str:
        if row.id not in paths:
            parent = by_id.get(row.parent_id) if row.parent_id else None
            if parent is None or parent.id in seen:
                paths[row.id] = row.slug
            else:
                paths[row.id] = f"{path_of(parent, seen | {row.id})}/{row.slug}"
        return paths[row.id]

    sections = [
        SiteSection(
            id=row.id,
            parent_id=row.parent_id,
            name=publishable(row.name),
            slug_path=path_of(row),
            url=section_path(path_of(row)),
            position=row.position,
        )
        for row in rows
    ]
    sections.sort(key=lambda s: (s.slug_path, s.id))
    return sections


def _unique_urls(rows: list[tuple[uuid.UUID, datetime, str]], zone: str) -> dict[uuid.UUID, str]:
    """Short-id URLs, with the full id for the later article of a colliding pair."""
    urls: dict[uuid.UUID, str] = {}
    taken: set[str] = set()
    for article_id, published_at, slug in sorted(rows, key=lambda r: (r[1], r[0].hex)):
        url = article_path(published_at, article_id, slug, zone)
        if url in taken:
            url = article_path(published_at, article_id, slug, zone, id_length=32)
        taken.add(url)
        urls[article_id] = url
    return urls


def _id_text(column: Any) -> Any:
    """An id column read as text: 32 hex digits on SQLite, dashed on PostgreSQL."""
    return cast(column, String)


def _hex(text: str) -> str:
    return text.replace("-", "").lower()


def load_site(
    db: Database, *, now: datetime, zone: str, only: Collection[uuid.UUID] | None = None
) -> SiteData:
    """Every article readers may see at ``now``, with what its pages need.

    ``only``: just those of these ids (an incremental publish's few), with every section.
    Their addresses are only right when no other article shares their short id, which
    the incremental publish checks against what it published before.
    """
    where: Any = public_clause(now)
    byline_where = tag_where = correction_where = where
    with db.transaction() as session:
        if only is not None:
            # By the ids' own index, the rule applied here: a few rows, never a scan.
            candidates = session.execute(
                select(
                    Article.id, Article.status, Article.published_at, Article.embargo_until
                ).where(Article.id.in_(sorted(only)))
            ).all()
            ids = [row.id for row in candidates if is_public(row, now)]
            where = Article.id.in_(ids)
            byline_where = Byline.article_id.in_(ids)
            tag_where = ArticleTag.article_id.in_(ids)
            correction_where = ArticleCorrection.article_id.in_(ids)
        sections = _sections(session)
        # Core execution (not the ORM's): plain rows, a good deal faster at 10,000 rows.
        conn = session.connection()
        rows = conn.execute(
            select(
                Article.id,
                Article.headline,
                Article.kicker,
                Article.slug,
                Article.lead,
                Article.language,
                Article.status,
                Article.section_id,
                Article.lead_image,
                Article.lead_image_caption,
                Article.lead_image_credit,
                Article.published_at,
                # An imported page's own modified time, until it is changed here.
                func.coalesce(Article.modified_at, Article.updated_at),
                Article.word_count,
                Article.version,
            ).where(where)
        ).all()
        # Bylines and tags are keyed by the id's text (32 hex digits): building 50,000 UUID
        # objects only to look rows up costs more than the queries themselves.
        bylines: dict[str, list[str]] = {}
        handles: dict[str, list[str]] = {}
        for article_id, name, handle in conn.execute(
            select(_id_text(Byline.article_id), Person.name, Person.handle)
            .join(Person, Person.id == Byline.person_id)
            .join(Article, Article.id == Byline.article_id)
            .where(byline_where)
            .order_by(Byline.article_id, Byline.position)
        ).all():
            bylines.setdefault(_hex(article_id), []).append(publishable(name))
            handles.setdefault(_hex(article_id), []).append(safe_slug(handle))
        tags: dict[str, list[SiteTag]] = {}
        known_tags: dict[tuple[str, str], SiteTag] = {}
        for article_id, name, slug in conn.execute(
            select(_id_text(ArticleTag.article_id), Tag.name, Tag.slug)
            .join(Tag, Tag.id == ArticleTag.tag_id)
            .join(Article, Article.id == ArticleTag.article_id)
            .where(tag_where)
            .order_by(ArticleTag.article_id, ArticleTag.position)
        ).all():
            tag = known_tags.get((name, slug))
            if tag is None:
                tag = known_tags[(name, slug)] = SiteTag(publishable(name), safe_slug(slug))
            tags.setdefault(_hex(article_id), []).append(tag)
        # Corrections are rare: find the few public articles that have any in one query.
        corrected = list(
            conn.execute(
                select(ArticleCorrection.article_id)
                .join(Article, Article.id == ArticleCorrection.article_id)
                .where(correction_where)
                .distinct()
            ).scalars()
        )
    corrections = load_corrections(db, corrected, now=now) if corrected else {}
    section_by_id = {s.id: s for s in sections}
    urls = _unique_urls([(r[0], r[11], r[3]) for r in rows], zone)
    articles = []
    # Rows unpacked as plain tuples: attribute access on 10,000 rows x 15 columns is slow.
    for (
        article_id,
        headline,
        kicker,
        _slug,
        lead,
        language,
        status,
        section_id,
        lead_image,
        lead_image_caption,
        lead_image_credit,
        published_at,
        updated_at,
        word_count,
        version,
    ) in rows:
        # Typed text as every page, feed and sitemap may carry it (editor.code_points).
        headline, kicker, lead = publishable(headline), publishable(kicker), publishable(lead)
        lead_image_caption = publishable(lead_image_caption)
        lead_image_credit = publishable(lead_image_credit)
        section = section_by_id.get(section_id) if section_id else None
        id_hex = article_id.hex
        url = urls[article_id]
        article_bylines = tuple(bylines.get(id_hex, ()))
        article_handles = tuple(handles.get(id_hex, ()))
        article_tags = tuple(tags.get(id_hex, ()))
        article_corrections = corrections.get(article_id, ())
        published_iso = published_at.isoformat()
        fingerprint = digest(
            id_hex,
            url,
            headline,
            kicker,
            lead,
            version,
            language,
            status,
            (section.id.hex, section.name, section.url) if section else None,
            article_bylines,
            article_handles,
            "\x1e".join(f"{t.name}\x1d{t.slug}" for t in article_tags),
            lead_image,
            lead_image_caption,
            lead_image_credit,
            published_iso,
            updated_at.isoformat(),
            word_count,
            corrections_key(article_corrections),
        )
        articles.append(
            PublicArticle(
                article_id,
                url,
                headline,
                kicker,
                lead,
                version,
                language,
                status,
                section,
                article_bylines,
                article_tags,
                lead_image,
                lead_image_caption,
                lead_image_credit,
                published_at,
                updated_at,
                word_count,
                fingerprint,
                digest(url, headline, published_iso, language, lead),
                article_corrections,
                article_handles,
            )
        )
    # Hex text orders exactly like the UUIDs and compares much faster.
    articles.sort(key=lambda a: (a.published_at, a.id.hex), reverse=True)
    return SiteData(
        now=now,
        articles=tuple(articles),
        sections=tuple(sections),
        by_id={a.id: a for a in articles},
    )


def load_bodies(db: Database, data: SiteData, ids: set[uuid.UUID]) -> None:
    """Fetch the Markdown of ``ids`` (in chunks, a few queries for any number)."""
    wanted = sorted(ids - set(data.bodies))
    with db.transaction() as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = session.execute(
                select(ArticleBody.article_id, ArticleBody.markdown).where(
                    ArticleBody.article_id.in_(chunk)
                )
            )
            data.bodies.update((article_id, markdown or "") for article_id, markdown in rows)
    for article_id in wanted:
        data.bodies.setdefault(article_id, "")


__all__ = ["SHORT_ID_LENGTH", "PublicArticle", "SiteData", "SiteSection", "SiteTag", "load_site"]
