"""Exporting articles as Markdown files with YAML front matter, ready to import again.

Layout: ``<section path>/<YYYY-MM-DD>-<slug>.md`` (``berita/dunia/2023-05-04-nato.md``),
the date being the publication date in the newsroom's zone. Articles without a section sit
at the top of the folder, articles without a publication date have no date in the name.
When two articles would get the same name, each of them gets the start of its id added
(``...-nato-6f1c2a9b.md``), so the names do not depend on which one was exported first;
should that name be taken too (another article's slug can spell it), more of the id is
added, up to the whole id, which no other article's file can be named after. After writing,
every article must have a file of its own: two names that the disk takes for one file (a
case-insensitive disk, a link inside the folder) are reported, never counted as exported.
Every part of a path is made a slug again, so no slug or section can write outside the
folder; a target that still resolves outside it (a symlink) is refused.

The header holds ``id`` and every value the importer reads back (editor.import_fields);
empty values are left out. Times carry their offset. Files are written whole to a temporary
file beside the target and renamed over it, so a reader never sees half a file; a file whose
bytes would not change is not touched. Files of articles that were renamed or deleted since
an earlier export are left alone: this never deletes anything in the folder.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from editor.articles import get_article
from editor.database import Database
from editor.frontmatter import render
from editor.i18n import _
from editor.import_fields import KNOWN_KEYS
from editor.import_reader import check_zone
from editor.listing import list_articles
from editor.models import Article
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


def front_matter(
    record: ArticleRecord, zone: str, kept: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The header of one article, in reading order, without empty values; then the keys
    an import kept (``aliases``, ``weight``…), as they were read."""
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
    header = {key: value for key, value in fields.items() if value not in (None, "", [], {})}
    taken = {key.lower() for key in KNOWN_KEYS}
    header.update((key, value) for key, value in (kept or {}).items() if key.lower() not in taken)
    return header


def _kept_fields(db: Database, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """Each article's kept front matter keys (editor.importer), read in one go."""
    kept: dict[uuid.UUID, dict[str, Any]] = {}
    with db.transaction() as session:
        for start in range(0, len(ids), 500):
            rows = session.execute(
                select(Article.id, Article.kept_fields).where(
                    Article.id.in_(ids[start : start + 500])
                )
            )
            for article_id, text in rows:
                value = json.loads(text or "{}")
                kept[article_id] = value if isinstance(value, dict) else {}
    return kept


def relative_path(record: ArticleRecord, zone: str) -> PurePosixPath:
    """``<section path>/<YYYY-MM-DD>-<slug>.md``, every part a safe slug."""
    parts = record.section_path.split("/")
    folders = [slugify(part) for part in parts if any(ch.isalnum() for ch in part)]
    name = slugify(record.slug or record.headline)
    if record.published_at is not None:
        name = f"{record.published_at.astimezone(ZoneInfo(zone)):%Y-%m-%d}-{name}"
    return PurePosixPath(*folders, f"{name}.md")


#: How much of the id a clashing name gets: first the start, then more, then all of it.
_ID_LENGTHS = (0, 8, 12, 16, 32)


def _with_id(path: PurePosixPath, article_id: uuid.UUID, length: int) -> PurePosixPath:
    if length == 0:
        return path
    return path.with_name(f"{path.stem}-{article_id.hex[:length]}{path.suffix}")


def unique_paths(
    wanted: list[tuple[PurePosixPath, ArticleRecord]],
) -> list[tuple[PurePosixPath, ArticleRecord]]:
    """Every article's wanted path, with as much of its id added as makes all of them differ.

    Works in rounds: all articles that share a name this round take a longer piece of their
    id, so the result does not depend on the order of ``wanted``. It ends: a name carrying
    the whole id ends in those 32 hex digits, so no two articles can share one, and an
    article that meets such a name moves on instead of the one that holds it.
    """
    last = len(_ID_LENGTHS) - 1
    levels = [0] * len(wanted)
    while True:
        holders: dict[str, list[int]] = defaultdict(list)
        for index, (path, record) in enumerate(wanted):
            name = _with_id(path, record.id, _ID_LENGTHS[levels[index]])
            holders[name.as_posix().casefold()].append(index)
        movers = [
            index
            for group in holders.values()
            if len(group) > 1
            for index in group
            if levels[index] < last
        ]
        if not movers:
            break
        for index in movers:
            levels[index] += 1
    return [
        (_with_id(path, record.id, _ID_LENGTHS[level]), record)
        for (path, record), level in zip(wanted, levels, strict=True)
    ]


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
    kept = _kept_fields(db, [record.id for record in records])
    planned = unique_paths([(relative_path(record, zone), record) for record in records])
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
        header = front_matter(record, zone, kept.get(record.id))
        data = render(header, record.body).encode("utf-8")
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
    _check_one_file_each(out_dir, report)
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


def _check_one_file_each(out_dir: Path, report: ExportReport) -> None:
    """Make sure no two exported articles ended in the same file; report any that did.

    The names all differ, but a disk may still take two of them for one file (a
    case-insensitive disk, a folder linked to another inside the export). The article
    written last is in that file; the others are moved from the counts to the problems.
    """
    holders: dict[tuple[int, int], list[ExportedFile]] = defaultdict(list)
    for exported in report.written + report.unchanged:
        try:
            info = out_dir.joinpath(*exported.path.parts).stat()
        except OSError:
            continue  # cannot happen unless something removed it meanwhile; nothing to compare
        holders[(info.st_dev, info.st_ino)].append(exported)
    lost: set[uuid.UUID] = set()
    for group in holders.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda exported: (exported.path, str(exported.article_id)))  # as written
        kept = group[-1]
        for exported in group[:-1]:
            lost.add(exported.article_id)
            report.problems.append(
                ExportProblem(
                    exported.article_id,
                    exported.headline,
                    _(
                        "{path} and {other} are one file in this folder (a folder in it is "
                        "a link, or the disk ignores the case of names), so this article's "
                        "file was overwritten. Export into an empty folder."
                    ).format(path=exported.path, other=kept.path),
                )
            )
    if lost:
        report.written = [e for e in report.written if e.article_id not in lost]
        report.unchanged = [e for e in report.unchanged if e.article_id not in lost]
