"""Importing Markdown files with front matter (Hugo, Jekyll, ``redaksi export-md``).

Every file stands alone: a broken one is reported with its name, line and reason, and the
others are still imported. Which keys are understood is listed in editor.import_fields;
how the header is read (line endings, the blank line after it) in editor.frontmatter.

Identity, so importing the same file again updates its article instead of adding a copy:

1. The ``id`` in the front matter, when there is one (``redaksi export-md`` writes it). A
   file with an id the database does not know yet creates the article with that id, so an
   export imported into another newsroom keeps its identity.
2. Otherwise a source key stored in ``Article.source_key``. For a folder it is the file's
   path relative to that folder (``posts/2023-05-04-nato.md``), so the same site folder
   re-imports onto the same articles from any place or machine. For a single file it is
   its absolute path; when no article has that key yet, an article imported earlier from
   a folder whose key is the tail of this path (``posts/2023-05-04-nato.md``) is the
   match, so fixing one file of a site and importing just that file updates it.

A re-import that changes nothing leaves the article alone (no new version, no revision).
Changed content is saved with optimistic locking and kept as an "import" revision; if the
stored article had changes that no revision holds yet, they are kept as a revision first.
An article, its revisions and the audit entry of the change are committed in one unit of
work, so a killed import leaves all of them or none; an article that an older,
interrupted import left without any revision gets its revision when the same file is
imported again.

An import acts as a person and obeys their role; every change and refusal is audited
(editor.workflow.import_rules).

Files are untrusted: only regular files are read (editor.outside_files), none larger than
MAX_FILE_BYTES, and the header's cost is bounded in editor.frontmatter.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from editor.articles import (
    EDITABLE_FIELDS,
    MAX_BODY_CHARS,
    find_by_source_key,
    get_article,
)
from editor.database import Database
from editor.errors import ConflictError, NotFoundError, RedaksiError
from editor.frontmatter import MAX_HEADER_CHARS, FrontMatterError, decode, parse
from editor.i18n import _
from editor.import_fields import FieldProblem, ImportedFields, check_zone, read_fields
from editor.models import Article
from editor.outside_files import UnreadableFile, read_regular
from editor.people import list_people
from editor.records import ArticleDraft, ArticleRecord, PersonRecord, PersonRef
from editor.revisions import (
    create_revision,
    create_with_revision,
    list_revisions,
    save_with_revision,
)
from editor.sections import find_section
from editor.slugs import slugify
from editor.workflow.import_rules import ImportActor

MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Hugo's list pages of a section: text about the section, not an article.
SECTION_PAGES = ("_index.md", "_index.markdown")
MAX_SOURCE_KEY = 500
#: A bigger file cannot hold a header and a body within their limits (UTF-8 takes at most
#: four bytes a character); it is refused before it is read.
MAX_FILE_BYTES = 4 * (MAX_HEADER_CHARS + MAX_BODY_CHARS) + 4096


@dataclass(frozen=True)
class ImportProblem:
    path: Path
    #: 1-based line in the file, or None when the problem is the file as a whole.
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class ImportedFile:
    path: Path
    article_id: uuid.UUID
    headline: str
    #: Front matter keys Redaksi does not use (``weight``, ``menu``...), for the record.
    ignored_keys: tuple[str, ...] = ()


@dataclass
class ImportReport:
    created: list[ImportedFile] = field(default_factory=list)
    updated: list[ImportedFile] = field(default_factory=list)
    unchanged: list[ImportedFile] = field(default_factory=list)
    #: Files passed over on purpose (Hugo ``_index.md`` section pages).
    skipped: list[Path] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    cancelled: bool = False

    @property
    def imported(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)

    def summary(self) -> str:
        text = _("{created} new, {updated} updated, {unchanged} unchanged").format(
            created=len(self.created), updated=len(self.updated), unchanged=len(self.unchanged)
        )
        if self.problems:
            count = len({p.path for p in self.problems})
            text += _(", {count} with problems").format(count=count)
        return text + (_(" (cancelled)") if self.cancelled else "")


@dataclass(frozen=True)
class _Source:
    path: Path
    key: str
    #: Given on its own (not found in a folder): its key is an absolute path.
    single: bool


def _walk(folder: Path) -> Iterator[Path]:
    """Markdown files under ``folder``, sorted; hidden files and folders (``.git``) are not
    looked at, and symlinked folders are not followed (so a link loop cannot hang)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(MARKDOWN_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def _short_key(key: str) -> str:
    if len(key) <= MAX_SOURCE_KEY:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def collect_sources(paths: Sequence[Path], report: ImportReport) -> list[_Source]:
    """Every file to import with its source key, each file once."""
    sources: list[_Source] = []
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = [
                _Source(f, _short_key(f.relative_to(given).as_posix()), False) for f in _walk(given)
            ]
        elif given.exists():  # a FIFO or device too: reading it says what it is
            found = [_Source(given, _short_key(given.resolve().as_posix()), True)]
        else:
            report.problems.append(
                ImportProblem(given, None, _("no such file or folder. Check the path."))
            )
            continue
        for source in found:
            real = source.path.resolve()
            if real in seen:
                continue
            seen.add(real)
            if source.path.name.lower() in SECTION_PAGES:
                report.skipped.append(source.path)
            else:
                sources.append(source)
    return sources


def _tail_match(db: Database, absolute_key: str) -> ArticleRecord | None:
    """The article imported from a folder whose relative key is the tail of this path."""
    parts = absolute_key.split("/")
    tails = ["/".join(parts[i:]) for i in range(1, len(parts))]
    with db.transaction() as session:
        keys = set(session.scalars(select(Article.source_key).where(Article.source_key.in_(tails))))
    for tail in tails:  # longest first: the most specific match
        if tail in keys:
            return find_by_source_key(db, tail)
    return None


def _existing(db: Database, source: _Source, fields: ImportedFields) -> ArticleRecord | None:
    by_key = find_by_source_key(db, source.key)
    if fields.article_id is None:
        if by_key is None and source.single:
            return _tail_match(db, source.key)
        return by_key
    try:
        return get_article(db, fields.article_id)
    except NotFoundError:
        pass
    if by_key is not None:
        raise FieldProblem(
            _(
                "its id {article_id} is not in this newsroom, but this file was imported "
                "before as article {id}. Remove the 'id' line to update that article."
            ).format(article_id=fields.article_id, id=by_key.id),
            None,
        )
    return None


def _tag_slugs(tags: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(slugify(tag) for tag in tags if tag.strip()))


def _same(stored: ArticleRecord, wanted: ArticleRecord) -> bool:
    """Would saving ``wanted`` change anything the user can see?"""
    for name in EDITABLE_FIELDS:
        old, new = getattr(stored, name), getattr(wanted, name)
        if name == "slug":
            new = new or slugify(wanted.headline)
        if old != new:
            return False
    return (
        stored.body == wanted.body
        and stored.byline_ids == wanted.byline_ids
        and _tag_slugs(stored.tags) == _tag_slugs(wanted.tags)
    )


def _workflow(stored: ArticleRecord, fields: ImportedFields) -> dict[str, Any]:
    """Status and times: what the file states, else what the stored article has."""
    return {
        name: getattr(fields, name) if name in fields.stated else getattr(stored, name)
        for name in ("status", "published_at", "scheduled_at", "embargo_until")
    }


def _person(db: Database, name: str, handle: str, actor: ImportActor) -> PersonRecord:
    """The byline's person: by handle, else by name; a new reporter when nobody matches
    (if the importing person may add one).

    A bare name prefers the person whose handle is made from it, so two people who share a
    name (one with a hand-made handle) stay apart through an export and a re-import.
    """
    people = list_people(db)
    handles = (handle,) if handle else (slugify(name), name)
    for wanted in handles:
        found = [p for p in people if p.handle == wanted]
        if found:
            return found[0]
    if not handle:
        found = [p for p in people if p.name.lower() == name.lower()]
        if found:
            return found[0]
    return actor.add_person(name, handle)


#: What a file always sets (a key it does not have means empty), in ArticleDraft names.
CONTENT_FIELDS = (
    *("headline", "body", "kicker", "slug", "lead", "section_id", "language", "tags"),
    *("lead_image", "lead_image_caption", "lead_image_credit"),
)


def _content(fields: ImportedFields) -> dict[str, Any]:
    return {name: getattr(fields, name) for name in CONTENT_FIELDS}


def _create(
    db: Database,
    source: _Source,
    fields: ImportedFields,
    bylines: tuple[PersonRef, ...],
    actor: ImportActor,
) -> uuid.UUID:
    draft = ArticleDraft(
        **_content(fields),
        byline_ids=actor.bylines_for_new(tuple(person.id for person in bylines)),
        status=fields.status,
        published_at=fields.published_at,
        scheduled_at=fields.scheduled_at,
        embargo_until=fields.embargo_until,
        source_key=source.key,
    )
    created = create_with_revision(
        db,
        draft,
        article_id=fields.article_id,
        kind="import",
        note=f"Imported from {source.path.name}",
        author_id=actor.actor_id,
        along_with=actor.audit("", f"new, from {source.path.name}"),
    )
    return created.id


def _update(
    db: Database, source: _Source, stored: ArticleRecord, wanted: ArticleRecord, actor: ImportActor
) -> bool:
    """Save ``wanted`` over ``stored``, keeping revisions; False when nothing changed."""
    note = f"Imported from {source.path.name}"
    if _same(stored, wanted):
        if stored.source_key == source.key and not list_revisions(db, stored.id):
            # Created from this file by an import that was killed before its revision was
            # kept (before both were committed together): keep it now.
            create_revision(db, stored.id, kind="import", note=note, author_id=actor.actor_id)
            return True
        return False
    # The stored text may be in no revision yet (autosaved, or changed by a script): the
    # save keeps it first.
    saved = save_with_revision(
        db,
        wanted,
        kind="import",
        note=note,
        unrevised_note=f"Before importing {source.path.name}",
        author_id=actor.actor_id,
        along_with=actor.audit(stored.status, f"updated from {source.path.name}"),
    )
    return saved is not None


def _import_one(
    db: Database,
    source: _Source,
    zone: str,
    report: ImportReport,
    imported_from: dict[uuid.UUID, Path],
    actor: ImportActor,
) -> None:
    try:
        data = read_regular(source.path, MAX_FILE_BYTES)
    except UnreadableFile as error:
        raise FrontMatterError(error.reason) from None
    doc = parse(decode(data))
    fields = read_fields(
        doc, path=source.path, zone=zone, find_section=lambda key: find_section(db, key)
    )
    stored = _existing(db, source, fields)
    target = stored.id if stored is not None else fields.article_id
    if target is not None and target in imported_from:
        raise FieldProblem(
            _(
                "is the same article as {first_file} (same id), which was imported first; "
                "this file was left out. Keep only one of them."
            ).format(first_file=imported_from[target]),
            None,
        )
    if stored is None:
        fields = replace(fields, status=actor.status_for_new(fields.status, fields.stated))
        actor.check_new(fields.status)
    else:
        actor.check_update(stored, _workflow(stored, fields))
    bylines = tuple(
        PersonRef(p.id, p.name, p.handle)
        for p in (_person(db, name, handle, actor) for name, handle in fields.authors)
    )
    if stored is None:
        article_id = _create(db, source, fields, bylines, actor)
        outcome = report.created
    else:
        # A file that names nobody leaves the byline as it is.
        wanted = replace(
            stored,
            **_content(fields),
            **_workflow(stored, fields),
            bylines=bylines or stored.bylines,
        )
        article_id = stored.id
        updated = _update(db, source, stored, wanted, actor)
        outcome = report.updated if updated else report.unchanged
    imported_from[article_id] = source.path
    outcome.append(ImportedFile(source.path, article_id, fields.headline, fields.ignored_keys))


def _database_message(error: SQLAlchemyError) -> str:
    """The driver's first line, without the statement and its (possibly huge) parameters."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def import_paths(
    db: Database,
    paths: Sequence[Path],
    *,
    zone: str = "Asia/Jakarta",
    actor_id: uuid.UUID | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import Markdown files and folders (recursively, ``*.md`` and ``*.markdown``).

    ``zone`` is the newsroom's zone for times written without one. ``actor_id`` is the
    person importing (None only in a newsroom without people; PermissionDenied otherwise).
    ``progress(done, total)`` is called after each file; when ``cancel()`` turns true the
    import stops between files.
    """
    check_zone(zone)
    actor = ImportActor.start(db, actor_id)
    report = ImportReport()
    sources = collect_sources(paths, report)
    imported_from: dict[uuid.UUID, Path] = {}
    for done, source in enumerate(sources):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        try:
            _import_one(db, source, zone, report, imported_from, actor)
        except (FrontMatterError, FieldProblem) as problem:
            report.problems.append(ImportProblem(source.path, problem.line, problem.reason))
        except ConflictError as error:
            report.problems.append(
                ImportProblem(
                    source.path,
                    None,
                    _("{error} Import the file again to retry.").format(error=error),
                )
            )
        except RedaksiError as error:
            report.problems.append(
                ImportProblem(source.path, None, _("not imported: {error}").format(error=error))
            )
        except SQLAlchemyError as error:
            reason = _("not imported, the database refused it: {error}").format(
                error=_database_message(error)
            )
            report.problems.append(ImportProblem(source.path, None, reason))
        if progress is not None:
            progress(done + 1, len(sources))
    return report
