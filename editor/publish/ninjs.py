"""IPTC ninjs 3.1 ("news in JSON") copies of the articles, one file beside each page.

The official schema (© IPTC, CC BY 4.0) is copied into tests/publish/schemas and every file
the tests publish is validated against it with format checks on.
"""

from __future__ import annotations

import json
from typing import Any

from editor.publish.model import PublicArticle
from editor.publish.pages import SiteInfo, iso

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
#: The file name beside each article's index.html.
NINJS_NAME = "ninjs.json"


def ninjs_document(
    article: PublicArticle,
    *,
    site: SiteInfo,
    body_html: str,
    image_url: str | None,
) -> dict[str, Any]:
    url = site.base + article.url
    doc: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "uri": f"urn:uuid:{article.id}",
        "type": "text",
        "representationType": "full",
        "profile": "text-photo" if image_url else "text-only",
        "version": article.fingerprint,
        "firstCreated": iso(article.published_at),
        "versionCreated": iso(max(article.updated_at, article.published_at)),
        "pubStatus": "usable",
        "language": article.language,
        "headlines": [{"role": "main", "value": article.headline}],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "wordCount": article.word_count,
                "value": body_html,
            }
        ],
        "copyrightHolder": site.name,
        "renditions": [
            {"name": "web", "href": url, "contentType": "text/html", "title": article.headline}
        ],
        "altIds": [{"role": "url", "value": url}],
    }
    if article.kicker:
        doc["headlines"].append({"role": "kicker", "value": article.kicker})
    if article.lead:
        doc["descriptions"] = [{"role": "summary", "value": article.lead}]
    if article.bylines:
        doc["by"] = article.byline
    subjects = []
    if article.section is not None:
        subjects.append({"name": article.section.name, "rel": "section"})
    subjects.extend({"name": tag.name, "rel": "tag", "literal": tag.slug} for tag in article.tags)
    if subjects:
        doc["subjects"] = subjects
    if image_url:
        picture: dict[str, Any] = {
            "name": "lead-image",
            "rel": "lead",
            "uri": image_url,
            "type": "picture",
            "renditions": [{"name": "original", "href": image_url}],
        }
        if article.lead_image_caption:
            picture["descriptions"] = [{"role": "caption", "value": article.lead_image_caption}]
        if article.lead_image_credit:
            picture["by"] = article.lead_image_credit
        doc["associations"] = [picture]
    return doc


def render_ninjs(
    article: PublicArticle, *, site: SiteInfo, body_html: str, image_url: str | None
) -> str:
    doc = ninjs_document(article, site=site, body_html=body_html, image_url=image_url)
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
