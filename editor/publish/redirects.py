"""Old addresses of imported articles keep working: a redirect page at each, and a map for
the web server.

An import keeps the front matter keys that name where a page used to be (``aliases``,
``redirect_from``, ``url``, ``permalink``; a WordPress post's link becomes ``aliases``).
For every public article the publish writes, at each such address, a small page that
sends the reader on (``<meta http-equiv="refresh">``) and tells search engines where the
article lives now (``<link rel="canonical">``), so a plain static host needs nothing else.
Beside them, ``redirects.nginx.conf`` (a ``map`` for ``return 301``) and
``redirects.apache.conf`` (anchored ``RedirectMatch 301`` lines) let a server answer with a
real 301.

An old address is a path on the old site (a full address counts by its path). One that
is not a plain path (``..``, a query, control characters), that the new site uses itself
(``/``, anything under ``/read/``, a feed, a folder it needs), or that an earlier article
claimed is left out and reported.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from sqlalchemy import select

from editor.database import Database
from editor.i18n import _
from editor.models import Article
from editor.old_addresses import clean_path, old_addresses
from editor.publish.job import Job
from editor.publish.model import PublicArticle, SiteData, digest
from editor.publish.pages import SiteInfo
from editor.publish.report import PublishProblem
from editor.publish.urls import RESERVED_TOP

NGINX_MAP = "redirects.nginx.conf"
APACHE_MAP = "redirects.apache.conf"
_CHUNK = 400
_PAGE_SUFFIXES = (".html", ".htm", ".php", ".asp", ".aspx")


@dataclass(frozen=True)
class Redirect:
    #: The old path, as the site's file: "2023/05/04/nato-jepang/index.html".
    file: str
    #: The old address as readers asked for it: "/2023/05/04/nato-jepang/".
    old: str
    #: The article's address now, relative to the site: "/read/2023/…/".
    new: str
    language: str = "id"


def _file_of(path: str) -> str:
    if path.endswith("/"):
        return path.strip("/") + "/index.html"
    if path.lower().endswith(_PAGE_SUFFIXES):
        return path.lstrip("/")
    return path.lstrip("/") + "/index.html"


def _parents(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def _in_the_way(file: str, taken: Collection[str], folders: Collection[str]) -> bool:
    """Would a redirect at ``file`` take or block a place the site uses? The site's own
    top folders (``/read/``, where every future article goes) are kept clear too, and no
    file may stand where the site needs a folder, or the other way round."""
    return (
        file.split("/", 1)[0] in RESERVED_TOP
        or file in taken
        or file in folders
        or any(parent in taken for parent in _parents(file))
    )


def _kept(db: Database, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, object]]:
    found: dict[uuid.UUID, dict[str, object]] = {}
    with db.transaction() as session:
        for start in range(0, len(ids), _CHUNK):
            rows = session.execute(
                select(Article.id, Article.kept_fields).where(
                    Article.id.in_(ids[start : start + _CHUNK]),
                    Article.kept_fields != "{}",
                )
            )
            for article_id, text in rows:
                try:
                    value = json.loads(text or "{}")
                except ValueError:
                    continue
                if isinstance(value, dict):
                    found[article_id] = value
    return found


def find_redirects(
    db: Database, data: SiteData, taken: Collection[str], problems: list[PublishProblem]
) -> list[Redirect]:
    """Every public article's old addresses, oldest article first (it had the address
    first), without those the site uses or that are not plain paths."""
    # Asked first which articles keep anything: a site of 100,000 mostly has none.
    keeping = set(with_old_addresses(db))
    articles: list[PublicArticle] = sorted(
        (a for a in data.articles if a.id in keeping), key=lambda a: (a.published_at, str(a.id))
    )
    kept = _kept(db, [a.id for a in articles])
    folders = {parent for path in taken for parent in _parents(path)}
    claimed: dict[str, str] = {}
    redirects: list[Redirect] = []
    for article in articles:
        for address in old_addresses(kept.get(article.id, {})):
            path = clean_path(address)
            if path is None:
                problems.append(
                    PublishProblem(
                        article.url,
                        _("old address '{address}' is not a plain path; no redirect made").format(
                            address=address[:200]
                        ),
                    )
                )
                continue
            file = _file_of(path)
            if file == article.url.strip("/") + "/index.html":
                continue  # the article lives there still
            owner = claimed.get(file)
            if owner is not None or _in_the_way(file, taken, folders):
                problems.append(
                    PublishProblem(
                        article.url,
                        _("old address {path} is {whose}; no redirect made").format(
                            path=path,
                            whose=_("a page of this site")
                            if owner is None
                            else _("another article's old address ({url})").format(url=owner),
                        ),
                    )
                )
                continue
            claimed[file] = article.url
            redirects.append(Redirect(file, path, article.url, article.language))
    return redirects


def redirect_page(redirect: Redirect, *, base: str, root: str) -> bytes:
    """The page at the old address: a meta refresh, a canonical link and a plain link."""
    target = html.escape(base + redirect.new, quote=True)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(redirect.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_MOVED.get(redirect.language, _MOVED['en'])}</title>\n"
        f'<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n"
        f'<p><a href="{html.escape(root + redirect.new, quote=True)}">{target}</a></p>\n'
        "</body>\n</html>\n"
    ).encode()


#: The redirect page's title, in the article's language.
_MOVED = {"id": "Halaman ini pindah", "en": "This page has moved"}


def nginx_map(redirects: Iterable[Redirect], root: str) -> bytes:
    lines = [
        "# Old addresses of imported articles (made by redaksi publish). In the http block:",
        "#   include /path/to/site/redirects.nginx.conf;",
        "# and in the server block:",
        "#   if ($redaksi_redirect) { return 301 $redaksi_redirect; }",
        "map $uri $redaksi_redirect {",
    ]
    # nginx compares the decoded path ($uri): the keys are paths as typed, quoted (they
    # hold no quote, backslash, brace, semicolon or space: clean_path refuses those).
    for redirect in redirects:
        old, new = root + redirect.old, root + redirect.new
        lines.append(f'    "{old}" "{new}";')
        if redirect.old.endswith("/"):  # index.html asked for by name
            lines.append(f'    "{old}index.html" "{new}";')
    lines.append("}")
    return ("\n".join(lines) + "\n").encode()


def apache_map(redirects: Iterable[Redirect], root: str) -> bytes:
    lines = [
        "# Old addresses of imported articles (made by redaksi publish).",
        "# Include it in the site's configuration, or copy it into .htaccess (mod_alias).",
    ]
    for redirect in redirects:
        # RedirectMatch, anchored: a plain Redirect would also move every path below.
        # Apache matches the decoded path too.
        pattern = re.escape(root + redirect.old.rstrip("/"))
        ending = "(?:/|/index\\.html)?" if redirect.old.endswith("/") else ""
        lines.append(f'RedirectMatch 301 "^{pattern}{ending}$" "{root + redirect.new}"')
    return ("\n".join(lines) + "\n").encode()


def redirects_key(redirects: Iterable[Redirect]) -> str:
    return digest(*(f"{r.file}\x1e{r.new}" for r in redirects))


def redirect_jobs(redirects: Sequence[Redirect], site: SiteInfo) -> list[Job]:
    """The redirect pages and the two server maps, as publish jobs."""
    if not redirects:
        return []
    key = digest("redirects", site, redirects_key(redirects))
    made = [
        Job(
            redirect.file,
            digest("redirect", site, redirect),
            partial(redirect_page, redirect, base=site.base, root=site.root),
        )
        for redirect in redirects
    ]
    made.append(Job(NGINX_MAP, key, partial(nginx_map, redirects, site.root)))
    made.append(Job(APACHE_MAP, key, partial(apache_map, redirects, site.root)))
    return made


def site_redirects(
    db: Database,
    data: SiteData,
    site: SiteInfo,
    taken: Collection[str],
    problems: list[PublishProblem],
) -> tuple[list[Job], int]:
    """The jobs of every public article's old addresses (``data``: at least every public
    article that has any) around the site's own files ``taken``, and how many redirect.

    The full publish and the one that plans only what changed both come here, so an
    old address added to or taken from an article is handled alike by either."""
    redirects = find_redirects(db, data, set(taken) | {NGINX_MAP, APACHE_MAP}, problems)
    return redirect_jobs(redirects, site), len(redirects)


def addresses_key(kept_text: str) -> str:
    """What an article's kept front matter says of its old addresses ("" for none)."""
    try:
        kept = json.loads(kept_text or "{}")
    except ValueError:
        return ""
    found = old_addresses(kept) if isinstance(kept, dict) else []
    return digest(*found) if found else ""


def with_old_addresses(db: Database) -> list[uuid.UUID]:
    """Every article (public or not) whose kept front matter holds anything."""
    with db.transaction() as session:
        return list(session.scalars(select(Article.id).where(Article.kept_fields != "{}")))
