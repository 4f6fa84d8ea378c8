"""How an article names a picture of the media library: ``media:<sha256 in hex>``."""

from __future__ import annotations

import re

PREFIX = "media:"
_REF = re.compile(r"^media:([0-9a-f]{64})$")
#: A reference anywhere in a text (a body's ``![alt](media:…)``).
REF_IN_TEXT = re.compile(r"media:([0-9a-f]{64})")


def media_ref(sha256: str) -> str:
    return PREFIX + sha256


def parse_media_ref(text: str) -> str | None:
    """The hash a reference names, or None when ``text`` is not a media reference."""
    found = _REF.match(text.strip())
    return found.group(1) if found else None


def is_media_ref(text: str) -> bool:
    return text.strip().startswith(PREFIX)


def refs_in(text: str) -> list[str]:
    """Every picture a body names, in order, each once."""
    return list(dict.fromkeys(REF_IN_TEXT.findall(text)))
