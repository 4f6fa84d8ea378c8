"""Crash recovery: a journal of unsaved text, restored at the next start.

While a reporter types, the autosave controller writes the article being edited to
``<data dir>/recovery/<article id>.json`` at most every half second (written to a temp
file and renamed, so a kill mid-write leaves the previous journal whole). A successful
save and a clean exit remove the file. A journal still there at start-up therefore holds
text the database never got; ``recover_unclean_shutdown`` puts it back, as the person
signed in then. Until someone is, ``set_aside`` renames the journals so the editor's own
journal of the same article can never write over them.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import threading
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from editor.articles import create_article, get_article, save_article
from editor.database import Database, open_database
from editor.errors import NotFoundError, RedaksiError
from editor.people import list_people
from editor.records import ArticleDraft, ArticleRecord, PersonRef
from editor.revisions import create_revision

JOURNAL_FOLDER = "recovery"
#: A headline suffix for recovered text that could not go back into its article
#: (someone else saved it meanwhile): it becomes a new article, nothing is overwritten.
RECOVERED_SUFFIX = " (dipulihkan)"


@dataclass(frozen=True)
class JournalEntry:
    """The editable part of an article as it was on screen, and what it was based on."""

    article_id: str
    base_version: int
    written_at: str
    database_url: str
    pid: int
    headline: str
    kicker: str
    slug: str
    lead: str
    body: str
    section_id: str | None
    language: str
    byline_ids: list[str]
    tags: list[str]
    lead_image: str
    lead_image_caption: str
    lead_image_credit: str

    @classmethod
    def of(cls, record: ArticleRecord, database_url: str) -> JournalEntry:
        return cls(
            article_id=str(record.id),
            base_version=record.version,
            written_at=datetime.now(UTC).isoformat(),
            database_url=database_url,
            pid=os.getpid(),
            headline=record.headline,
            kicker=record.kicker,
            slug=record.slug,
            lead=record.lead,
            body=record.body,
            section_id=str(record.section_id) if record.section_id else None,
            language=record.language,
            byline_ids=[str(person.id) for person in record.bylines],
            tags=list(record.tags),
            lead_image=record.lead_image,
            lead_image_caption=record.lead_image_caption,
            lead_image_credit=record.lead_image_credit,
        )

    def applied_to(
        self, record: ArticleRecord, people: dict[uuid.UUID, PersonRef]
    ) -> ArticleRecord:
        bylines = tuple(
            people[pid] for pid in (uuid.UUID(text) for text in self.byline_ids) if pid in people
        )
        return replace(
            record,
            headline=self.headline,
            kicker=self.kicker,
            slug=self.slug,
            lead=self.lead,
            body=self.body,
            section_id=uuid.UUID(self.section_id) if self.section_id else None,
            language=self.language,
            bylines=bylines,
            tags=tuple(self.tags),
            lead_image=self.lead_image,
            lead_image_caption=self.lead_image_caption,
            lead_image_credit=self.lead_image_credit,
        )


def journal_folder(data_dir: Path) -> Path:
    return data_dir / JOURNAL_FOLDER


class RecoveryJournal:
    """Writes and removes the journal files of one running editor."""

    def __init__(self, data_dir: Path, database_url: str) -> None:
        self.folder = journal_folder(data_dir)
        self.database_url = database_url
        # Writes may run on worker threads: the newest ticket per article wins, so a slow
        # older write can never replace newer text, nor bring back a discarded journal.
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._newest: dict[uuid.UUID, int] = {}

    def ticket(self) -> int:
        """A place in line, taken when the text is read off the screen."""
        with self._lock:
            return next(self._tickets)

    def path(self, article_id: uuid.UUID) -> Path:
        return self.folder / f"{article_id}.json"

    def write(self, record: ArticleRecord, *, ticket: int | None = None) -> Path | None:
        """Journal ``record`` atomically: temp file, flush, rename over the old journal.

        None when a newer write or a discard came first (nothing to do).
        """
        ticket = self.ticket() if ticket is None else ticket
        data = json.dumps(asdict(JournalEntry.of(record, self.database_url)), ensure_ascii=False)
        with self._lock:
            if ticket < self._newest.get(record.id, 0):
                return None
            self._newest[record.id] = ticket
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.path(record.id)
            temp = target.with_suffix(f".{os.getpid()}.tmp")
            with open(temp, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
            return target

    def discard(self, article_id: uuid.UUID) -> None:
        with self._lock:
            self._newest[article_id] = next(self._tickets)
            with contextlib.suppress(FileNotFoundError):
                self.path(article_id).unlink()

    def has(self, article_id: uuid.UUID) -> bool:
        return self.path(article_id).exists()


def _alive(pid: int) -> bool:
    """Whether another process with ``pid`` still runs (its journal is not ours to take)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def pending_entries(data_dir: Path) -> list[tuple[Path, JournalEntry]]:
    """Journals left by editors that are no longer running, oldest first."""
    folder = journal_folder(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            entry = JournalEntry(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            # A journal we cannot read is kept (never deleted unread) for a person to look at.
            continue
        if not _alive(entry.pid):
            found.append((path, entry))
    return sorted(found, key=lambda item: item[1].written_at)


def _content(record: ArticleRecord) -> tuple[object, ...]:
    return (record.headline, record.kicker, record.slug, record.body, record.tags)


def _restore(db: Database, entry: JournalEntry, saved_by: uuid.UUID | None) -> uuid.UUID | None:
    people = {
        person.id: PersonRef(person.id, person.name, person.handle) for person in list_people(db)
    }
    article_id = uuid.UUID(entry.article_id)
    try:
        stored = get_article(db, article_id)
    except NotFoundError:
        stored = None
    if stored is not None and stored.version == entry.base_version:
        recovered = entry.applied_to(stored, people)
        if _content(recovered) == _content(stored) and recovered.bylines == stored.bylines:
            return None
        return save_article(db, recovered, saved_by=saved_by).id
    if stored is not None and _content(entry.applied_to(stored, people)) == _content(stored):
        return None  # the same text reached the database another way
    # The article moved on (or vanished) since the journal was written: keep both.
    draft = ArticleDraft(
        headline=entry.headline + RECOVERED_SUFFIX,
        body=entry.body,
        kicker=entry.kicker,
        lead=entry.lead,
        section_id=uuid.UUID(entry.section_id) if entry.section_id else None,
        language=entry.language,
        byline_ids=tuple(
            pid for pid in (uuid.UUID(text) for text in entry.byline_ids) if pid in people
        ),
        tags=tuple(entry.tags),
        lead_image=entry.lead_image,
        lead_image_caption=entry.lead_image_caption,
        lead_image_credit=entry.lead_image_credit,
    )
    return create_article(db, draft, saved_by=saved_by).id


#: Marks a journal set aside until someone signs in (still read by ``pending_entries``).
ASIDE_MARK = ".aside-"


def set_aside(data_dir: Path, db: Database) -> int:
    """Keep ``db``'s pending journals for later under names of their own (the editor
    journals an article as ``<id>.json``, which would replace the text kept); how many."""
    count = 0
    for path, entry in pending_entries(data_dir):
        if entry.database_url != db.url:
            continue
        count += 1
        if ASIDE_MARK not in path.name:
            path.rename(path.with_name(f"{path.stem}{ASIDE_MARK}{uuid.uuid4().hex[:12]}.json"))
    return count


def recover_unclean_shutdown(
    data_dir: Path, db: Database | None = None, *, saved_by: uuid.UUID | None = None
) -> list[uuid.UUID]:
    """Put journalled text back into the database, saved by ``saved_by`` (the person
    signed in); the ids of the articles that got it.

    With ``db``, only journals of that database are handled (others wait for their own
    database to be opened); without, each journal's own database is opened. A journal is
    removed only once its text is safely stored.
    """
    restored: list[uuid.UUID] = []
    for path, entry in pending_entries(data_dir):
        if db is not None and entry.database_url != db.url:
            continue
        own = db is None
        try:
            database = db if db is not None else open_database(entry.database_url)
        except RedaksiError:
            continue
        try:
            article_id = _restore(database, entry, saved_by)
            if article_id is not None and saved_by is not None:
                # The restore is a save point in the article's revisions, by that person.
                create_revision(database, article_id, author_id=saved_by)
        except RedaksiError:
            continue
        finally:
            if own:
                database.close()
        if article_id is not None:
            restored.append(article_id)
        path.unlink(missing_ok=True)
    return restored
