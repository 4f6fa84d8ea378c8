"""Article bodies as sanitised HTML, cached by content hash between publishes.

Rendering Markdown is the costliest step of a publish. Rendered bodies are kept in one
SQLite file beside the output (one file, so 10,000 cached bodies cost no folder churn),
keyed by a hash of the renderer's fingerprint, the language and the Markdown. Bodies not
yet cached are rendered up front, spread over the machine's cores when there are many.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import sqlite3
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from html import escape
from multiprocessing import get_context
from pathlib import Path

from editor.errors import ValidationError
from editor.publish import collector
from editor.publish.forking import fork_is_safe, frozen_for_fork
from editor.publish.safe_fs import is_regular_file, link_refused
from editor.render import markdown_to_html, render_fingerprint

#: Below this many bodies to render, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
CACHE_NAME = "bodies.sqlite"


def _render(item: tuple[str, str]) -> tuple[str, str | None]:
    """(HTML, problem): a body too deeply nested to render is shown as plain paragraphs.

    Published rather than skipped: the article is live and readers see all of its text
    (escaped, never as markup); the publish report names it so an editor can flatten it.
    """
    markdown, language = item
    try:
        return markdown_to_html(markdown, language=language), None
    except ValidationError as error:
        paragraphs = [p.strip() for p in markdown.split("\n\n") if p.strip()]
        html = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return html, str(error)


def _render_many(items: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    with collector.collecting():
        return _render_all(items)


#: The bodies a forked worker renders, inherited from its parent rather than sent to it.
_INHERITED: list[tuple[str, str]] = []
_BATCH = 250


def _render_range(indexes: range) -> list[tuple[str, str | None]]:
    return [_render(_INHERITED[i]) for i in indexes]


def _render_all(items: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    global _INHERITED
    workers = min(len(items) // PARALLEL_FROM, os.cpu_count() or 1)
    if workers < 2:
        return [_render(item) for item in items]
    if fork_is_safe():
        # Forked workers read the Markdown from their copy of the parent's memory, so
        # only the HTML travels between processes (sending both cost a third more).
        _INHERITED = items
        ranges = [range(i, min(i + _BATCH, len(items))) for i in range(0, len(items), _BATCH)]
        try:
            # A forked worker inherits the publish's paused collector: switch it back on.
            with (
                frozen_for_fork(),
                get_context("fork").Pool(workers, initializer=gc.enable) as pool,
            ):
                return [result for part in pool.imap(_render_range, ranges) for result in part]
        finally:
            _INHERITED = []
    with ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=gc.enable
    ) as pool:
        return list(pool.map(_render, items, chunksize=64))


class BodyCache:
    """Rendered body HTML by content; in memory only when ``folder`` is None."""

    def __init__(self, folder: Path | None, file_mode: int = 0o600) -> None:
        self.rendered = 0
        self.reused = 0
        #: Bodies that could not be rendered as Markdown: key -> the reason.
        self.problems: dict[str, str] = {}
        self._salt = render_fingerprint()
        self._memory: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None
        if folder is not None:
            path = folder / CACHE_NAME
            if os.path.lexists(path) and not is_regular_file(path):
                raise link_refused(path)  # SQLite would write wherever the link leads
            try:
                self._db = sqlite3.connect(path)
                with contextlib.suppress(PermissionError):  # another member's file
                    os.chmod(path, file_mode)
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT NOT NULL)"
                )
            except sqlite3.Error:
                self._db = None  # a cache is only an optimisation; never fail a publish

    def key(self, markdown: str, language: str) -> str:
        text = f"{self._salt}\x1f{language}\x1f{markdown}"
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def prepare(self, bodies: Iterable[tuple[str, str]]) -> None:
        """Load or render every (markdown, language) a publish will need, in one pass."""
        wanted = {self.key(m, lang): (m, lang) for m, lang in bodies}
        missing = [k for k in wanted if k not in self._memory]
        if self._db is not None and missing:
            found = self._lookup(missing)
            self._memory.update(found)
            self.reused += len(found)
            missing = [k for k in missing if k not in found]
        if not missing:
            return
        results = _render_many([wanted[k] for k in missing])
        fresh = {}
        for k, (html, problem) in zip(missing, results, strict=True):
            fresh[k] = html
            if problem is not None:
                self.problems[k] = problem
        self.rendered += len(fresh)
        self._memory.update(fresh)
        self._store(fresh)

    def html(self, markdown: str, language: str) -> str:
        key = self.key(markdown, language)
        if key not in self._memory:
            self.prepare([(markdown, language)])
        return self._memory[key]

    def _lookup(self, keys: list[str]) -> dict[str, str]:
        assert self._db is not None
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, html FROM bodies WHERE key IN ({marks})", chunk
                )
                found.update(rows.fetchall())
        except sqlite3.Error:
            return found
        return found

    def _store(self, fresh: dict[str, str]) -> None:
        if self._db is None or not fresh:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO bodies (key, html) VALUES (?, ?)", fresh.items()
                )
        except sqlite3.Error:
            pass

    def forget_connection(self) -> None:
        """Stop using the cache file without closing it: for a forked process, whose
        copy of the connection belongs to its parent."""
        self._db = None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
