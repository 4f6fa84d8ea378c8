"""Text for the XML files a publish writes (feeds, sitemaps), safe whatever was typed:
escaped, and without the characters XML 1.0 does not allow (``editor.code_points``)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from editor.code_points import publishable as xml_clean

__all__ = ["xml_clean", "xml_text"]


def xml_text(value: str) -> str:
    """``value`` cleaned and escaped, for element content."""
    return escape(xml_clean(value))
