"""Characters no published page, feed or sitemap may carry, taken out of user text.

HTML calls control characters (other than tab, line feed, carriage return) and the
Unicode non-characters (U+FDD0 to U+FDEF, U+FFFE, U+FFFF and their twins in every plane)
errors; XML 1.0 does not allow them at all, even escaped, so one vertical tab pasted from
a word processor into a headline would make a feed unreadable to every reader. They are
taken out at publish: the line and page breaks and separators among them (a word
processor's soft return is U+000B) become a space so the words either side stay apart,
the others go. What the reporter typed stays in the newsroom as typed.
"""

from __future__ import annotations

import re

_BREAKS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_NON_CHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NON_CHARACTERS + "]"
)


def publishable(text: str) -> str:
    """``text`` without the characters pages, feeds and sitemaps may not carry."""
    if text.isprintable():  # the common case: nothing to look for
        return text
    return _FORBIDDEN.sub("", _BREAKS.sub(" ", text))
