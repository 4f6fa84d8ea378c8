"""Worker processes forked from the publishing process: when that is safe, and how.

A forked worker starts with a copy of everything the publish has loaded and planned, so
only results travel back. Forking is only safe from the main thread: a GUI publishes from
a worker thread while other threads may hold locks a child would inherit locked (and
Windows cannot fork at all); there the callers fall back to other means.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import get_all_start_methods


def fork_is_safe() -> bool:
    return (
        threading.current_thread() is threading.main_thread() and "fork" in get_all_start_methods()
    )


@contextmanager
def frozen_for_fork() -> Iterator[None]:
    """Around forking worker processes: the parent's objects leave the collector's view.

    A forked worker shares its parent's memory until it writes to a page. Its collector
    would walk (and so touch) every object inherited from a parent that has loaded a
    whole site, copying the parent's memory into each worker and spending seconds on it.
    Frozen objects are never walked; they are handed back to the collector afterwards.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
