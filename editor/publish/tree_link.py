"""The link that makes one site tree the live one, and the lock around a publish, per platform.

On Linux and macOS the output folder is a symbolic link, replaced in one ``rename``.

Windows lets only administrators (or developer mode) make symbolic links. There the
output folder becomes a directory junction, which any user may make; a junction cannot be
renamed over another one, so the old one is removed first and a ready-made new one is
renamed into its place: for the instant between the two steps the folder is missing
(a reader gets "not found", never a half-written site).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from editor.i18n import _
from editor.publish.report import PublishError

WINDOWS = os.name == "nt"


def is_junction(path: Path) -> bool:
    if not WINDOWS:
        return False
    try:
        tag = getattr(os.lstat(path), "st_reparse_tag", 0)
    except OSError:
        return False
    return bool(tag == getattr(stat, "IO_REPARSE_TAG_MOUNT_POINT", -1))


def is_link(path: Path) -> bool:
    """A symbolic link, or the junction Windows uses instead."""
    return path.is_symlink() or is_junction(path)


def make_junction(target: Path, link: Path) -> None:
    if sys.platform != "win32":
        raise OSError(errno.ENOSYS, "directory junctions exist only on Windows")
    import _winapi

    _winapi.CreateJunction(str(target.absolute()), str(link))


def remove_junction(link: Path) -> None:
    os.rmdir(link)  # removes the junction itself, never the files behind it


def remove_link(path: Path) -> None:
    if path.is_symlink():
        path.unlink()
    elif is_junction(path):
        remove_junction(path)
    elif path.exists():
        path.unlink()


def point(out: Path, tree: Path, scratch: Path) -> None:
    """Make ``out`` lead to ``tree``; ``scratch`` is a free name beside the trees."""
    remove_link(scratch)
    try:
        os.symlink(os.path.relpath(tree, out.parent), scratch)
    except (OSError, NotImplementedError) as error:
        if not WINDOWS:
            raise PublishError(
                _(
                    "Could not make the link {out} that switches to the new site ({error}). "
                    "The previous site is unchanged. Publish to a folder on a disk that "
                    "allows symbolic links (a local disk rather than a FAT drive or some "
                    "network shares)."
                ).format(out=out, error=error)
            ) from None
        make_junction(tree, scratch)
        remove_link(out)
    os.replace(scratch, out)


@contextmanager
def exclusive(handle: IO[str], out: Path) -> Iterator[None]:
    """Hold the publish lock on ``handle`` (an open lock file) or say who holds it."""
    busy = PublishError(
        _(
            "Another publish into {out} is running. Wait for it to finish, then publish again."
        ).format(out=out)
    )
    if sys.platform == "win32":
        with _windows_lock(handle, busy):
            yield
        return
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise busy from None
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _windows_lock(handle: IO[str], busy: PublishError) -> Iterator[None]:
    if sys.platform != "win32":
        raise OSError(errno.ENOSYS, "msvcrt locks exist only on Windows")
    import msvcrt

    handle.seek(0)  # the lock covers the file's first byte, whatever its length
    try:
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EDEADLK):
            raise busy from None
        raise
    try:
        yield
    finally:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
