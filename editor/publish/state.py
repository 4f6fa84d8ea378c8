"""What the last finished publish of an output folder was made from, kept for the next one.

An incremental publish asks the database what changed since then (see ``changes``)
instead of planning every file of the site again; for that it needs to know what the
site was made from: the settings and templates, the publish clock, a few cheap marks of
the tables the site shows, the rankings, and for each public article its version and
its *shape* (what lists, sidebars and sitemaps show of it). That is this file: an SQLite
database in the publish's private folder, answering "was this article on the site, and
did its lists change" without loading the other 100,000 rows.

The snapshot is taken away when a publish starts and written back only when it has
finished, so a publish that stopped half-way makes the next one plan everything.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from editor.publish.safe_fs import is_regular_file, link_refused, remove_name

STATE_NAME = "state.sqlite"
#: 2: the ranking itself rather than its digest; 3: the files of the site; 4: each
#: article's old addresses, and the redirect pages they made.
VERSION = 4
_CHUNK = 500
#: id (hex) -> (version, shape, digest of its old addresses).
ArticleRows = dict[str, tuple[int, str, str]]


@dataclass(frozen=True)
class Snapshot:
    """The inputs of the last finished publish, apart from the articles themselves."""

    #: Settings, templates, renderer and sidebar mode (a change replans everything).
    settings: str
    #: The publish clock, ISO 8601 UTC.
    now: str
    #: Cheap summaries of the tables the site shows (``changes.table_marks``).
    marks: dict[str, object]
    #: The ranked Populer list: (id as hex, views), best first.
    rankings: list[tuple[str, int]]
    #: The sidebar every page embeds ("ssi" when pages pull it in).
    sidebar: str
    #: Name of the tree that went live.
    live: str
    #: Lead images read from the media folder, with their sizes and times ("" if none).
    file_images: str = ""
    #: How many files the site has.
    files: int = 0
    #: How many old addresses redirect.
    redirects: int = 0
    #: Problems reported for articles, as (article url, reason), repeated in later reports.
    problems: list[tuple[str, str]] = field(default_factory=list)

    def to_text(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_text(cls, text: str) -> Snapshot | None:
        try:
            data = json.loads(text)
            data["problems"] = [tuple(p) for p in data.get("problems", [])]
            data["rankings"] = [(str(a), int(v)) for a, v in data.get("rankings", [])]
            return cls(**data)
        except (ValueError, TypeError, AttributeError):
            return None


_ARTICLE_COLUMNS = "id, version, shape, addresses"
_FILE_COLUMNS = "path, fingerprint, hash"


class PublishState:
    """The state file; every failure to read or write it only means planning everything."""

    def __init__(self, private: Path, file_mode: int = 0o600) -> None:
        self.path = private / STATE_NAME
        self._db: sqlite3.Connection | None = None
        if os.path.lexists(self.path) and not is_regular_file(self.path):
            raise link_refused(self.path)  # SQLite would write wherever the link leads
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            with contextlib.suppress(PermissionError):  # another group member's file
                os.chmod(self.path, file_mode)
            # One sync per commit; ``record`` may even skip it (see there).
            self._db.execute("PRAGMA journal_mode = WAL")
            if self._db.execute("PRAGMA user_version").fetchone()[0] != VERSION:
                self._db.executescript(
                    "BEGIN; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS articles;"
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                    "CREATE TABLE articles (id TEXT PRIMARY KEY, version INTEGER NOT NULL, "
                    "shape TEXT NOT NULL, addresses TEXT NOT NULL) WITHOUT ROWID;"
                    "DROP TABLE IF EXISTS files;"
                    "CREATE TABLE files (path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, "
                    "hash TEXT NOT NULL) WITHOUT ROWID;"
                    f"PRAGMA user_version = {VERSION}; COMMIT;"
                )
        except sqlite3.Error:
            self.discard()

    def snapshot(self) -> Snapshot | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
        except sqlite3.Error:
            return None
        return Snapshot.from_text(row[0]) if row else None

    def forget(self) -> None:
        """Before a publish changes anything: until it finishes, nothing is vouched for."""
        if self._db is None:
            return
        try:
            # Certainly on disk before any file changes: after a crash nothing is vouched for.
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("DELETE FROM meta WHERE key = 'snapshot'")
        except sqlite3.Error:
            self.discard()

    def articles(self, ids: Iterable[str]) -> ArticleRows:
        """id -> (version, shape, old addresses) for the ids the last publish had."""
        return self._rows("articles", _ARTICLE_COLUMNS, ids)

    def files(self, paths: Iterable[str]) -> dict[str, tuple[str, str]]:
        """path -> (fingerprint, hash) of the site's files among ``paths``."""
        return self._rows("files", _FILE_COLUMNS, paths)

    def paths(self) -> set[str] | None:
        """Every file of the site (None when unreadable)."""
        if self._db is None:
            return None
        try:
            return {path for (path,) in self._db.execute("SELECT path FROM files")}
        except sqlite3.Error:
            return None

    def redirects(self) -> list[str] | None:
        """The redirect pages and server maps the site has (None when not known)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'redirects'").fetchone()
            found = json.loads(row[0]) if row else None
        except (sqlite3.Error, ValueError):
            return None
        return found if isinstance(found, list) else None

    def _rows(self, table: str, columns: str, keys: Iterable[str]) -> dict[str, Any]:
        """key -> (the other columns) of the rows among ``keys`` ({} when unreadable)."""
        found: dict[str, Any] = {}
        if self._db is None:
            return found
        wanted = list(keys)
        key = columns.split(",")[0]
        try:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT {columns} FROM {table} WHERE {key} IN ({marks})"
                for row in self._db.execute(query, chunk):
                    found[row[0]] = tuple(row[1:])
        except sqlite3.Error:
            return {}
        return found

    def record(
        self,
        snapshot: Snapshot,
        articles: ArticleRows,
        files: dict[str, tuple[str, str]],
        *,
        complete: bool,
        redirects: list[str] | None = None,
        gone: Collection[str] = (),
    ) -> None:
        """Store a finished publish. ``complete``: ``articles`` are every article and
        ``files`` every file of the site (those missing are dropped); otherwise only
        those given changed, and the files ``gone`` were removed. ``redirects``: the
        redirect pages and maps the site now has, when the publish worked them out."""
        if self._db is None:
            return
        try:
            # Losing this commit to a power cut only means planning everything next time.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("BEGIN")
            if complete:
                self._replace_all("articles", _ARTICLE_COLUMNS, articles)
                self._replace_all("files", _FILE_COLUMNS, files)
            else:
                self._upsert("articles", _ARTICLE_COLUMNS, articles)
                self._upsert("files", _FILE_COLUMNS, files)
                self._db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in gone))
            if redirects is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('redirects', ?)",
                    (json.dumps(redirects),),
                )
            self._db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('snapshot', ?)",
                (snapshot.to_text(),),
            )
            self._db.execute("COMMIT")
        except sqlite3.Error:
            self.discard()

    def _upsert(self, table: str, columns: str, rows: dict[str, tuple[Any, ...]]) -> None:
        assert self._db is not None
        marks = ", ".join("?" * len(columns.split(",")))
        self._db.executemany(
            f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})",
            ((key, *values) for key, values in rows.items()),
        )

    def _replace_all(self, table: str, columns: str, rows: dict[str, tuple[Any, ...]]) -> None:
        """Only the rows that differ are written: a publish changes few of 250,000."""
        assert self._db is not None
        stored = {row[0]: row[1:] for row in self._db.execute(f"SELECT {columns} FROM {table}")}
        key = columns.split(",")[0]
        gone = [(k,) for k in stored if k not in rows]
        self._db.executemany(f"DELETE FROM {table} WHERE {key} = ?", gone)
        self._upsert(table, columns, {k: v for k, v in rows.items() if stored.get(k) != v})

    def discard(self) -> None:
        """Delete the file: the next publish plans everything."""
        self.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            remove_name(str(self.path) + suffix)

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
