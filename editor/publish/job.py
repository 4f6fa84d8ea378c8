"""One file of the site as a publish plans it: its path, its inputs' fingerprint, how to make it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from editor.publish.model import PublicArticle


class Job(NamedTuple):
    """One file of the site (a named tuple: some 25,000 are planned per publish)."""

    #: Path inside the site, without a leading slash: "read/2023/05/04/…/index.html".
    path: str
    #: None: always make it (cheap), then compare its bytes.
    fingerprint: str | None
    make: Callable[[], bytes] | None = None
    #: A file to copy instead of making one.
    source: Path | None = None
    #: Articles whose rendered body ``make`` needs (rendered up front, in parallel).
    bodies: tuple[PublicArticle, ...] = ()


def folder_file(url: str) -> str:
    """Site path of a folder URL's index.html ("/berita/" -> "berita/index.html")."""
    return url.strip("/") + "/index.html" if url.strip("/") else "index.html"
