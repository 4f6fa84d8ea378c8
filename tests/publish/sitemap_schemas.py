"""Sitemaps checked against the sitemaps.org schemas (tests/fixtures/sitemaps) with lxml.

A ``<urlset>`` is checked with sitemap.xsd and the news extension together (its
wildcards demand a declaration for every element of another namespace), an index with
siteindex.xsd. Both schemas share one namespace, so each has a schema set of its own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "sitemaps"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@cache
def _schema(root: str) -> etree.XMLSchema:
    if root == "sitemapindex":
        return etree.XMLSchema(etree.parse(str(FOLDER / "siteindex.xsd")))
    imports = [(SITEMAP_NS, "sitemap.xsd"), (NEWS_NS, "sitemap-news.xsd")]
    driver = (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        + "".join(
            f'<xsd:import namespace="{ns}" schemaLocation="{(FOLDER / name).as_uri()}"/>'
            for ns, name in imports
        )
        + "</xsd:schema>"
    )
    return etree.XMLSchema(etree.fromstring(driver))


def sitemap_errors(data: bytes) -> list[str]:
    """Why ``data`` is not a valid sitemap or sitemap index (none when it is)."""
    try:
        tree = etree.fromstring(data)
    except etree.XMLSyntaxError as error:
        return [f"not XML: {error}"]
    root = etree.QName(tree).localname
    if etree.QName(tree).namespace != SITEMAP_NS or root not in ("urlset", "sitemapindex"):
        return [f"root element {tree.tag} is neither a urlset nor a sitemapindex"]
    schema = _schema(root)
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]
