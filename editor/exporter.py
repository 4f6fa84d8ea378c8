"""Exporting articles as Markdown files with YAML front matter, ready to import again.

Layout: ``<section path>/<YYYY-MM-DD>-<slug>.md`` (``berita/dunia/2023-05-04-nato.md``),
the date being the publication date in the newsroom's zone. Articles without a section sit
at the top of the folder, articles without a publication date have no date in the name.
When two articles would get the same name, each of them gets the start of its id added
(``...-nato-6f1c2a9b.md``), so the names do not depend on which one was exported first.
Every part of a path is made a slug again, so no slug or section can write outside the
folder; a target that still resolves outside it (a symlink) is refused.

The header holds ``id`` and every value the importer reads back (editor.import_fields);
empty values are left out. Times carry their offset. Files are written whole to a temporary
file beside the target and renamed over it, so a reader never sees half a file; a file whose
bytes would not change is not touched. Files of articles that were renamed or deleted since
an earlier export are left alone: this never deletes anything in the folder.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from editor.articles import get_article
from editor.database import Database
from editor.frontmatter import render
from editor.i18n import _
from editor.import_fields import check_zone
from editor.listing import list_articles
from editor.records import ArticleQuery, ArticleRecord, PersonRef
from editor.slugs import slugify
from editor.time_range import DateOutOfRange, in_range

PAGE_SIZE = 500


@dataclass(frozen=True)
class ExportedFile:
    #: Relative to the export folder, with "/" between parts.
    path: PurePosixPath
    article_id: uuid.UUID
    headline: str


@dataclass(frozen=True)
class ExportProblem:
    article_id: uuid.UUID
    headline: str
    reason: str

    def __str__(self) -> str:
        return f"{self.headline or self.article_id}: {self.reason}"


@dataclass
class ExportReport:
    out_dir: Path
    written: list[ExportedFile] = field(default_factory=list)
    unchanged: list[ExportedFile] = field(default_factory=list)
    problems: list[ExportProblem] = field(default_factory=list)
    cancelled: bool = False

    @property
    def count(self) -> int:
        """Articles now in the folder: written or already there byte for byte."""
        return len(self.written) + len(self.unchanged)

    def summary(self) -> str:
        text = _("{written} written, {unchanged} unchanged").format(
            written=len(self.written), unchanged=len(self.unchanged)
        )
        if self.problems:
            text += _(", {count} not exported").format(count=len(self.problems))
        return text + (_(" (cancelled)") if self.cancelled else "")


def _author(person: PersonRef) -> str | dict[str, str]:
    """The name alone when the importer can find the person by it, else name and handle."""
    if person.handle == slugify(person.name):
        return person.name
    return {"name": person.name, "handle": person.handle}


def front_matter(record: ArticleRecord, zone: str) -> dict[str, Any]:
    """The header of one article, in reading order, without empty values."""
    local = ZoneInfo(zone)
    image = {
        "src": record.lead_image,
        "caption": record.lead_image_caption,
        "credit": record.lead_image_credit,
    }
    fields: dict[str, Any] = {
        "id": str(record.id),
        "title": record.headline,
        "kicker": record.kicker,
        "slug": record.slug,
        "date": record.published_at.astimezone(local) if record.published_at else None,
        "section": record.section_path,
        "authors": [_author(person) for person in record.bylines],
        "tags": list(record.tags),
        "status": record.status,
        "language": record.language,
        "lead": record.lead,
        "lead_image": {k: v for k, v in image.items() if v},
        "scheduled_at": record.scheduled_at.astimezone(local) if record.scheduled_at else None,
        "embargo_until": record.embargo_until.astimezone(local) if record.embargo_until else None,
    }
    return {key: value for key, value in fields.items() if value not in (None, "", [], {})}


def relative_path(record: ArticleRecord, zone: str) -> PurePosixPath:
    """``<section path>/<YYYY-MM-DD>-<slug>.md``, every part a safe slug."""
    parts = record.section_path.split("/")
    folders = [slugify(part) for part in parts if any(ch.isalnum() for ch in part)]
    name = slugify(record.slug or record.headline)
    if record.published_at is not None:
        name = f"{record.published_at.astimezone(ZoneInfo(zone)):%Y-%m-%d}-{name}"
    return PurePosixPath(*folders, f"{name}.md")


def _with_id(path: PurePosixPath, article_id: uuid.UUID) -> PurePosixPath:
    return path.with_name(f"{path.stem}-{article_id.hex[:8]}{path.suffix}")


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, flush it to disk, rename it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _article_ids(db: Database, query: ArticleQuery) -> Iterator[uuid.UUID]:
    offset = 0
    while True:
        page = list_articles(db, replace(query, offset=offset, limit=PAGE_SIZE))
        yield from (item.id for item in page.items)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def export_markdown(
    db: Database,
    out_dir: Path,
    query: ArticleQuery | None = None,
    *,
    zone: str = "Asia/Jakarta",
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportReport:
    """Write the articles ``query`` selects (default: all but the trash) into ``out_dir``.

    ``zone`` is the newsroom's zone for dates in names and headers. ``progress(done, total)``
    is called after each article; when ``cancel()`` turns true the export stops between files.
    """
    check_zone(zone)
    out_dir = Path(out_dir)
    report = ExportReport(out_dir=out_dir)
    records = []
    for article_id in _article_ids(db, query or ArticleQuery()):
        record = get_article(db, article_id)
        reason = _unexportable(record)
        if reason is None:
            records.append(record)
        else:
            report.problems.append(ExportProblem(record.id, record.headline, reason))
    by_path: dict[PurePosixPath, list[ArticleRecord]] = defaultdict(list)
    for record in records:
        by_path[relative_path(record, zone)].append(record)
    planned = [
        (path if len(group) == 1 else _with_id(path, record.id), record)
        for path, group in by_path.items()
        for record in group
    ]
    planned.sort(key=lambda item: (item[0], str(item[1].id)))
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    for done, (relative, record) in enumerate(planned):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        exported = ExportedFile(relative, record.id, record.headline)
        target = out_dir.joinpath(*relative.parts)
        if not target.resolve().is_relative_to(root):
            report.problems.append(
                ExportProblem(
                    record.id,
                    record.headline,
                    _("{path} leads outside {out_dir}.").format(path=relative, out_dir=out_dir),
                )
            )
            continue
        data = render(front_matter(record, zone), record.body).encode("utf-8")
        try:
            if target.is_file() and target.read_bytes() == data:
                report.unchanged.append(exported)
            else:
                write_atomically(target, data)
                report.written.append(exported)
        except OSError as error:
            report.problems.append(
                ExportProblem(
                    record.id,
                    record.headline,
                    _("cannot write {path}: {error}").format(path=target, error=error),
                )
            )
        if progress is not None:
            progress(done + 1, len(planned))
    return report


def _unexportable(record: ArticleRecord) -> str | None:
    """Why the article cannot be written (a time stored before times were range-checked)."""
    for key, value in (
        ("date", record.published_at),
        ("scheduled_at", record.scheduled_at),
        ("embargo_until", record.embargo_until),
    ):
        if value is None:
            continue
        try:
            in_range(value)
        except DateOutOfRange as error:
            return _(
                "its '{key}' cannot be written: {error} Set another time and export again."
            ).format(key=key, error=error)
    return None
