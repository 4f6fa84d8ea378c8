"""A fingerprint of the renderer, for caches of rendered bodies.

It changes whenever any module of this package, Python-Markdown or nh3 changes, so a
publish cache keyed on it never serves HTML an older renderer produced.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable


def fingerprint_of(package: Traversable) -> str:
    """Library versions plus every Python module in ``package``, hashed."""
    digest = hashlib.sha256()
    for distribution in ("redaksi", "Markdown", "nh3"):
        digest.update(f"{distribution}={_version(distribution)}\n".encode())
    try:
        entries = sorted(package.iterdir(), key=lambda item: item.name)
    except OSError:  # a frozen build without sources: the versions above still count
        entries = []
    for entry in entries:
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:16]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


@cache
def render_fingerprint() -> str:
    return fingerprint_of(resources.files("editor.render"))
