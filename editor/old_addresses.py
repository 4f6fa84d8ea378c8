"""An article's old addresses: where an imported page used to be, so it can redirect.

Hugo's ``aliases`` and ``url``, Jekyll's ``redirect_from`` and ``permalink``, a WordPress
post's link (kept as ``aliases``): the import keeps these keys as they were written
(editor.importer), and the publish makes a redirect at each (editor.publish.redirects).
A page that named none of them lived at its generator's default address: the import keeps
that as ``old_address`` (editor.import_permalinks).
"""

from __future__ import annotations

import re
from posixpath import normpath
from urllib.parse import unquote, urlsplit

#: Front matter keys (any case) that name an article's old addresses.
OLD_ADDRESS_KEYS = ("aliases", "redirect_from", "url", "permalink", "old_address")
MAX_PATH = 1000
#: What a path may not hold: whitespace, controls, and what would break a page or a map.
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\\\"'<>`{}|^;]")


def old_addresses(kept: dict[str, object]) -> list[str]:
    """The old addresses ``kept`` names, in the order written."""
    found: list[str] = []
    for key, value in kept.items():
        if key.lower() not in OLD_ADDRESS_KEYS:
            continue
        values = value if isinstance(value, list) else [value]
        found.extend(str(item) for item in values if isinstance(item, str) and item.strip())
    return found


def clean_path(address: str) -> str | None:
    """The path of an old address (``/2023/05/nato/``), or None when it is not one a
    static site can hold safely."""
    parts = urlsplit(address.strip())
    if parts.query or len(address) > MAX_PATH:
        return None
    path = unquote(parts.path)
    if not path or _UNSAFE.search(path):
        return None
    if not path.startswith("/"):
        path = "/" + path
    if any(part in (".", "..") for part in path.split("/")):
        return None
    normal = normpath(path)
    if normal == "/":
        return None
    return normal + ("/" if path.endswith("/") else "")
