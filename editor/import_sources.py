"""Which files an import reads, and the source key that ties each to its article.

For a folder the key is the file's path relative to that folder (``posts/2023-05-04-nato.md``),
so the same site folder re-imports onto the same articles from any place or machine. For a
single file it is its absolute path (editor.importer matches it to a folder's key by its
tail). Hidden files and folders (``.git``) are not looked at, and symlinked folders are not
followed, so a link loop cannot hang an import.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Hugo's list pages of a section: text about the section, not an article.
SECTION_PAGES = ("_index.md", "_index.markdown")
MAX_SOURCE_KEY = 500


@dataclass(frozen=True)
class Source:
    path: Path
    key: str
    #: Given on its own (not found in a folder): its key is an absolute path.
    single: bool


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(MARKDOWN_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def short_key(key: str) -> str:
    if len(key) <= MAX_SOURCE_KEY:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def is_section_page(path: Path) -> bool:
    """Hugo's ``_index.md`` and its translations (``_index.en.md``)."""
    name = path.name.lower()
    return name in SECTION_PAGES or (
        name.startswith("_index.") and name.endswith(MARKDOWN_SUFFIXES)
    )


def collect(paths: Sequence[Path], *, missing: list[Path], skipped: list[Path]) -> list[Source]:
    """Every file to import with its source key, each file once; paths that do not exist
    go to ``missing``, section pages to ``skipped``."""
    sources: list[Source] = []
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = [
                Source(f, short_key(f.relative_to(given).as_posix()), False) for f in _walk(given)
            ]
        elif given.exists():  # a FIFO or device too: reading it says what it is
            found = [Source(given, short_key(given.resolve().as_posix()), True)]
        else:
            missing.append(given)
            continue
        for source in found:
            real = source.path.resolve()
            if real in seen:
                continue
            seen.add(real)
            if is_section_page(source.path):
                skipped.append(source.path)
            else:
                sources.append(source)
    return sources
