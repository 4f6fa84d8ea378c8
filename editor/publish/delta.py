"""The incremental publish that reads only what changed since the last one.

When the database says only some articles' own content changed (their body, byline,
picture caption, correction…) and nothing any list shows of them (their shape: address,
headline, time, lead, section, tags, pictures), the site changes in few files: those
articles' pages and JSON copies, the feeds that carry them, and their lines in the
sitemap. Those are planned from just the articles concerned, so the publish costs the
same at 1,000 articles as at 1,000,000. Anything else (a new, killed or moved article, a
renamed section, the clock making an article public, a ranking that moved, other
settings) is left to the publish that plans every file: ``plan_delta`` returns None.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import not_, or_, select

from editor.database import Database
from editor.models import Article
from editor.publish import changes, sitemaps
from editor.publish.assets import LeadImage, resolve_lead_image, with_size
from editor.publish.feeds import FEED_LENGTH
from editor.publish.job import Job
from editor.publish.listings import HOME_LENGTH
from editor.publish.model import PublicArticle, SiteData, SiteSection, digest, load_site
from editor.publish.plan import Planner
from editor.publish.redirects import addresses_key, site_redirects, with_old_addresses
from editor.publish.report import PublishProblem
from editor.publish.safe_fs import read_regular
from editor.publish.sidebar import SIDEBAR_LENGTH, ranking
from editor.publish.state import ArticleRows, PublishState, Snapshot
from editor.publish.urls import LATEST, author_path
from editor.publish.visibility import public_clause

#: A shape for an article that was not public at the last publish.
NOT_PUBLIC = ""


def shape_of(article: PublicArticle, pictures: list[str], group: str = "") -> str:
    """What lists, sidebars, sitemaps and other pages show of an article, or depend on.

    ``group``: its translation group (``links_of``), whose other pages link to it. Its old
    addresses are kept apart: an incremental publish works their redirects out itself.
    """
    tags = tuple((t.name, t.slug) for t in article.tags)
    section = article.section.id.hex if article.section else None
    people = (article.bylines, article.byline_handles)
    # Teasers show the kicker, and the caption stands in for a picture's missing alt text.
    teaser = (article.teaser, article.kicker, article.lead_image_caption)
    return digest(teaser, section, tags, people, article.lead_image, tuple(pictures), group)


#: (translation group, digest of the old addresses) of an article with neither.
NO_LINKS = ("", "")


def links_of(db: Database, ids: Collection[uuid.UUID] | None) -> dict[uuid.UUID, tuple[str, str]]:
    """Translation group and old addresses (``addresses_key``) of the articles (all when
    None) that have any."""
    stmt = select(Article.id, Article.kept_fields, Article.translation_group).where(
        or_(Article.kept_fields != "{}", Article.translation_group.is_not(None))
    )
    found: dict[uuid.UUID, tuple[str, str]] = {}
    with db.transaction() as session:
        if ids is None:
            rows = list(session.execute(stmt))
        else:
            wanted = sorted(ids)
            rows = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows += list(session.execute(stmt.where(Article.id.in_(chunk))))
    for article_id, kept, group in rows:
        found[article_id] = (group or "", addresses_key(kept))
    return found


def settings_key(planner: Planner, window: timedelta, media_dir: Path | None) -> str:
    brand = planner.brand.key() if planner.brand is not None else None
    return digest(
        planner.base, planner.sidebar_length, window.total_seconds(), media_dir, planner.mode, brand
    )


def stored_ranking(ranked: list[tuple[uuid.UUID, int]]) -> list[tuple[str, int]]:
    return [(article_id.hex, views) for article_id, views in ranked]


def file_images_key(articles: list[PublicArticle], media_dir: Path | None) -> str:
    """The lead images read from the media folder, with their sizes and times ("" if none)."""
    texts = sorted({a.lead_image.strip() for a in articles if _is_file_image(a.lead_image)})
    if not texts:
        return ""
    keys = [resolve_lead_image(text, media_dir, [], "").key() for text in texts]
    return digest(*keys)


def _is_file_image(text: str) -> bool:
    text = text.strip()
    return bool(text) and not text.startswith(("media:", "https://", "http://"))


def _file_image_articles(db: Database, now: datetime) -> list[PublicArticle]:
    """Stand-ins carrying just the file lead images of every public article."""
    with db.transaction() as session:
        texts = session.scalars(
            select(Article.lead_image)
            .where(public_clause(now))
            .where(
                Article.lead_image != "",
                not_(Article.lead_image.like("media:%")),
                not_(
                    or_(Article.lead_image.like("http://%"), Article.lead_image.like("https://%"))
                ),
            )
            .distinct()
        ).all()
    return [_Image(text) for text in texts]  # type: ignore[misc]


@dataclass(frozen=True)
class _Image:
    lead_image: str


@dataclass
class DeltaPlan:
    data: SiteData
    planner: Planner
    jobs: list[Job]
    snapshot: Snapshot
    #: id (hex) -> (version, shape, old addresses) of every article whose version moved.
    articles: ArticleRows
    #: Articles whose own outputs are made again.
    changed: list[PublicArticle] = field(default_factory=list)
    #: Problems found while planning (for the changed articles and those shown beside).
    problems: list[PublishProblem] = field(default_factory=list)
    #: The redirects worked out again, when an article's old addresses changed.
    redirects: RedirectPlan | None = None


@dataclass
class RedirectPlan:
    #: The redirect pages and server maps the site has now.
    files: list[str]
    #: Those it had and has no more.
    gone: list[str]
    count: int
    problems: list[PublishProblem]


@dataclass(frozen=True)
class DeltaInputs:
    """What the caller already knows, passed in to keep ``plan_delta``'s signature short."""

    now: datetime
    zone: str
    window: timedelta
    media_dir: Path | None
    live_name: str
    live_root: Path


def _newest(session: Any, now: datetime, sections: list[uuid.UUID] | None, limit: int) -> list:
    """The ``limit`` newest public articles (of ``sections``), as the site orders them.

    Read through the index on the publish time alone (ties broken here), so the database
    never sorts the whole archive.
    """
    stmt = select(Article.id, Article.published_at).where(public_clause(now, by_time=True))
    if sections is not None:
        stmt = stmt.where(Article.section_id.in_(sections))
    rows = session.execute(stmt.order_by(Article.published_at.desc()).limit(limit)).all()
    if len(rows) == limit:
        rows = session.execute(stmt.where(Article.published_at >= rows[-1][1])).all()
    rows.sort(key=lambda row: (row[1], row[0].hex), reverse=True)
    return [row[0] for row in rows[:limit]]


def _subtree(sections: tuple[SiteSection, ...], root: SiteSection) -> list[uuid.UUID]:
    """The section and every section below it (an article counts in all its ancestors)."""
    children: dict[uuid.UUID | None, list[SiteSection]] = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)
    found, todo = [], [root]
    while todo:
        section = todo.pop()
        if section.id in found:
            continue
        found.append(section.id)
        todo += children.get(section.id, [])
    return found


def plan_delta(
    db: Database,
    state: PublishState,
    inputs: DeltaInputs,
    make_planner: Any,
) -> DeltaPlan | None:
    """The few jobs this publish needs, or None when it has to plan every file."""
    snap = state.snapshot()
    now = inputs.now
    if snap is None or snap.live != inputs.live_name:
        return None
    before = datetime.fromisoformat(snap.now)
    if now < before:
        return None
    marks = snap.marks
    with db.transaction() as session:
        if changes.table_marks(session) != marks.get("tables"):
            return None
        mark = changes.article_mark(session)
        old = marks.get("articles")
        if not isinstance(old, list) or len(old) != 3 or mark.count != old[0]:
            return None
        if changes.clock_moved_anything(session, before, now, sitemaps.NEWS_WINDOW):
            return None
        versions: dict[str, int] = {}
        if (mark.versions, mark.newest_update) != (old[1], old[2]):
            versions = changes.changed_versions(session, datetime.fromisoformat(old[2]))
        # The home page, the sidebar's UPDATE and the site's feed show the newest few.
        newest = _newest(session, now, None, max(HOME_LENGTH, SIDEBAR_LENGTH, FEED_LENGTH))
        views = changes.views_mark(session)
        views_moved = changes.views_window_moved(session, before, now, inputs.window)
    stored = state.articles(versions)
    if set(stored) != set(versions):
        return None  # an article the last publish never saw
    moved = {a: v for a, v in versions.items() if v != stored[a][0]}
    if mark.versions - old[1] != sum(v - stored[a][0] for a, v in moved.items()):
        return None  # a change that kept an older updated_at: look at everything
    ranked = [(uuid.UUID(hex=a), v) for a, v in snap.rankings]
    if views is None or views != marks.get("views") or views_moved:
        ranked = ranking(db, now, inputs.window)
        if stored_ranking(ranked) != snap.rankings:
            return None
    if snap.file_images and snap.file_images != file_images_key(
        _file_image_articles(db, now), inputs.media_dir
    ):
        return None
    new_marks = {
        **marks,
        "articles": [mark.count, mark.versions, mark.newest_update],
        "views": views,
    }
    if not moved:
        # Nothing to show anew; only the settings could have changed (sections: none).
        data = load_site(db, now=now, zone=inputs.zone, only=set())
        bare: Planner = make_planner(data, [], ranked)
        if settings_key(bare, inputs.window, inputs.media_dir) != snap.settings:
            return None
        snapshot = replace(snap, now=now.isoformat(), marks=new_marks)
        return DeltaPlan(data, bare, [], snapshot, {})
    changed_ids = {uuid.UUID(hex=a) for a in moved}
    data = load_site(db, now=now, zone=inputs.zone, only=changed_ids)
    # Changed articles the site never showed and still does not (drafts) need nothing.
    changed = [a for a in data.articles]
    for article_hex in moved:
        public_now = uuid.UUID(hex=article_hex) in data.by_id
        if public_now != (stored[article_hex][1] != NOT_PUBLIC):
            return None  # published, killed, embargoed…: lists change
    feeds: dict[str, tuple[str, list[uuid.UUID]]] = {}
    with db.transaction() as session:
        if any(a.id in newest[:FEED_LENGTH] for a in changed):
            feeds["/"] = ("", newest[:FEED_LENGTH])
        for article in changed:
            for section in data.section_chain(article.section):
                if section.url in feeds:
                    continue
                ids = _newest(session, now, _subtree(data.sections, section), FEED_LENGTH)
                if article.id in ids:
                    feeds[section.url] = (section.name, ids)
    # Of Populer only what the sidebar shows: its own pages are not made here.
    extra = set(newest) | {article_id for article_id, _views in ranked[:SIDEBAR_LENGTH]}
    extra |= {i for _name, ids in feeds.values() for i in ids}
    extra -= changed_ids
    others = load_site(db, now=now, zone=inputs.zone, only=extra) if extra else None
    merged = _merge(data, others)
    problems: list[PublishProblem] = []
    planner: Planner = make_planner(merged, problems, ranked)
    if settings_key(planner, inputs.window, inputs.media_dir) != snap.settings:
        return None
    if planner.sidebar_key != snap.sidebar:
        return None
    shown = {a.id.hex: a for a in merged.articles}
    known = state.articles(set(shown) - set(moved))
    known.update({a: stored[a] for a in moved})
    links = links_of(db, list(merged.by_id))
    shapes = {
        hex_id: shape_of(
            article, planner.body_pictures.get(article.id, []), links.get(article.id, NO_LINKS)[0]
        )
        for hex_id, article in shown.items()
    }
    if any(known.get(hex_id, (0, None))[1] != shape for hex_id, shape in shapes.items()):
        return None  # a list, a sidebar or an address would change
    jobs: list[Job] = []
    for article in changed:
        jobs += planner.article_jobs(article)
    for folder, (name, ids) in sorted(feeds.items()):
        title = f"{planner.site.name}: {name}" if name else planner.site.name
        jobs += planner.feed_jobs(folder, title, [merged.by_id[i] for i in ids])
    patched = _sitemap_jobs(planner, changed, inputs, state)
    if patched is None:
        return None
    jobs += patched
    addresses = {a.id.hex: links.get(a.id, NO_LINKS)[1] for a in changed}
    redirects = None
    if any(stored[a][2] != addresses.get(a, "") for a in moved):
        redirects = _redirects(db, state, planner, inputs)
        if redirects is None:
            return None
        jobs += redirects[0]
    recorded = {a: (v, shapes.get(a, NOT_PUBLIC), addresses.get(a, "")) for a, v in moved.items()}
    changed_urls = {a.url for a in changed}
    snapshot = replace(
        snap,
        now=now.isoformat(),
        marks={
            **marks,
            "articles": [mark.count, mark.versions, mark.newest_update],
            "views": views,
        },
        rankings=stored_ranking(ranked),
        problems=[p for p in snap.problems if p[0] not in changed_urls],
    )
    return DeltaPlan(
        merged,
        planner,
        jobs,
        snapshot,
        recorded,
        changed,
        problems,
        redirects[1] if redirects is not None else None,
    )


def _redirects(
    db: Database, state: PublishState, planner: Planner, inputs: DeltaInputs
) -> tuple[list[Job], RedirectPlan] | None:
    """Every redirect of the site worked out again, around the files it already has."""
    before, taken = state.redirects(), state.paths()
    if before is None or taken is None:
        return None
    # Only articles that have kept front matter can have old addresses.
    data = load_site(db, now=inputs.now, zone=inputs.zone, only=set(with_old_addresses(db)))
    problems: list[PublishProblem] = []
    jobs, count = site_redirects(db, data, planner.site, taken - set(before), problems)
    files = [job.path for job in jobs]
    gone = sorted(set(before) - set(files))
    return jobs, RedirectPlan(files, gone, count, problems)


def _merge(data: SiteData, others: SiteData | None) -> SiteData:
    articles = list(data.articles) + (list(others.articles) if others else [])
    articles.sort(key=lambda a: (a.published_at, a.id.hex), reverse=True)
    return SiteData(
        now=data.now,
        articles=tuple(articles),
        sections=data.sections,
        by_id={a.id: a for a in articles},
    )


def _sitemap_jobs(
    planner: Planner, changed: list[PublicArticle], inputs: DeltaInputs, state: PublishState
) -> list[Job] | None:
    """The sitemap files holding the changed articles, with their last change set anew.

    An article that keeps its address and time keeps its place in the sitemap; only its
    last change moves, and with it that of the list pages it is on (home, UPDATE, its
    sections, its reporters' pages), which carry their newest article's. The live file is
    the starting point, after checking it is still the very file the last publish wrote.
    """
    if not changed:
        return []
    site, data = planner.site, planner.data
    articles = {sitemaps.url_prefix(site, a.url): a for a in changed}
    pages: dict[str, tuple[str, datetime]] = {}
    for article in changed:
        newest = sitemaps.lastmod(article)
        urls = ["/", LATEST, *(s.url for s in data.section_chain(article.section))]
        urls += [author_path(handle) for handle in article.byline_handles if handle]
        for url in urls:
            prefix = sitemaps.url_prefix(site, url)
            pages[prefix] = (url, max(newest, pages.get(prefix, (url, newest))[1]))
    jobs = []
    names = ["sitemap.xml"] + [f"sitemap-{n}.xml" for n in range(1, 1000)]
    recorded = state.files(names)
    for name in names:
        entry = recorded.get(name)
        if entry is None:
            if name != "sitemap.xml":
                break
            return None
        content = read_regular(inputs.live_root / name)
        if content is None or hashlib.blake2b(content, digest_size=16).hexdigest() != entry[1]:
            return None
        # A few searches of the file, not a look at each of its up to 50,000 lines.
        text = content.decode("utf-8")
        edits: list[tuple[int, int, str]] = []
        for prefix in [*articles, *pages]:
            start = text.find("\n" + prefix) + 1
            if start == 0:
                continue
            end = text.find("\n", start)
            old = _line_lastmod(text[start:end])
            own = articles.pop(prefix, None)
            if own is not None:
                if old is None or sitemaps.lastmod(own) < old:
                    return None  # the lists' newest change may go back: work it out in full
                edits.append((start, end, sitemaps.url_line(site, own.url, sitemaps.lastmod(own))))
            elif old is not None:
                url, newest = pages[prefix]
                edits.append((start, end, sitemaps.url_line(site, url, max(old, newest))))
        if edits:
            parts, done = [], 0
            for start, end, line in sorted(edits):
                parts += [text[done:start], line]
                done = end
            parts.append(text[done:])
            jobs.append(planner.eager(name, _constant("".join(parts).encode())))
    return None if articles else jobs


def _line_lastmod(line: str) -> datetime | None:
    start = line.find("<lastmod>")
    end = line.find("</lastmod>")
    if start < 0 or end < start:
        return None
    try:
        return datetime.fromisoformat(line[start + len("<lastmod>") : end].replace("Z", "+00:00"))
    except ValueError:
        return None


def _constant(content: bytes) -> Callable[[], bytes]:
    return lambda: content


def lead_images(
    data: SiteData, media_dir: Path | None, problems: list[PublishProblem], pictures: Any
) -> dict[Any, LeadImage]:
    known: dict[tuple[Path, str], tuple[int, int] | str] = {}
    return {
        a.id: with_size(
            resolve_lead_image(a.lead_image, media_dir, problems, a.url, pictures),
            a.lead_image,
            problems,
            a.url,
            known,
        )
        for a in data.articles
        if a.lead_image
    }
