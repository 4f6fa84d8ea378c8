"""Pausing Python's cycle collector while a publish builds its bookkeeping, and not longer.

Loading and planning 10,000 articles builds some 100,000 small objects that never form
cycles, yet every few hundred allocations the collector walks them all again: at 10,000
articles that costs a tenth of an incremental publish. Rendering (Markdown, templates)
does leave cycles behind, so it runs with the collector on, or memory would only grow.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def collecting() -> Iterator[None]:
    """Collect cycles inside a ``paused`` stretch (around rendering)."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()
