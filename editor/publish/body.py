"""Article bodies as sanitised HTML, cached by content hash between publishes.

Rendering Markdown is the costliest step of a publish. Rendered bodies are kept in one
SQLite file in the publish's private folder (one file, so 10,000 cached bodies cost no
folder churn; see ``body_store``), keyed by a hash of the renderer's fingerprint, the
language and the Markdown. Bodies not yet cached are rendered up front, spread over the
machine's cores when there are many.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from html import escape
from multiprocessing import get_context
from pathlib import Path

from editor.errors import ValidationError
from editor.publish import collector
from editor.publish.body_store import BodyStore
from editor.publish.forking import fork_is_safe, frozen_for_fork
from editor.render import markdown_to_html, render_fingerprint

#: Below this many bodies to render, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


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
    """Rendered body HTML by content; in memory only when ``folder`` is None.

    Each body belongs to an article (its id as text), so the file can forget every body
    an article no longer shows (see ``body_store``).
    """

    def __init__(self, folder: Path | None, file_mode: int = 0o600) -> None:
        self.rendered = 0
        self.reused = 0
        #: Bodies that could not be rendered as Markdown: key -> the reason.
        self.problems: dict[str, str] = {}
        self._salt = render_fingerprint()
        self._memory: dict[str, str] = {}
        self._store = BodyStore(folder, file_mode) if folder is not None else None

    def key(self, markdown: str, language: str) -> str:
        text = f"{self._salt}\x1f{language}\x1f{markdown}"
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def prepare(self, bodies: Iterable[tuple[str, str, str]]) -> None:
        """Load or render every (article, markdown, language) a publish needs, in one pass."""
        wanted: dict[str, tuple[str, str]] = {}
        current: dict[str, str] = {}
        for article, markdown, language in bodies:
            key = current[article] = self.key(markdown, language)
            wanted[key] = (markdown, language)
        missing = [k for k in wanted if k not in self._memory]
        store = self._store
        if store is not None and missing:
            found = store.lookup(missing)
            self._memory.update(found)
            self.reused += len(found)
            missing = [k for k in missing if k not in found]
        if missing:
            results = _render_many([wanted[k] for k in missing])
            fresh = {}
            for k, (html, problem) in zip(missing, results, strict=True):
                fresh[k] = html
                if problem is not None:
                    self.problems[k] = problem
            self.rendered += len(fresh)
            self._memory.update(fresh)
            if store is not None:
                store.store((k, a, fresh[k]) for a, k in current.items() if k in fresh)
        if store is not None:
            store.settle(current)

    def html(self, article: str, markdown: str, language: str) -> str:
        key = self.key(markdown, language)
        if key not in self._memory:
            self.prepare([(article, markdown, language)])
        return self._memory[key]

    def keep_only(self, articles: set[str]) -> None:
        """Forget the bodies of every article not in ``articles`` (those still public)."""
        if self._store is not None:
            self._store.keep_only(articles)

    def forget_connection(self) -> None:
        """Stop using the cache file without closing it: for a forked process."""
        if self._store is not None:
            self._store.forget_connection()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
