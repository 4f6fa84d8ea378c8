"""Publishing the finished site: pages, lists, feeds, sitemaps and machine-readable copies.

Entry point: ``editor.publish.site.publish_site`` (re-exported here lazily so importing
this package stays cheap for callers that need only ``visibility`` or ``urls``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["publish_site"]


def __getattr__(name: str) -> Any:
    if name == "publish_site":
        from editor.publish.site import publish_site

        return publish_site
    raise AttributeError(name)
