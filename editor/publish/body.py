"""Article bodies as sanitised HTML, cached by content hash between publishes.

Rendering Markdown is the costliest step of a publish; a body that did not change since
the last publish is read back from the cache folder instead of rendered again.
"""

from __future__ import annotations

import hashlib
import inspect
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path


def _renderer() -> Callable[[str], str]:
    try:
        from editor.render import markdown_to_html
    except ImportError:  # the newsroom renderer is optional until it ships
        return _plain_markdown
    return markdown_to_html


def _plain_markdown(markdown: str) -> str:
    """Plain Markdown, sanitised: what a body looks like without the newsroom extensions."""
    import markdown as md
    import nh3

    return nh3.clean(md.markdown(markdown, extensions=["tables", "footnotes"]))


@lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """The renderer's own source: a new renderer invalidates every cached body."""
    try:
        module = inspect.getmodule(_renderer())
        source = inspect.getsource(module) if module is not None else ""
    except (OSError, TypeError):
        source = ""
    return hashlib.blake2b(source.encode(), digest_size=8).hexdigest()


class BodyCache:
    """Rendered body HTML in ``folder/<2 hex>/<hash>.html`` (or in memory when folder is None)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.rendered = 0
        self.reused = 0
        self._render = _renderer()
        self._salt = renderer_fingerprint()

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / key[:2] / f"{key}.html"

    def html(self, markdown: str) -> str:
        key = hashlib.blake2b(
            (self._salt + "\x1f" + markdown).encode("utf-8", "surrogatepass"), digest_size=16
        ).hexdigest()
        path = self._path(key)
        if path is not None:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                pass
            else:
                self.reused += 1
                return text
        text = self._render(markdown)
        self.rendered += 1
        if path is not None:
            self._store(path, text)
        return text

    @staticmethod
    def _store(path: Path, text: str) -> None:
        # A cache is only an optimisation: failing to write one never fails a publish.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, path)
        except OSError:
            pass
