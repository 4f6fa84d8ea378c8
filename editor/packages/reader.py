"""Reading a story package from outside: refused whole, in one sentence, unless intact.

A package comes on a USB stick or by mail: anything may have happened to it. Nothing is
taken from it until all of this holds: it is a complete zip file of a sane size; its
manifest is this format; every file it holds is listed in its checksums and every listed
file is there with that SHA-256; it holds no other file and no name it did not make
itself (no ``..``, no absolute path); nothing unpacks past the limits; each article's
files are there and parse; each picture is one (``media.intake.check_picture``) and is
the picture its name says.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.i18n import _
from editor.media.intake import NotAPicture, Picture, check_picture
from editor.outside_files import UnreadableFile, open_regular
from editor.packages.layout import (
    ARTICLE_FILES,
    CHECKSUMS,
    FORMAT,
    MANIFEST,
    MAX_ARTICLES,
    MAX_MEMBERS,
    MAX_PACKAGE_BYTES,
    MAX_TEXT_BYTES,
    MAX_TOTAL_BYTES,
    MEDIA_NAME,
    VERSION,
    PackageError,
    article_path,
)

_SUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S+)$")


@dataclass(frozen=True)
class PackagedArticle:
    id: uuid.UUID
    headline: str
    content: dict[str, Any]
    #: None: the article was made where the package was, the newsroom has not seen it.
    base: dict[str, Any] | None
    base_version: int
    #: SHA-256 of its sync.json: names the change, so the same package is taken once.
    digest: str


@dataclass(frozen=True)
class PackagedPicture:
    picture: Picture
    description: dict[str, str]


@dataclass(frozen=True)
class StoryPackage:
    path: Path
    articles: tuple[PackagedArticle, ...]
    pictures: tuple[PackagedPicture, ...]


def _broken(path: Path, why: str) -> PackageError:
    return PackageError(
        _("{path} is not an intact story package: {why}. Nothing was imported.").format(
            path=path.name, why=why
        )
    )


def _read_zip(path: Path) -> dict[str, bytes]:
    try:
        with open_regular(path) as raw:
            data = raw.read(MAX_PACKAGE_BYTES + 1)
    except UnreadableFile as error:
        raise PackageError(
            _("{path} {reason}").format(path=path.name, reason=error.reason)
        ) from None
    except OSError as error:
        raise PackageError(
            _("{path} cannot be read: {error}.").format(path=path.name, error=error.strerror)
        ) from None
    if len(data) > MAX_PACKAGE_BYTES:
        raise _broken(path, _("it is larger than any package can be"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise _broken(path, _("the file is damaged or cut short")) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _broken(path, _("it holds too many files"))
    if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise _broken(path, _("it would unpack to more than any package can hold"))
    files: dict[str, bytes] = {}
    for member in members:
        name = member.filename
        if name in files or member.is_dir() or not _safe_name(name):
            raise _broken(path, _("it holds a file named {name}").format(name=repr(name)))
        limit = MAX_TOTAL_BYTES if name.startswith("media/") else MAX_TEXT_BYTES
        if member.file_size > limit:
            raise _broken(path, _("{name} is too large").format(name=name))
        try:
            with archive.open(member) as stream:
                content = stream.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
            raise _broken(path, _("{name} is damaged").format(name=name)) from None
        if len(content) > limit:
            raise _broken(path, _("{name} is too large").format(name=name))
        files[name] = content
    return files


def _safe_name(name: str) -> bool:
    if name in (MANIFEST, CHECKSUMS) or MEDIA_NAME.match(name):
        return True
    parts = name.split("/")
    return (
        len(parts) == 3
        and parts[0] == "articles"
        and parts[2] in ARTICLE_FILES
        and _is_uuid(parts[1])
        and str(uuid.UUID(parts[1])) == parts[1]
    )


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _check_sums(path: Path, files: dict[str, bytes]) -> None:
    if CHECKSUMS not in files:
        raise _broken(path, _("its checksums are missing"))
    listed: dict[str, str] = {}
    for line in files[CHECKSUMS].decode("utf-8", "replace").splitlines():
        found = _SUM_LINE.match(line)
        if found is None:
            raise _broken(path, _("its checksums cannot be read"))
        listed[found.group(2)] = found.group(1)
    for name, data in files.items():
        if name == CHECKSUMS:
            continue
        expected = listed.pop(name, None)
        if expected is None:
            raise _broken(path, _("{name} was added after it was made").format(name=name))
        if hashlib.sha256(data).hexdigest() != expected:
            raise _broken(path, _("{name} was changed after it was made").format(name=name))
    if listed:
        raise _broken(path, _("{name} is missing").format(name=sorted(listed)[0]))


def _json(path: Path, files: dict[str, bytes], name: str) -> Any:
    try:
        return json.loads(files[name].decode("utf-8"))
    except KeyError:
        raise _broken(path, _("{name} is missing").format(name=name)) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _broken(path, _("{name} cannot be read").format(name=name)) from None


def _article(path: Path, files: dict[str, bytes], entry: Any) -> PackagedArticle:
    if not isinstance(entry, dict) or not _is_uuid(str(entry.get("id", ""))):
        raise _broken(path, _("its list of articles cannot be read"))
    article_id = uuid.UUID(str(entry["id"]))
    for name in ARTICLE_FILES:
        if article_path(article_id, name) not in files:
            raise _broken(path, _("{name} is missing").format(name=article_path(article_id, name)))
    sync_name = article_path(article_id, "sync.json")
    data = _json(path, files, sync_name)
    content, base = data.get("content") if isinstance(data, dict) else None, None
    if isinstance(data, dict):
        base = data.get("base")
    version = data.get("base_version") if isinstance(data, dict) else None
    if (
        not isinstance(content, dict)
        or not isinstance(content.get("body"), str)
        or not (base is None or isinstance(base, dict))
        or not isinstance(version, int)
        or isinstance(version, bool)
        or version < 0
    ):
        raise _broken(path, _("{name} cannot be read").format(name=sync_name))
    return PackagedArticle(
        id=article_id,
        headline=str(content.get("headline") or ""),
        content=content,
        base=base,
        base_version=version,
        digest=hashlib.sha256(files[sync_name]).hexdigest(),
    )


def _picture(path: Path, files: dict[str, bytes], sha: str, entry: Any) -> PackagedPicture:
    name = str(entry.get("path", "")) if isinstance(entry, dict) else ""
    found = MEDIA_NAME.match(name)
    if found is None or found.group(1) != sha or name not in files:
        raise _broken(path, _("picture {sha} is missing").format(sha=sha[:12]))
    try:
        picture = check_picture(files[name], str(entry.get("name") or name), shown=name)
    except NotAPicture as refused:
        raise _broken(path, str(refused).rstrip(".")) from None
    if picture.sha256 != sha:
        raise _broken(path, _("{name} was changed after it was made").format(name=name))
    fields = ("caption", "credit", "alt_text", "license")
    description = {f: str(entry.get(f) or "") for f in fields}
    return PackagedPicture(picture=picture, description=description)


def read_package(path: Path) -> StoryPackage:
    """The package at ``path``, checked whole; PackageError (one sentence) otherwise."""
    path = Path(path)
    files = _read_zip(path)
    manifest = _json(path, files, MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _broken(path, _("it is not a Redaksi story package"))
    if manifest.get("version") != VERSION:
        raise PackageError(
            _(
                "{path} was made by a newer Redaksi (package version {version}); update "
                "Redaksi to open it."
            ).format(path=path.name, version=manifest.get("version"))
        )
    _check_sums(path, files)
    entries = manifest.get("articles")
    media = manifest.get("media") or {}
    if not isinstance(entries, list) or not entries or len(entries) > MAX_ARTICLES:
        raise _broken(path, _("its list of articles cannot be read"))
    if not isinstance(media, dict):
        raise _broken(path, _("its list of pictures cannot be read"))
    articles = tuple(_article(path, files, entry) for entry in entries)
    if len({a.id for a in articles}) != len(articles):
        raise _broken(path, _("its list of articles cannot be read"))
    pictures = tuple(_picture(path, files, str(sha), entry) for sha, entry in media.items())
    return StoryPackage(path=path, articles=articles, pictures=pictures)
