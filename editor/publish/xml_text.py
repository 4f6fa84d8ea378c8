"""Text for the XML files a publish writes (feeds, sitemaps), safe whatever was typed.

XML 1.0 forbids most control characters, the non-characters U+FFFE and U+FFFF and lone
surrogates, even escaped: one vertical tab pasted from a word processor into a headline
would make the whole file unreadable to every feed reader and crawler. They are dropped
rather than fail the publish (the line and page breaks and separators become a space, so
the words either side stay apart); the page keeps the text as typed.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_BREAKS = re.compile("[\x0b\x0c\x1c-\x1f]")
_NOT_IN_XML = re.compile("[\x00-\x08\x0e-\x1b\ud800-\udfff\ufffe\uffff]")


def xml_clean(value: str) -> str:
    """``value`` without the characters XML 1.0 does not allow."""
    return _NOT_IN_XML.sub("", _BREAKS.sub(" ", value))


def xml_text(value: str) -> str:
    """``value`` cleaned and escaped, for element content."""
    return escape(xml_clean(value))
