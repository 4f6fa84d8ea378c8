"""What a publish keeps for itself, in a private folder beside (never inside) the served trees.

    .<name>.publish/
        a/  b/                 the two site trees (only what readers may see)
        private/               0700 (2770 in a group-shared folder)
            lock               one publish at a time
            a.manifest  a.pending  b.manifest  b.pending
            cache/bodies.sqlite

Earlier versions kept the manifest inside each tree (so a web server served it), and the
lock and body cache open beside the trees. ``migrate`` moves the manifests out, keeping
the next publish incremental, and deletes the old lock and cache (a cache may hold the
body of an article retracted since, and costs only one render to rebuild).
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import IO

from editor.publish.access import Access, check_trusted
from editor.publish.body_store import CACHE_NAME
from editor.publish.manifest import (
    TREE_LEGACY_NAME,
    TREE_MANIFEST_NAME,
    TREE_PENDING_NAME,
    manifest_path,
    pending_path,
)
from editor.publish.safe_fs import (
    NOFOLLOW,
    is_real_folder,
    is_regular_file,
    link_refused,
    real_folder,
    remove_name,
)

PRIVATE = "private"
LOCK_NAME = "lock"
CACHE_FOLDER = "cache"


def make_private(folder: Path, access: Access) -> None:
    """Make (or check) a folder only the user (or the sharing group) may enter."""
    if real_folder(folder, access.private_folder_mode):
        os.chmod(folder, access.private_folder_mode)  # exact, whatever the umask
    check_trusted(folder)


def open_lock(private: Path, access: Access) -> IO[str]:
    path = private / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | NOFOLLOW, access.private_file_mode)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise link_refused(path) from None
        raise
    with contextlib.suppress(PermissionError):  # made by another member: theirs to set
        os.fchmod(fd, access.private_file_mode)  # exact, whatever the umask
    return os.fdopen(fd, "a")


def migrate(home: Path, private: Path, trees: tuple[str, ...], access: Access) -> None:
    """Move state an earlier version left where it could be served (see the module)."""
    for name in trees:
        tree = home / name
        if not is_real_folder(tree):
            continue
        _move_out(tree / TREE_MANIFEST_NAME, manifest_path(private / name), access)
        _move_out(tree / TREE_PENDING_NAME, pending_path(private / name), access)
        remove_name(str(tree / TREE_LEGACY_NAME))
    if is_regular_file(home / ".lock"):
        remove_name(str(home / ".lock"))
    old_cache = home / CACHE_FOLDER
    if is_real_folder(old_cache):
        for suffix in ("", "-journal", "-wal", "-shm"):
            if is_regular_file(old_cache / (CACHE_NAME + suffix)):
                remove_name(str(old_cache / (CACHE_NAME + suffix)))
        with contextlib.suppress(OSError):  # something else was put there: not ours
            old_cache.rmdir()


def _move_out(old: Path, new: Path, access: Access) -> None:
    if not is_regular_file(old):
        return
    if os.path.lexists(new):
        remove_name(str(old))
        return
    os.replace(old, new)
    with contextlib.suppress(PermissionError):  # another member's file keeps its mode
        os.chmod(new, access.private_file_mode)
