"""What a Markdown file's name and place say about its article: date, slug and language.

A site's files carry facts outside their front matter, and a migration that drops them
dates a whole archive "today" and moves every old address. In order of trust:

- the date: the front matter's ``date``, else the file name (Jekyll's
  ``2023-05-04-slug.md``, or a bundle folder named so), else the folders
  (``…/2023/05/04/slug.md``), else the file's modification time. Which one was used is
  reported, so a user can tell an archive date from a guess;
- the slug: the front matter's ``slug``, else the file name without its date and language
  (``2014-09-09-jekyll-2-4-0-released.md`` → ``jekyll-2-4-0-released``; a bundle's
  ``index.md`` takes its folder's name), so the last part of the old address survives;
- the language: the front matter's, else the file name (``about.en.md``), else a top
  folder named for a language (Hugo's ``content/en/…``);
- the section, when asked (``--sections-from-folders``): the folders it is in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from pathlib import Path, PurePath

from editor.i18n import N_

#: Where a date came from, as the import report names it.
FROM_FRONT_MATTER = N_("front matter")
FROM_FILE_NAME = N_("file name")
FROM_FOLDERS = N_("folders")
FROM_FILE_TIME = N_("file time")

_DATED_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
_YEAR, _MONTH, _DAY = (re.compile(p) for p in (r"^\d{4}$", r"^\d{1,2}$", r"^\d{1,2}$"))
#: ISO 639-1 codes, for telling ``post.fr.md`` and ``content/ja/`` from other names.
_CODES = """aa ab af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta
te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"""
LANGUAGE_CODES = frozenset(_CODES.split())
_LANGUAGE_TAG = re.compile(r"^(?P<code>[a-z]{2})(?:[-_][a-z0-9]{2,8})?$", re.IGNORECASE)


class BadNameDate(ValueError):
    """A dated file name whose date does not exist (``2023-02-30-…``)."""


def _stem(path: PurePath) -> str:
    """The file's name without ``.md`` and without a language (``about.en``)."""
    stem = path.stem
    base, dot, last = stem.rpartition(".")
    if dot and language_tag(last):
        return base
    return stem


def _named(path: PurePath) -> str:
    """The name that stands for the article: a bundle's folder for its ``index.md``."""
    stem = _stem(path)
    if stem.lower() == "index" and path.parent.name:
        return path.parent.name
    return stem


def language_tag(text: str) -> str | None:
    """``fr`` for ``fr``, ``fr-CA`` or ``pt_BR``; None when ``text`` names no language."""
    found = _LANGUAGE_TAG.match(text)
    if found is None or found.group("code").lower() not in LANGUAGE_CODES:
        return None
    return found.group("code").lower()


def name_date(path: PurePath, zone: tzinfo) -> datetime | None:
    """Midnight in ``zone`` of a Jekyll name's date, None for an undated name.
    BadNameDate when the name spells a day that does not exist."""
    dated = _DATED_NAME.match(_named(path))
    if dated is None:
        return None
    year, month, day = (int(part) for part in dated.groups()[:3])
    try:
        return datetime(year, month, day, tzinfo=zone)
    except ValueError:
        raise BadNameDate(path.name) from None


def folder_date(path: PurePath, zone: tzinfo) -> datetime | None:
    """The last ``YYYY/MM/DD`` run of folders in the path, None without one."""
    parts = path.parent.parts
    for at in range(len(parts) - 3, -1, -1):
        year, month, day = parts[at : at + 3]
        if _YEAR.match(year) and _MONTH.match(month) and _DAY.match(day):
            try:
                return datetime(int(year), int(month), int(day), tzinfo=zone)
            except ValueError:
                continue
    return None


def file_time(path: Path) -> datetime | None:
    """The file's modification time (a checkout sets it, but a copy often keeps it)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OSError, OverflowError, ValueError):
        return None


def name_slug(path: PurePath) -> str:
    """The slug the old site used: the name without date, language and suffix."""
    name = _named(path)
    dated = _DATED_NAME.match(name)
    return dated.group(4) if dated else name


def folder_section(relative: PurePath) -> list[str]:
    """The section a file's folders spell (``berita/dunia/nato.md`` → berita, dunia):
    without ``content``, a language folder, Jekyll's ``_posts`` and ``_drafts``, date
    folders, and a bundle's own folder."""
    parts = list(relative.parts[:-1])
    if _stem(relative).lower() == "index" and parts:
        parts = parts[:-1]  # the bundle's folder is the article, not a section
    if "content" in parts:
        parts = parts[parts.index("content") + 1 :]
    if parts and language_tag(parts[0]):
        parts = parts[1:]
    return [
        part
        for part in parts
        if not part.startswith("_") and not _YEAR.match(part) and not part.isdigit()
    ]


def path_language(path: PurePath, relative: PurePath | None) -> str | None:
    """The language a file's name (``about.en.md``) or top folder (``en/about.md``, under
    a ``content`` folder too) gives, None when neither names one."""
    base, dot, last = path.stem.rpartition(".")
    if dot and base and language_tag(last):
        return language_tag(last)
    parts = list((relative or path).parts[:-1])
    if "content" in parts:
        parts = parts[parts.index("content") + 1 :]
    elif relative is None:
        return None  # an absolute path's first folder says nothing
    return language_tag(parts[0]) if parts else None
