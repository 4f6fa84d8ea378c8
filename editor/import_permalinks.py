"""Where a Hugo or Jekyll page lived when its file named no address of its own.

Most pages of a static site have no ``url`` or ``permalink``: the generator put them at
its default address. The import works that address out again and keeps it as the
article's ``old_address`` (editor.old_addresses), so the publish makes a redirect there
like for any other old address. The key is written back on export, so an export
imported into another newsroom keeps redirecting.

- Hugo (a file under a ``content`` folder that was imported, or whose site's settings
  file is beside it): ``/<folders>/<slug or file name>/`` (a bundle's
  ``index.md`` takes its folder's name), or the section's pattern in the ``permalinks``
  setting of ``hugo.toml``/``config.toml``/``hugo.yaml``… (``/:year/:month/:slug/``);
  lower case unless ``disablePathToLower``; ``uglyURLs`` ends it in ``.html``; a language
  other than ``defaultContentLanguage`` (``en`` unless set) comes first (``/fr/…``).
- Jekyll (a post under ``_posts``): ``/:categories/:year/:month/:day/:title.html``, or the
  ``permalink`` of ``_config.yml`` (a pattern, or ``date``, ``pretty``, ``ordinal``,
  ``none``). Categories are the folders above ``_posts`` and the front matter's, in lower
  case; the date is the front matter's in ``timezone`` when the config sets one.

A pattern with a placeholder this does not know gives no address (a wrong redirect is
worse than none). Drafts, pages not yet out and Redaksi's own exports (with an ``id``)
get none. The settings file is looked for in the folder the page is in and the folders
above it, up to the one imported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path, PurePath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor.frontmatter import Document, FrontMatterError, read_settings
from editor.i18n import _
from editor.import_dates import language_tag, name_date
from editor.import_fields import ImportedFields
from editor.import_reader import Reader
from editor.outside_files import UnreadableFile, read_regular
from editor.records import PUBLIC_STATUSES

#: The front matter key an import keeps a computed old address under.
OLD_ADDRESS_KEY = "old_address"
#: Keys that already say where the page lived: nothing is computed for them.
_OWN_ADDRESS = frozenset(("url", "permalink", OLD_ADDRESS_KEY))
HUGO_SETTINGS = tuple(
    f"{name}.{suffix}" for name in ("hugo", "config") for suffix in ("toml", "yaml", "yml")
)
JEKYLL_SETTINGS = ("_config.yml", "_config.yaml")
MAX_SETTINGS_BYTES = 256 * 1024
JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_NOT_IN_PATH = re.compile(r"[^\w\-./~]+")


@dataclass(frozen=True)
class _Settings:
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        """Hugo reads its settings without regard to case."""
        for name, value in self.values.items():
            if name.lower() == key.lower():
                return value
        return None


@dataclass(frozen=True)
class _File:
    """What a file's place says: its name (without suffix and language; a bundle's
    folder name for its ``index.md``), the folders above it, its language suffix."""

    name: str
    folders: tuple[str, ...]
    language: str | None


def _file(path: Path, folders: tuple[str, ...]) -> _File:
    base, dot, last = path.stem.rpartition(".")
    language = language_tag(last) if dot and base else None
    name = base if language else path.stem
    if name.lower() == "index" and folders:
        name, folders = folders[-1], folders[:-1]
    return _File(name, folders, language)


def _urlize(text: str) -> str:
    """Hugo's urlize: spaces to hyphens, what a path cannot hold dropped."""
    return _NOT_IN_PATH.sub("", re.sub(r"\s+", "-", text.strip()))


def _fill(pattern: str, values: dict[str, str]) -> str | None:
    """``pattern`` with its placeholders filled in; None when one is not known."""
    unknown = False

    def one(found: re.Match[str]) -> str:
        nonlocal unknown
        name = found.group(1)
        # ``:title:output_ext`` reads as two placeholders; a longer known name wins.
        for end in range(len(name), 0, -1):
            if name[:end] in values:
                return values[name[:end]] + name[end:]
        unknown = True
        return ""

    filled = _PLACEHOLDER.sub(one, pattern)
    if unknown:
        return None
    return re.sub(r"/{2,}", "/", "/" + filled.lstrip("/"))


def _dates(when: datetime) -> dict[str, str]:
    return {
        "year": f"{when.year:04d}",
        "month": f"{when.month:02d}",
        "day": f"{when.day:02d}",
        "i_month": str(when.month),
        "i_day": str(when.day),
        "short_year": f"{when.year % 100:02d}",
        "y_day": f"{when.timetuple().tm_yday:03d}",
        "yearday": str(when.timetuple().tm_yday),
        "monthname": when.strftime("%B"),
        "weekday": str(when.isoweekday() % 7),
        "weekdayname": when.strftime("%A"),
    }


class SitePermalinks:
    """The default addresses of one import's pages, with each site's settings read once."""

    def __init__(self, roots: list[Path], zone: str) -> None:
        #: The folders imported: settings are not looked for above them.
        self._roots = [root.absolute() for root in roots]
        self._zone_name = zone
        self._zone = ZoneInfo(zone)
        #: What the import report says about the settings files (one it could not read).
        self.notes: list[str] = []
        self._read: dict[Path, _Settings | None] = {}
        #: Every page of a site asks from the same folder: its answer, worked out once.
        self._found: dict[tuple[Path, tuple[str, ...]], tuple[Path, _Settings] | None] = {}

    def fingerprint(self) -> str:
        """The settings files in the folders imported and the ones they are in, as part
        of every file's fingerprint: a changed ``permalink`` makes a re-import read the
        pages again."""
        hasher = hashlib.sha256()
        for folder in dict.fromkeys(f for root in self._roots for f in (root, root.parent)):
            for name in (*HUGO_SETTINGS, *JEKYLL_SETTINGS):
                path = folder / name
                if path.is_file():
                    try:
                        data = read_regular(path, MAX_SETTINGS_BYTES)
                    except UnreadableFile as error:
                        data = error.reason.encode()
                    hasher.update(f"{path}\n{len(data)}\n".encode() + data)
        return hasher.hexdigest()

    # --- settings -------------------------------------------------------------------

    def _settings(self, folder: Path, names: tuple[str, ...]) -> tuple[Path, _Settings] | None:
        """The first settings file of ``names`` in ``folder`` or above it, up to the
        folder imported (and its parent, for a ``content`` folder imported on its own),
        with the folder it is in."""
        asked = (folder, names)
        if asked not in self._found:
            self._found[asked] = self._look_up(folder.absolute(), names)
        return self._found[asked]

    def _look_up(self, folder: Path, names: tuple[str, ...]) -> tuple[Path, _Settings] | None:
        stops = {root.parent for root in self._roots} | set(self._roots)
        while True:
            for name in names:
                found = self._load(folder / name)
                if found is not None:
                    return folder, found
            if folder in stops or folder.parent == folder:
                return None
            folder = folder.parent

    def _load(self, path: Path) -> _Settings | None:
        if path in self._read:
            return self._read[path]
        settings = None
        if path.is_file():
            try:
                text = read_regular(path, MAX_SETTINGS_BYTES).decode("utf-8")
                settings = _Settings(read_settings(text, toml=path.suffix == ".toml"))
            except (UnreadableFile, UnicodeDecodeError, FrontMatterError) as error:
                reason = getattr(error, "reason", None) or str(error)
                self.notes.append(
                    _(
                        "{path} could not be read ({reason}): old addresses of its pages "
                        "are taken as the generator's defaults."
                    ).format(path=path, reason=reason)
                )
                settings = _Settings()
        self._read[path] = settings
        return settings

    def _date(self, reader: Reader, path: Path, settings: _Settings) -> datetime | None:
        """The page's date as the generator saw it: the front matter's as written (in
        the settings' ``timezone`` when they set one), else the file name's."""
        zone: tzinfo = self._zone
        named = settings.get("timezone") or settings.get("timeZone")
        if isinstance(named, str) and named:
            try:
                zone = ZoneInfo(named)
            except (ZoneInfoNotFoundError, ValueError):
                named = None
        try:
            written = reader.as_written("date") or reader.as_written("publishdate")
            if written is not None:
                return written.astimezone(zone) if named else written
            return name_date(PurePath(path.name), zone)
        except (OverflowError, ValueError):
            return None

    # --- addresses ------------------------------------------------------------------

    def address(self, path: Path, doc: Document, fields: ImportedFields) -> str | None:
        """Where the page of the file at ``path`` lived, None when it had no default
        address (or named its own)."""
        if (
            fields.article_id is not None
            or fields.status not in PUBLIC_STATUSES
            or any(key.lower() in _OWN_ADDRESS for key in doc.fields)
        ):
            return None
        parts = path.absolute().parts
        reader = Reader(doc, self._zone_name)
        if "_posts" in parts[:-1]:
            at = len(parts) - 2 - parts[-2::-1].index("_posts")
            return self._jekyll(path, Path(*parts[:at]), reader, fields)
        if "content" in parts[:-1]:
            at = len(parts) - 2 - parts[-2::-1].index("content")
            return self._hugo(path, Path(*parts[:at]), parts[at + 1 : -1], reader, fields)
        return None

    def _hugo(
        self,
        path: Path,
        site: Path,
        folders: tuple[str, ...],
        reader: Reader,
        fields: ImportedFields,
    ) -> str | None:
        found = self._settings(site, HUGO_SETTINGS)
        content = site / "content"
        imported = any(content == root or root in content.parents for root in self._roots)
        if not imported and (found is None or found[0] != site):
            return None  # a folder above the import that only happens to be named so
        settings = found[1] if found else _Settings()
        page = _file(path, folders)
        folders, language = page.folders, page.language
        if folders and language_tag(folders[0]):
            language, folders = language_tag(folders[0]), folders[1:]
        default_language = str(settings.get("defaultContentLanguage") or "en").lower()
        in_subdir = settings.get("defaultContentLanguageInSubdir") is True
        language = language or default_language
        prefix = f"/{language}" if language != default_language or in_subdir else ""
        slug = _urlize(reader.text("slug"))
        pattern = _hugo_pattern(settings, folders[0] if folders else "")
        if pattern is None:
            address = "/" + "/".join([*folders, slug or page.name]) + "/"
            if settings.get("uglyURLs") is True:
                address = address.rstrip("/") + ".html"
        else:
            when = self._date(reader, path, settings)
            values = {
                **(_dates(when) if when else {}),
                "section": folders[0] if folders else "",
                "sections": "/".join(folders),
                "title": _urlize(fields.headline),
                "slug": slug or _urlize(fields.headline),
                "filename": page.name,
                "contentbasename": page.name,
                "slugorfilename": slug or page.name,
                "slugorcontentbasename": slug or page.name,
            }
            filled = _fill(pattern, values)
            if filled is None:
                return None
            address = filled
        address = prefix + address
        return address if settings.get("disablePathToLower") is True else address.lower()

    def _jekyll(
        self, path: Path, posts_in: Path, reader: Reader, fields: ImportedFields
    ) -> str | None:
        found = self._settings(posts_in, JEKYLL_SETTINGS)
        settings = found[1] if found else _Settings()
        root = (
            found[0]
            if found
            else next((r for r in self._roots if posts_in == r or r in posts_in.parents), posts_in)
        )
        above = posts_in.relative_to(root).parts if root in (posts_in, *posts_in.parents) else ()
        categories = [c.lower() for c in above if not c.startswith("_")]
        for key in ("categories", "category"):
            value = reader.fields.get(key)
            items = value if isinstance(value, list) else str(value or "").split()
            categories += [str(item).lower() for item in items if str(item).strip()]
        when = self._date(reader, path, settings)
        if when is None:
            return None
        style = settings.get("permalink")
        style = style if isinstance(style, str) and style else "date"
        values = {
            **_dates(when),
            "categories": "/".join(dict.fromkeys(categories)),
            "title": fields.slug,
            "slug": fields.slug,
            "output_ext": ".html",
        }
        return _fill(JEKYLL_STYLES.get(style, style), values)


def _hugo_pattern(settings: _Settings, section: str) -> str | None:
    permalinks = settings.get("permalinks")
    if not isinstance(permalinks, dict):
        return None
    pages = permalinks.get("page")
    for table in (pages if isinstance(pages, dict) else {}, permalinks):
        pattern = table.get(section)
        if isinstance(pattern, str) and pattern:
            return pattern
    return None
