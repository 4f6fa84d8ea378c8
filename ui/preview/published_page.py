"""The current article as the publisher would write its page, for "Open in browser".

The page goes through the publish module's own article template (editor.publish.pages.
render_article) with the real Populer and UPDATE lists and the site stylesheet, so the
reporter sees exactly what readers will see, even for a draft that is not public yet.
Links inside the page point into a temp folder, where the stylesheet is copied.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from editor.config import Settings
from editor.database import Database
from editor.media.refs import parse_media_ref
from editor.records import ArticleRecord
from editor.slugs import slugify


def render_published_page(
    db: Database,
    record: ArticleRecord,
    settings: Settings,
    folder: Path,
    *,
    now: datetime | None = None,
) -> Path:
    """Write the article's published page (and the site CSS) under ``folder``; its path."""
    from editor.publish.model import PublicArticle, SiteTag, load_site
    from editor.publish.pages import SiteInfo, render_article, render_sidebar
    from editor.publish.sidebar import (
        SIDEBAR_LENGTH,
        TimeTexts,
        latest_entries,
        popular_entries,
    )
    from editor.publish.templates import resource_dir
    from editor.publish.urls import article_path
    from editor.render import markdown_to_html

    now = now or datetime.now(UTC)
    data = load_site(db, now=now, zone=settings.zone)
    nav = tuple(
        sorted(
            (s for s in data.sections if s.parent_id is None),
            key=lambda s: (s.position, s.name, s.id),
        )
    )
    site = SiteInfo(
        name=settings.site_name,
        base=settings.base_url.rstrip("/"),
        root=folder.resolve().as_uri(),
        zone=settings.zone,
        nav=nav,
    )
    published = record.published_at or now
    values: dict[str, object] = {
        "id": record.id,
        "url": article_path(published, record.id, record.slug or record.headline, settings.zone),
        "headline": record.headline,
        "kicker": record.kicker,
        "lead": record.lead,
        "body": record.body,
        "version": record.version,
        "language": record.language,
        "status": record.status,
        "section": next((s for s in data.sections if s.id == record.section_id), None),
        "bylines": tuple(person.name for person in record.bylines),
        "tags": tuple(SiteTag(tag, slugify(tag)) for tag in record.tags),
        "lead_image": record.lead_image,
        "lead_image_caption": record.lead_image_caption,
        "lead_image_credit": record.lead_image_credit,
        "published_at": published,
        "updated_at": max(record.updated_at, published),
        "word_count": record.word_count,
        "corrections": _corrections(db, record, now),
    }
    # Only the fields the publisher's article has today: it grows and sheds fields as
    # publishing is tuned, and the page must not break on that.
    wanted = _field_names(PublicArticle)
    article = PublicArticle(**{k: v for k, v in values.items() if k in wanted})  # type: ignore[arg-type]
    image = _image_source(record.lead_image, db, folder)
    times = TimeTexts(settings.zone)
    sidebar = render_sidebar(
        site,
        popular_entries(db, data, limit=SIDEBAR_LENGTH),
        latest_entries(data, SIDEBAR_LENGTH),
        times,
    )
    page = render_article(
        article,
        site=site,
        data=data,
        body_html=_with_pictures(
            markdown_to_html(record.body, language=record.language), db, folder
        ),
        sidebar=Markup(sidebar),
        image_src=image,
        image_url=image,
    )
    assets = folder / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_dir("site") / "site.css", assets / "site.css")
    target = folder / f"{record.id}.html"
    target.write_text(page, encoding="utf-8")
    return target


def _corrections(db: Database, record: ArticleRecord, now: datetime) -> tuple[object, ...]:
    """The correction notes readers see under the body, as the publish loads them."""
    from editor.publish.corrections import load_corrections

    return tuple(load_corrections(db, [record.id], now=now).get(record.id, ()))


def _field_names(kind: type) -> set[str]:
    """The fields of a dataclass or a named tuple (the publisher has used both)."""
    if is_dataclass(kind):
        return {f.name for f in fields(kind)}
    return set(getattr(kind, "_fields", ()))


def _picture_file(sha: str, db: Database, folder: Path) -> str | None:
    """The library picture written beside the page (once), as a file URL; None if missing."""
    from editor.media.library import get_media, media_bytes

    record = get_media(db, sha)
    data = media_bytes(db, sha) if record is not None else None
    if record is None or data is None:
        return None
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}.get(
        record.mime, "gif"
    )
    target = folder / "media" / f"{sha}.{extension}"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target.resolve().as_uri()


def _with_pictures(body_html: str, db: Database, folder: Path) -> str:
    """The body with each library picture pointing to its file beside the page."""

    def swap(match: re.Match[str]) -> str:
        source = _picture_file(match.group(1), db, folder)
        return f'src="{source}"' if source else 'src=""'

    return re.sub(r'src="media:([0-9a-f]{64})"', swap, body_html)


def _image_source(lead_image: str, db: Database, folder: Path) -> str | None:
    if not lead_image:
        return None
    sha = parse_media_ref(lead_image)
    if sha is not None:
        return _picture_file(sha, db, folder)
    if lead_image.startswith(("http://", "https://")):
        return lead_image
    path = Path(lead_image).expanduser()
    return path.resolve().as_uri() if path.is_file() else None
