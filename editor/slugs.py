"""URL slugs that survive Indonesian text."""

from __future__ import annotations

import re

MAX_SLUG_LENGTH = 80

# Apostrophes join a word rather than split it: "Jum'at" is "jumat", not "jum-at".
_JOINING = [("'", ""), ("\u2019", ""), ("\u2018", ""), ("`", "")]
# A decimal comma or point between digits ("Rp 4,5 triliun") must not fuse 4 and 5 into 45.
_DECIMAL = re.compile(r"(?<=\d)[,.](?=\d)")


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens; digits either side of a comma stay apart."""
    # Imported here: python-slugify compiles its tables on import, which a command that
    # only lists articles need not pay for.
    from slugify import slugify as _slugify

    slug = _slugify(
        _DECIMAL.sub("-", text),
        replacements=_JOINING,
        max_length=max_length,
        word_boundary=True,
        lowercase=True,
    )
    return slug or "artikel"
