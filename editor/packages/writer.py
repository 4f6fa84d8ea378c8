"""Writing a story package: the articles, the pictures they name, checksums of all.

The base of each article is what it was edited from, so an editor's import merges it
like a sync (``editor.packages.layout``). On a replica that is the server's state the
first change still waiting was made from (or the pulled state, when nothing waits); an
article made here and never synced has no base and is imported as a new one. On a
database that does not sync it is what the last package of that article brought in.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from editor import __version__
from editor.articles import get_article
from editor.database import Database
from editor.errors import NotAvailableOfflineError, ValidationError
from editor.exporter import front_matter
from editor.frontmatter import render
from editor.i18n import _
from editor.media.refs import parse_media_ref, refs_in
from editor.media.tables import MediaBlob, MediaItem
from editor.packages.layout import (
    CHECKSUMS,
    FORMAT,
    MANIFEST,
    MAX_ARTICLES,
    SUFFIX,
    VERSION,
    article_path,
    media_path,
)
from editor.publish.model import PublicArticle
from editor.publish.ninjs import ninjs_document
from editor.publish.pages import SiteInfo
from editor.records import ArticleRecord
from editor.render import markdown_to_html
from editor.sync.states import content_of, loads
from editor.sync.tables import OutboxOp, SyncShadow


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    articles: tuple[str, ...]
    pictures: int
    size: int


def _base(db: Database, record: ArticleRecord) -> tuple[dict[str, Any] | None, int]:
    """(the content the article was edited from, its version); (None, 0) for an article
    the newsroom has never seen."""
    if db.sync_role != "replica":
        return _imported_base(db, record.id)
    with db.transaction() as session:
        first = session.scalars(
            select(OutboxOp)
            .where(OutboxOp.article_id == record.id)
            .order_by(OutboxOp.position)
            .limit(1)
        ).first()
        shadow = session.get(SyncShadow, record.id)
        if first is not None:
            if first.kind == "create":
                return None, 0
            payload = loads(first.payload_json)
            if first.kind == "save" and isinstance(payload.get("base"), dict):
                return payload["base"], first.base_version
        if shadow is None or shadow.server_version == 0:
            return None, 0
        state = loads(shadow.state_json)
        state.pop("status", None)
        return state, shadow.server_version


def _imported_base(db: Database, article_id: uuid.UUID) -> tuple[dict[str, Any] | None, int]:
    """On a database that does not sync, the base is what the last package brought
    (``merge_in`` keeps it as the article's shadow); an article that never came in a
    package has none, and the import keeps both texts wherever they differ: a copy of a
    newsroom file does not say what it was edited from, and guessing would lose text."""
    with db.transaction() as session:
        shadow = session.get(SyncShadow, article_id)
        if shadow is None:
            return None, 0
        return loads(shadow.state_json), shadow.server_version


def _ninjs(record: ArticleRecord, site_name: str) -> dict[str, Any]:
    when = record.published_at or record.updated_at
    article = PublicArticle(
        id=record.id,
        url="",
        headline=record.headline,
        kicker=record.kicker,
        lead=record.lead,
        version=record.version,
        language=record.language,
        status=record.status,
        section=None,
        bylines=tuple(p.name for p in record.bylines),
        tags=(),
        lead_image=record.lead_image,
        lead_image_caption=record.lead_image_caption,
        lead_image_credit=record.lead_image_credit,
        published_at=when,
        updated_at=record.updated_at,
        word_count=record.word_count,
        fingerprint=str(record.version),
    )
    site = SiteInfo(name=site_name, base="", root="", zone="UTC", nav=())
    html = markdown_to_html(record.body, language=record.language)
    image = record.lead_image if record.lead_image else None
    document = ninjs_document(article, site=site, body_html=html, image_url=image)
    document["uri"] = f"urn:uuid:{record.id}"
    document.pop("renditions", None)
    document.pop("altIds", None)
    document["pubStatus"] = "usable" if record.status in ("published", "corrected") else "withheld"
    return document


def _pictures(db: Database, records: Sequence[ArticleRecord]) -> dict[str, dict[str, Any]]:
    """Every picture of the media library the articles name, with its bytes."""
    wanted: list[str] = []
    for record in records:
        lead = parse_media_ref(record.lead_image)
        wanted += ([lead] if lead else []) + refs_in(record.body)
    wanted = list(dict.fromkeys(wanted))
    _fetch_missing(db, wanted)
    found: dict[str, dict[str, Any]] = {}
    with db.transaction() as session:
        for sha in wanted:
            item, blob = session.get(MediaItem, sha), session.get(MediaBlob, sha)
            if item is None or blob is None:
                continue  # named but not in this library (or not fetched): the text says so
            found[sha] = {
                "data": bytes(blob.data),
                "path": media_path(sha, item.mime),
                "name": item.original_name,
                "mime": item.mime,
                "caption": item.caption,
                "credit": item.credit,
                "alt_text": item.alt_text,
                "license": item.license,
            }
    return found


def _fetch_missing(db: Database, wanted: list[str]) -> None:
    """On a replica, the pictures whose bytes have not come yet are fetched first while
    the newsroom server answers; offline the package goes without them (as before)."""
    if db.sync_role != "replica":
        return
    from editor.errors import OfflineError, RemoteError
    from editor.media.library import media_records
    from editor.sync.replica import Replica

    missing = [r.sha256 for r in media_records(db, set(wanted)).values() if not r.has_bytes]
    if not missing:
        return
    with Replica(db) as replica:
        for sha in missing:
            try:
                replica.ensure_media(sha)
            except (OfflineError, RemoteError):
                return  # out of reach, or the server lacks it: the text names it anyway
            except ValidationError:
                continue  # it did not match its hash: nothing was kept


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def package_name(target: Path) -> Path:
    """``target`` with the package suffix, unless it has it already."""
    return target if target.name.endswith(SUFFIX) else target.with_name(target.name + SUFFIX)


def export_package(
    db: Database,
    article_ids: Sequence[uuid.UUID],
    target: Path,
    *,
    zone: str = "Asia/Jakarta",
    site_name: str = "Redaksi",
) -> WrittenPackage:
    """Write the articles into ``target`` (replaced whole, or not at all)."""
    if not article_ids:
        raise ValidationError(_("Name at least one article to put in the package."))
    if len(article_ids) > MAX_ARTICLES:
        raise ValidationError(
            _("A package carries at most {limit} articles.").format(limit=MAX_ARTICLES)
        )
    records = [get_article(db, article_id) for article_id in dict.fromkeys(article_ids)]
    files: dict[str, bytes] = {}
    entries = []
    for record in records:
        if db.sync_role == "replica":
            with db.transaction() as session:
                shadow = session.get(SyncShadow, record.id)
                carried = shadow is None or shadow.has_body
            if not carried:
                raise NotAvailableOfflineError(
                    _(
                        "The text of “{headline}” is not on this computer: open it once while "
                        "online, then make the package."
                    ).format(headline=record.headline)
                )
        base, base_version = _base(db, record)
        files[article_path(record.id, "article.md")] = render(
            front_matter(record, zone), record.body
        ).encode()
        files[article_path(record.id, "ninjs.json")] = _json(_ninjs(record, site_name))
        files[article_path(record.id, "sync.json")] = _json(
            {"content": content_of(record), "base": base, "base_version": base_version}
        )
        entries.append(
            {"id": str(record.id), "headline": record.headline, "base_version": base_version}
        )
    pictures = _pictures(db, records)
    for picture in pictures.values():
        files[picture["path"]] = picture["data"]
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "made_at": datetime.now(UTC).isoformat(),
        "made_by_app": __version__,
        "articles": entries,
        "media": {
            sha: {k: v for k, v in picture.items() if k != "data"}
            for sha, picture in pictures.items()
        },
    }
    files[MANIFEST] = _json(manifest)
    sums = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    )
    target = package_name(Path(target))
    _write_zip(target, {**files, CHECKSUMS: sums.encode()})
    return WrittenPackage(
        path=target,
        articles=tuple(str(r.id) for r in records),
        pictures=len(pictures),
        size=target.stat().st_size,
    )


def _write_zip(target: Path, files: dict[str, bytes]) -> None:
    """Into a temporary file beside ``target``, then renamed: never half a package."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".package-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for name in (MANIFEST, CHECKSUMS):
                archive.writestr(name, files[name], compress_type=zipfile.ZIP_DEFLATED)
            for name, data in sorted(files.items()):
                if name in (MANIFEST, CHECKSUMS):
                    continue
                # Pictures are compressed already.
                method = zipfile.ZIP_STORED if name.startswith("media/") else zipfile.ZIP_DEFLATED
                archive.writestr(name, data, compress_type=method)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
