"""The manifest a publish leaves in the output folder: site path -> (input fingerprint, hash).

The next publish compares fingerprints to decide what to render again; everything whose
inputs are unchanged is carried over from the previous site untouched.

It is a plain text file, one ``<fingerprint> <hash> <path>`` line per file after a header
line. A site of 10,000 articles has some 25,000 files and the manifest is read twice and
written up to four times a publish, so its format is chosen for speed: splitting lines is
several times faster than JSON both ways. Fingerprints and hashes are hex digits; a path
with a line break, a tab or a leading quote (none of which the publisher makes) is
written as a JSON string, so any path survives.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = ".redaksi-publish.manifest"
#: Written by earlier versions; removed when a new manifest is written.
LEGACY_NAME = ".redaksi-publish.json"
HEADER = "redaksi-publish-manifest 2"
#: A character that would break a line, or a quote at the start of a path (after NUL).
_ODD = re.compile('[\n\r\t]|\x00"')


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
        if _ODD.search("\x00" + "\x00".join(self.files)):
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


def read_manifest(out_dir: Path) -> Manifest | None:
    """The previous publish's manifest, or None when there is none usable."""
    try:
        text = (out_dir / MANIFEST_NAME).read_text(encoding="utf-8", errors="surrogateescape")
    except (OSError, ValueError):
        return None
    return parse_manifest(text)


def write_manifest(tree: Path, manifest: Manifest) -> None:
    """Replace the tree's manifest in one step (a crash leaves the old or the new one)."""
    temp = tree / (MANIFEST_NAME + ".tmp")
    temp.write_text(manifest.to_text(), encoding="utf-8", errors="surrogateescape")
    os.replace(temp, tree / MANIFEST_NAME)
    (tree / LEGACY_NAME).unlink(missing_ok=True)
