"""The preview page for one article: the published page's anatomy, as QTextBrowser HTML.

Plain functions with no Qt in them, so the preview pane can build the page on a worker
thread while the reporter keeps typing.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from editor.config import Settings
from editor.dates import dateline
from editor.media.refs import is_media_ref
from editor.publish.templates import resource_dir
from editor.records import ArticleRecord
from editor.render import markdown_to_html

if TYPE_CHECKING:
    from editor.database import Database

#: The site area every breadcrumb starts from, as on the sample page ("Berita › Dunia").
SITE_AREA = {"id": "Berita", "en": "News"}
CRUMB_SEPARATOR = " › "
#: The lead image is scaled to the column; QTextBrowser has no max-width.
DEFAULT_IMAGE_WIDTH = 560
#: Longer bodies are previewed only this far (about 30,000 words, far past any article):
#: rendering megabytes of pasted text would keep a worker busy for many seconds.
PREVIEW_MAX_CHARS = 200_000
CUT_NOTICE = {
    "id": "Pratinjau hanya menampilkan {shown:,} dari {total:,} karakter.",
    "en": "The preview shows {shown:,} of {total:,} characters.",
}


def _previewed_body(body: str, language: str) -> tuple[str, str]:
    """The part of ``body`` to render, cut at a paragraph, and a notice if it was cut."""
    if len(body) <= PREVIEW_MAX_CHARS:
        return body, ""
    cut = body.rfind("\n\n", 0, PREVIEW_MAX_CHARS)
    shown = body[: cut if cut > 0 else PREVIEW_MAX_CHARS]
    text = CUT_NOTICE.get(language, CUT_NOTICE["en"]).format(shown=len(shown), total=len(body))
    return shown, f'<p class="missing-image">{html.escape(text)}</p>'


@cache
def _resource(name: str) -> str:
    return (resource_dir("preview") / name).read_text(encoding="utf-8")


def preview_css() -> str:
    return _resource("preview.css")


def _breadcrumb(record: ArticleRecord, section_names: dict[str, str]) -> str:
    area = SITE_AREA.get(record.language, SITE_AREA["id"])
    crumbs = [area]
    if record.section_path:
        parts = record.section_path.split("/")
        for depth, slug in enumerate(parts):
            path = "/".join(parts[: depth + 1])
            name = section_names.get(path) or (
                record.section_name if depth == len(parts) - 1 else slug.replace("-", " ").title()
            )
            if name.casefold() != crumbs[-1].casefold():
                crumbs.append(name)
    escaped = [html.escape(crumb) for crumb in crumbs]
    escaped[-1] = f'<span class="breadcrumb-current">{escaped[-1]}</span>'
    return CRUMB_SEPARATOR.join(escaped)


def _byline(record: ArticleRecord) -> str:
    names = [person.name for person in record.bylines]
    if len(names) <= 2:
        return " dan ".join(names) if record.language == "id" else " and ".join(names)
    return ", ".join(names)


def _lead_image(record: ArticleRecord, width: int) -> str:
    """Picture, then "caption/credit" under it, as the published page shows them.

    The caption line is shown even without a picture (the sample page's "NATO/Net").
    """
    parts = []
    if record.lead_image_caption:
        parts.append(f'<span class="caption">{html.escape(record.lead_image_caption)}</span>')
    if record.lead_image_credit:
        parts.append(f'<span class="credit">{html.escape(record.lead_image_credit)}</span>')
    caption = f'<p class="lead-caption">{"/".join(parts)}</p>' if parts else ""
    if not record.lead_image:
        return caption
    if is_media_ref(record.lead_image):
        # The preview pane gives the document this picture, decoded at this width.
        source = html.escape(record.lead_image.strip())
        return f'<p class="lead-picture"><img src="{source}" width="{width}"></p>{caption}'
    path = Path(record.lead_image).expanduser()
    if "://" not in record.lead_image and not path.is_file():
        missing = html.escape(record.lead_image)
        notice = f'<p class="missing-image">Gambar tidak ditemukan / image not found: {missing}</p>'
        return notice + caption
    source = record.lead_image if "://" in record.lead_image else path.resolve().as_uri()
    return f'<p class="lead-picture"><img src="{html.escape(source)}" width="{width}"></p>{caption}'


def build_preview(
    record: ArticleRecord,
    settings: Settings,
    *,
    section_names: dict[str, str] | None = None,
    image_width: int = DEFAULT_IMAGE_WIDTH,
    now: datetime | None = None,
    full_page: bool = False,
    corrections: str = "",
) -> str:
    """The whole preview page; ``full_page`` inlines the stylesheet for a browser.
    ``corrections``: the correction box readers see under the body (see ``correction_box``)."""
    when = record.published_at or record.updated_at or now or datetime.now(UTC)
    byline = _byline(record)
    body, notice = _previewed_body(record.body, record.language)
    style = f"<style>\n{preview_css()}</style>" if full_page else ""
    kicker = f'<p class="kicker">{html.escape(record.kicker)}</p>' if record.kicker else ""
    lead = f'<p class="lead">{html.escape(record.lead)}</p>' if record.lead else ""
    tags = f'<p class="tags">Tag: {html.escape(", ".join(record.tags))}</p>' if record.tags else ""
    return Template(_resource("article.html")).substitute(
        language=html.escape(record.language),
        title=html.escape(record.headline or settings.site_name),
        style=style,
        breadcrumb=_breadcrumb(record, section_names or {}),
        kicker=kicker,
        headline=html.escape(record.headline),
        dateline=html.escape(
            dateline(when, zone=settings.zone, language=record.language, byline=byline)
        ),
        lead_image=_lead_image(record, image_width),
        lead=lead,
        body=_figures_for(markdown_to_html(body, language=record.language), full_page)
        + notice
        + corrections,
        tags=tags,
    )


def _figures_for(body_html: str, full_page: bool) -> str:
    """The body's figures as Qt can lay them out: QTextDocument knows no <figure> and
    would put the picture into the paragraph before it, whose 150% line height leaves a
    gap of half the picture under it. A browser (``full_page``) gets them as published."""
    if full_page:
        return body_html
    return (
        body_html.replace('<figure class="figure">', '<div class="figure">')
        .replace("</figure>", "</div>")
        .replace("<figcaption>", '<div class="figcaption">')
        .replace("</figcaption>", "</div>")
    )


def correction_box(db: Database | None, record: ArticleRecord, zone: str) -> str:
    """The "Koreksi" box of a corrected article as the published page has it ("" when it
    has none). Qt's preview knows no <aside>: a <div> of the same class stands in."""
    if db is None or record.status != "corrected":
        return ""
    from editor.errors import RedaksiError
    from editor.publish.corrections import corrections_html, load_corrections

    try:
        found = load_corrections(db, [record.id], now=datetime.now(UTC)).get(record.id, ())
    except RedaksiError:
        return ""  # the page is still worth showing without it
    box = str(corrections_html(found, zone=zone, language=record.language))
    return box.replace("<aside", "<div").replace("</aside>", "</div>")
