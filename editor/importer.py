"""Importing Markdown files with front matter (Hugo, Jekyll, ``redaksi export-md``).

Every file stands alone: a broken one is reported with its name and every problem it has
(line and reason), and the others are still imported. Which keys are understood is listed
in editor.import_fields; how the header is read (line endings, the blank line after it) in
editor.frontmatter; which files are read, and their source keys, in editor.import_sources.

Identity, so importing the same file again updates its article instead of adding a copy:

1. The ``id`` in the front matter, when there is one (``redaksi export-md`` writes it). A
   file with an id the database does not know yet creates the article with that id, so an
   export imported into another newsroom keeps its identity.
2. Otherwise a source key stored in ``Article.source_key`` (editor.import_sources). When no
   article has a single file's key (its absolute path) yet, an article imported earlier from
   a folder whose key is the tail of this path is the match, so fixing one file of a site
   and importing just that file updates it.

A re-import that changes nothing leaves the article alone (no new version, no revision).
The file's fingerprint (its bytes and the import's settings) is kept with the article, so a
re-import of the same bytes onto an article nobody saved since is known unchanged without
reading its header. Changed content is saved with optimistic locking and kept as an
"import" revision; if the stored article had changes that no revision holds yet, they are
kept as a revision first.

New articles are written in batches of BATCH_FILES (editor.import_writer), each batch one
unit of work holding every article with its revision and its audit entry. If the database
refuses a batch, its files are written one at a time so only the refused one is left out.
An article that an older, interrupted import left without any revision gets its revision
when the same file is imported again. Bylines name people as editor.import_people says;
what became of each file is the report (editor.import_report).

An import acts as a person and obeys their role; every change and refusal is audited
(editor.workflow.import_rules). Missing sections are created when the person may
(editor.import_sections).

Files are untrusted: only regular files are read (editor.outside_files), none larger than
MAX_FILE_BYTES, and the header's cost is bounded in editor.frontmatter.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from editor.articles import MAX_BODY_CHARS, find_by_source_key, get_article
from editor.database import Database
from editor.errors import ConflictError, RedaksiError
from editor.frontmatter import MAX_HEADER_CHARS, FrontMatterError, decode, parse
from editor.i18n import _
from editor.import_fields import ImportedFields, read_fields
from editor.import_people import BylinePeople
from editor.import_permalinks import OLD_ADDRESS_KEY, SitePermalinks
from editor.import_pictures import SitePictures
from editor.import_reader import FieldProblem, FieldProblems, check_zone
from editor.import_report import ImportedFile, ImportProblem, ImportReport, write_reason
from editor.import_sections import SectionResolver
from editor.import_sources import Source, collect
from editor.import_writer import ImportWriter, Incoming, Queued, content_values, kept_json
from editor.models import Article
from editor.old_addresses import old_addresses
from editor.outside_files import UnreadableFile, read_regular
from editor.records import ArticleRecord
from editor.translations import translation_group
from editor.workflow.import_rules import ImportActor

__all__ = ["ImportProblem", "ImportReport", "ImportRun", "Incoming", "import_paths", "start_run"]

#: A bigger file cannot hold a header and a body within their limits (UTF-8 takes at most
#: four bytes a character); it is refused before it is read.
MAX_FILE_BYTES = 4 * (MAX_HEADER_CHARS + MAX_BODY_CHARS) + 4096
#: Raised when what the same file becomes changes (its default old address, for one), so
#: the next re-import reads every file again instead of passing over the unchanged ones.
READING_RULES = 2
#: New articles per unit of work: big enough that commits stop dominating, small enough
#: that a cancel or a kill loses little work.
BATCH_FILES = 200


@dataclass(frozen=True)
class _Known:
    """An article with a source key, as an import reads them all once at its start."""

    id: uuid.UUID
    headline: str
    version: int
    digest: str | None
    source_version: int | None


def _workflow(stored: ArticleRecord, fields: ImportedFields) -> dict[str, Any]:
    """Status and times: what the file states, else what the stored article has."""
    return {
        name: getattr(fields, name) if name in fields.stated else getattr(stored, name)
        for name in ("status", "published_at", "scheduled_at", "embargo_until")
    }


def _imported(incoming: Incoming, article_id: uuid.UUID) -> ImportedFile:
    fields = incoming.fields
    remarks = fields.remarks
    old = old_addresses(dict(incoming.kept))
    if old:
        remarks += (
            _("redirected from {addresses} once published").format(addresses=", ".join(old)),
        )
    return ImportedFile(
        incoming.source.path,
        article_id,
        fields.headline,
        fields.ignored_keys,
        fields.used_keys,
        remarks,
    )


class ImportRun:
    """One import: what it read once at its start, what it has queued, and its report."""

    def __init__(
        self,
        db: Database,
        *,
        zone: str,
        actor: ImportActor,
        sections: SectionResolver,
        settings: str = "",
    ) -> None:
        self.db = db
        self.zone = zone
        self.actor = actor
        self.sections = sections
        self.report = ImportReport()
        self.now = datetime.now(UTC)
        self.sections_from_folders = False
        #: Where the pictures files name are looked for (None: they keep their addresses).
        self.pictures: SitePictures | None = None
        #: The old sites' default addresses (None: only the addresses files name).
        self.permalinks: SitePermalinks | None = None
        self._settings = f"{READING_RULES}\n{zone}\n{settings}\n".encode()
        self.people = BylinePeople(db, actor)
        self.writer = ImportWriter(db, actor, sections, self.people)
        with db.transaction() as session:
            rows = session.execute(
                select(
                    Article.source_key,
                    Article.id,
                    Article.headline,
                    Article.version,
                    Article.source_digest,
                    Article.source_version,
                ).where(Article.source_key.is_not(None))
            ).all()
            self._ids: set[uuid.UUID] = set(session.scalars(select(Article.id)))
        self._known = {row[0]: _Known(*row[1:]) for row in rows}
        self._imported_from: dict[uuid.UUID, Path] = {}
        self._allowed_new: set[str] = set()
        self._pending: list[Queued] = []

    # --- reading ----------------------------------------------------------------------

    def digest(self, data: bytes) -> str:
        return hashlib.sha256(self._settings + data).hexdigest()

    def known_unchanged(self, source: Source, digest: str) -> bool:
        """Reported unchanged when this source's last import made the article as it is."""
        known = self._known.get(source.key)
        if (
            known is None
            or known.digest != digest
            or known.version != known.source_version
            or known.id in self._imported_from
        ):
            return False
        self._imported_from[known.id] = source.path
        self.report.unchanged.append(ImportedFile(source.path, known.id, known.headline))
        return True

    def import_file(self, source: Source) -> None:
        """Read one Markdown file and import it; raise what makes it a problem."""
        try:
            data = read_regular(source.path, MAX_FILE_BYTES)
        except UnreadableFile as error:
            raise FrontMatterError(error.reason) from None
        digest = self.digest(data)
        if self.known_unchanged(source, digest):
            return
        doc = parse(decode(data))
        fields = read_fields(
            doc,
            path=source.path,
            zone=self.zone,
            sections=self.sections,
            relative=None if source.single else PurePath(source.key),
            now=self.now,
            by_folders=self.sections_from_folders,
        )
        kept = {key: doc.fields[key] for key in fields.ignored_keys}
        old = self.permalinks.address(source.path, doc, fields) if self.permalinks else None
        if old is not None:
            kept[OLD_ADDRESS_KEY] = old
        if self.pictures is not None and (fields.lead_image or "![" in fields.body):
            lead, body, brought = self.pictures.bring(
                source.path,
                fields.lead_image,
                fields.lead_image_caption,
                fields.lead_image_credit,
                fields.body,
            )
            fields = replace(
                fields, lead_image=lead, body=body, remarks=fields.remarks + tuple(brought.remarks)
            )
        group = translation_group(None if source.single else source.key, kept)
        self.add(Incoming(source, digest, fields, kept, group))

    # --- deciding ---------------------------------------------------------------------

    def _existing(self, source: Source, fields: ImportedFields) -> ArticleRecord | None:
        known = self._known.get(source.key)
        if fields.article_id is None:
            if known is None:
                return self._tail_match(source.key) if source.single else None
            return get_article(self.db, known.id)
        if fields.article_id in self._ids:
            return get_article(self.db, fields.article_id)
        if known is not None:
            raise FieldProblem(
                _(
                    "its id {article_id} is not in this newsroom, but this file was imported "
                    "before as article {id}. Remove the 'id' line to update that article."
                ).format(article_id=fields.article_id, id=known.id),
                None,
            )
        return None

    def _tail_match(self, absolute_key: str) -> ArticleRecord | None:
        """The article imported from a folder whose relative key is the tail of this path."""
        parts = absolute_key.split("/")
        for tail in ("/".join(parts[i:]) for i in range(1, len(parts))):  # longest first
            if tail in self._known:
                return find_by_source_key(self.db, tail)
        return None

    def _check_first(self, target: uuid.UUID | None) -> None:
        if target is not None and target in self._imported_from:
            raise FieldProblem(
                _(
                    "is the same article as {first_file} (same id), which was imported "
                    "first; this file was left out. Keep only one of them."
                ).format(first_file=self._imported_from[target]),
                None,
            )

    def add(self, incoming: Incoming) -> None:
        """Import one article: queue a new one, save a changed one, report it."""
        source, fields = incoming.source, incoming.fields
        self._check_first(fields.article_id)  # before looking up an article still queued
        stored = self._existing(source, fields)
        self._check_first(stored.id if stored is not None else None)
        if stored is None:
            fields = replace(fields, status=self.actor.status_for_new(fields.status, fields.stated))
            if fields.status not in self._allowed_new:
                self.actor.check_new(fields.status)
                self._allowed_new.add(fields.status)
        else:
            self.actor.check_update(stored, _workflow(stored, fields))
        bylines = self.people.refs(fields.authors)
        incoming = replace(incoming, fields=fields)
        if stored is None:
            article_id = fields.article_id or uuid.uuid4()
            self._imported_from[article_id] = source.path
            self._ids.add(article_id)
            self._pending.append(Queued(incoming, article_id, bylines))
            if len(self._pending) >= BATCH_FILES:
                self.write_pending()
            return
        # A file that names nobody leaves the byline as it is; an article found by its id
        # (imported from elsewhere) keeps its translations.
        own = stored.source_key == source.key
        wanted = replace(
            stored,
            **content_values(fields),
            **_workflow(stored, fields),
            bylines=bylines or stored.bylines,
            translation_group=incoming.translation_group if own else stored.translation_group,
            kept_fields=kept_json(incoming.kept),
            # A new lastmod is a change (the sitemap and feeds say so); without one the page
            # keeps its time unless the save changes it.
            modified_at=fields.modified_at or stored.modified_at,
        )
        self._imported_from[stored.id] = source.path
        updated = self.writer.update(incoming, stored, wanted)
        outcome = self.report.updated if updated else self.report.unchanged
        outcome.append(_imported(incoming, stored.id))

    # --- writing ----------------------------------------------------------------------

    def write_pending(self) -> None:
        """Write the queued new articles: one unit of work, else one each."""
        batch, self._pending = self._pending, []
        if not batch:
            return
        try:
            self.writer.create_all(batch)
            written = batch
        except (SQLAlchemyError, RedaksiError):
            written = []
            for new in batch:
                try:
                    self.writer.create_all([new])
                    written.append(new)
                except (SQLAlchemyError, RedaksiError) as error:
                    self._imported_from.pop(new.article_id, None)
                    self.report.problems.append(
                        ImportProblem(new.incoming.source.path, None, write_reason(error))
                    )
        for new in written:
            incoming = new.incoming
            self.report.created.append(_imported(incoming, new.article_id))

    # --- the whole run ----------------------------------------------------------------

    def guarded(self, path: Path, work: Callable[[], None]) -> None:
        """Run one file's import; what goes wrong becomes the file's problems."""
        try:
            work()
        except FieldProblems as problems:
            for problem in problems.problems:
                self.report.problems.append(ImportProblem(path, problem.line, problem.reason))
        except (FrontMatterError, FieldProblem) as problem:
            self.report.problems.append(ImportProblem(path, problem.line, problem.reason))
        except ConflictError as error:
            self.report.problems.append(
                ImportProblem(
                    path, None, _("{error} Import the file again to retry.").format(error=error)
                )
            )
        except (RedaksiError, SQLAlchemyError) as error:
            self.report.problems.append(ImportProblem(path, None, write_reason(error)))

    def finish(self) -> ImportReport:
        self.write_pending()
        self.report.sections_created = list(self.sections.created)
        return self.report


def start_run(
    db: Database,
    *,
    zone: str,
    actor_id: uuid.UUID | None,
    section_map: Mapping[str, str] | None = None,
    extra_settings: Mapping[str, str] | None = None,
) -> ImportRun:
    """An import acting as ``actor_id``: the zone and the person are checked once, before
    anything is read or written. ``extra_settings`` is whatever else decides what a source
    becomes (part of each source's fingerprint)."""
    check_zone(zone)
    actor = ImportActor.start(db, actor_id)
    sections = SectionResolver(
        db,
        actor_id=actor.actor_id,
        actor_role=actor.person.role if actor.person is not None else None,
        mapping=section_map,
    )
    settings = json.dumps(
        [sorted((section_map or {}).items()), sorted((extra_settings or {}).items())]
    )
    return ImportRun(db, zone=zone, actor=actor, sections=sections, settings=settings)


def import_paths(
    db: Database,
    paths: Sequence[Path],
    *,
    zone: str = "Asia/Jakarta",
    actor_id: uuid.UUID | None = None,
    section_map: Mapping[str, str] | None = None,
    sections_from_folders: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import Markdown files and folders (recursively, ``*.md`` and ``*.markdown``).

    ``zone`` is the newsroom's zone for times written without one. ``actor_id`` is the
    person importing (None only in a newsroom without people; PermissionDenied otherwise).
    ``section_map`` renames categories and sections (``{"post": "berita"}``).
    ``sections_from_folders`` puts a file whose header names no ``section`` in the section
    its folders spell (``berita/dunia/``), before its categories.
    ``progress(done, total)`` is called after each file; when ``cancel()`` turns true the
    import stops between files, after writing what it had read.
    """
    check_zone(zone)
    folders = [p if p.is_dir() else p.parent for p in map(Path, paths) if p.exists()]
    permalinks = SitePermalinks(folders, zone)
    run = start_run(
        db,
        zone=zone,
        actor_id=actor_id,
        section_map=section_map,
        extra_settings={
            "site_settings": permalinks.fingerprint(),
            **({"sections_from_folders": "1"} if sections_from_folders else {}),
        },
    )
    run.sections_from_folders = sections_from_folders
    run.pictures = SitePictures(db, run.actor.actor_id, folders)
    run.permalinks = permalinks
    missing: list[Path] = []
    sources = collect(paths, missing=missing, skipped=run.report.skipped)
    for path in missing:
        run.report.problems.append(
            ImportProblem(path, None, _("no such file or folder. Check the path."))
        )
    for done, source in enumerate(sources):
        if cancel is not None and cancel():
            run.report.cancelled = True
            break
        run.guarded(source.path, partial(run.import_file, source))
        if progress is not None:
            progress(done + 1, len(sources))
    run.report.notes += permalinks.notes
    return run.finish()
