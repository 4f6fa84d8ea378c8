"""The manifest a publish keeps for each site tree: site path -> (input fingerprint, hash).

The next publish compares fingerprints to decide what to render again; everything whose
inputs are unchanged is carried over from the previous site untouched.

It is a plain text file, one ``<fingerprint> <hash> <path>`` line per file after a header
line. A site of 10,000 articles has some 25,000 files and the manifest is read twice and
written up to four times a publish, so its format is chosen for speed: splitting lines is
several times faster than JSON both ways. Fingerprints and hashes are hex digits; a path
with a line break, a tab or a leading quote (none of which the publisher makes) is
written as a JSON string, so any path survives.

Each tree's manifest and pending list live in the publish's private folder as
``<tree>.manifest`` and ``<tree>.pending`` (``stem`` below is that folder / the tree's
name), never inside the tree a web server serves.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor.publish.safe_fs import read_regular, remove_name, replace_file

MANIFEST_SUFFIX = ".manifest"
#: Files being changed by a publish in progress (see ``mark_pending``).
PENDING_SUFFIX = ".pending"
PENDING_HEADER = "redaksi-publish-pending 1"
#: Where earlier versions kept them: inside the served tree (moved out by
#: ``editor.publish.private_state``).
TREE_MANIFEST_NAME = ".redaksi-publish.manifest"
TREE_PENDING_NAME = ".redaksi-publish.pending"
TREE_LEGACY_NAME = ".redaksi-publish.json"
HEADER = "redaksi-publish-manifest 2"
#: A character that would break a line, or a quote at the start of a path (after NUL).
#: Plain substring tests: far faster than a regular expression over 2 MB of paths.
_ODD = ("\n", "\r", "\t", '\x00"')


def _path_text(path: str) -> str:
    if "\n" in path or "\r" in path or "\t" in path or path.startswith('"'):
        return json.dumps(path)
    return path


@dataclass
class Manifest:
    #: site path -> (input fingerprint, content hash)
    files: dict[str, tuple[str, str]] = field(default_factory=dict)

    def to_text(self) -> str:
        lines = [HEADER]
        # One look over all paths at once; only a site with an odd path pays per path.
        joined = "\x00" + "\x00".join(self.files)
        if any(mark in joined for mark in _ODD):
            lines += [f"{fp} {h} {_path_text(path)}" for path, (fp, h) in self.files.items()]
        else:
            lines += [f"{fp} {h} {path}" for path, (fp, h) in self.files.items()]
        lines.append("")
        return "\n".join(lines)


def parse_manifest(text: str) -> Manifest | None:
    """The manifest in ``text``, or None when it is not one this version wrote."""
    header, _, body = text.partition("\n")
    if header != HEADER:
        return None
    files: dict[str, tuple[str, str]] = {}
    for line in body.split("\n"):
        parts = line.split(" ", 2)
        if len(parts) != 3:
            continue  # the empty last line, or a damaged one: that file is made again
        fingerprint, content_hash, path = parts
        if path.startswith('"'):
            try:
                path = json.loads(path)
            except ValueError:
                continue
            if not isinstance(path, str):
                continue
        files[path] = (fingerprint, content_hash)
    return Manifest(files)


def manifest_path(stem: Path) -> Path:
    return stem.with_name(stem.name + MANIFEST_SUFFIX)


def pending_path(stem: Path) -> Path:
    return stem.with_name(stem.name + PENDING_SUFFIX)


def _read(path: Path) -> str | None:
    data = read_regular(path)  # never through a link
    return None if data is None else data.decode("utf-8", "surrogateescape")


def _replace(path: Path, text: str, mode: int) -> None:
    replace_file(str(path), text.encode("utf-8", "surrogateescape"), mode)


def _pending_paths(stem: Path) -> set[str] | None:
    """Paths a stopped publish may have changed; None when the list is unreadable."""
    text = _read(pending_path(stem))
    if text is None:
        return None if os.path.lexists(pending_path(stem)) else set()
    header, _, body = text.partition("\n")
    if header != PENDING_HEADER:
        return None
    return {json.loads(line) if line.startswith('"') else line for line in body.split("\n") if line}


def read_manifest(stem: Path) -> Manifest | None:
    """The previous publish's manifest, or None when there is none usable.

    Paths listed as pending (see ``mark_pending``) are left out: their files may have
    been changed by a publish that stopped before writing its manifest.
    """
    text = _read(manifest_path(stem))
    manifest = parse_manifest(text) if text is not None else None
    if manifest is None:
        return None
    pending = _pending_paths(stem)
    if pending is None:
        return None
    for path in pending:
        manifest.files.pop(path, None)
    return manifest


def mark_pending(stem: Path, paths: Iterable[str], mode: int = 0o600) -> None:
    """Record, before touching them, which files the manifest can no longer vouch for.

    Much cheaper than writing a trimmed manifest when a few files of a large site change;
    paths already pending from a stopped publish stay pending.
    """
    pending = _pending_paths(stem)
    if pending is None:
        pending = set()
        # An unreadable list: distrust everything rather than guess.
        remove_name(str(manifest_path(stem)))
    pending.update(paths)
    lines = [PENDING_HEADER, *sorted(_path_text(p) for p in pending), ""]
    _replace(pending_path(stem), "\n".join(lines), mode)


def write_manifest(stem: Path, manifest: Manifest, mode: int = 0o600) -> None:
    """Replace the tree's manifest in one step (a crash leaves the old or the new one)."""
    _replace(manifest_path(stem), manifest.to_text(), mode)
    # Only now do the pending files match the manifest again.
    remove_name(str(pending_path(stem)))
