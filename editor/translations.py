"""Which imported articles are the same page in other languages.

Hugo links translations by ``translationKey``, else by the file's path without its
language: ``content/en/berita/pemilu.md`` and ``content/id/berita/pemilu.md``, or
``about.en.md`` and ``about.md``. An import stores that as the article's translation group
(``articles.translation_group``, editor.importer), and the publish links the public
articles of a group to each other (``<link rel="alternate" hreflang>`` and a line under
the headline, editor.publish.translations). The group is part of the article's content in
a newsroom's sync (editor.sync.states): it goes up from the replica that imported, down to
every replica, and a change to it is merged like any other field; changing it makes a new
version, so the publish sees it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

from editor.import_dates import language_tag

MAX_GROUP = 500


def translation_group(relative_key: str | None, kept: Mapping[str, object]) -> str | None:
    """The group of a file imported from ``relative_key`` (its path inside the folder
    imported), with the front matter keys kept; None for a file given on its own."""
    for key, value in kept.items():
        if key.lower() == "translationkey" and isinstance(value, str | int) and str(value):
            return ("key:" + str(value))[:MAX_GROUP]
    if relative_key is None:
        return None
    path = PurePosixPath(relative_key)
    parts = list(path.parts[:-1])
    if "content" in parts:
        parts = parts[parts.index("content") + 1 :]
    if parts and language_tag(parts[0]):
        parts = parts[1:]
    base, dot, last = path.stem.rpartition(".")
    stem = base if dot and base and language_tag(last) else path.stem
    return ("path:" + "/".join([*parts, stem + path.suffix]))[:MAX_GROUP]
