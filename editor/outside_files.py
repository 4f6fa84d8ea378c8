"""Opening files that come from outside (imports): regular files only, bounded in size.

A path given to an import, or found in a folder, can name something that is not a file
to read: a FIFO (opening or reading it waits for a writer, forever), a device
(``/dev/zero`` never ends), a socket. A link to one of those looks like any other file
until it is opened. So a file is opened with ``O_NONBLOCK`` (opening a FIFO returns at
once instead of waiting), checked with ``fstat`` on the open descriptor (what is checked
is what is read: nothing can be swapped in between), refused unless it is a regular file,
and, where a size limit applies, read with a byte budget, so a file that grows while it is
read cannot exceed the limit either.

Links are followed (no ``O_NOFOLLOW``): a site folder may link its files, and whatever a
link leads to passes the same checks.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from editor.i18n import _

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)
_READ_CHUNK = 1024 * 1024


class UnreadableFile(ValueError):
    """The path cannot be read as a file; ``reason`` says why and what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kind_name(mode: int) -> str:
    """What a file that is not a regular file is, in words ("a named pipe (FIFO)")."""
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISDIR(mode):
        return _("a folder")
    return _("not a regular file")


def _open_fd(path: Path) -> tuple[int, os.stat_result]:
    try:
        fd = os.open(path, _FLAGS)
    except OSError as error:
        raise UnreadableFile(
            _("cannot be read: {reason}.").format(reason=error.strerror or error)
        ) from None
    try:
        info = os.fstat(fd)
    except OSError as error:
        os.close(fd)
        raise UnreadableFile(
            _("cannot be read: {reason}.").format(reason=error.strerror or error)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise UnreadableFile(
            _("is {kind}, not a file with text in it; it was not read. Leave it out.").format(
                kind=kind_name(info.st_mode)
            )
        )
    return fd, info


def open_regular(path: Path) -> BinaryIO:
    """The regular file at ``path``, open for reading in binary; UnreadableFile otherwise."""
    fd, _info = _open_fd(path)
    return os.fdopen(fd, "rb")


def _too_big(size: str, limit: int) -> UnreadableFile:
    return UnreadableFile(
        _("is {size} bytes; at most {limit:,} bytes can be imported. Split it.").format(
            size=size, limit=limit
        )
    )


def read_regular(path: Path, limit: int) -> bytes:
    """All bytes of the regular file at ``path``, refused when there are more than ``limit``."""
    fd, info = _open_fd(path)
    with os.fdopen(fd, "rb") as stream:
        if info.st_size > limit:
            raise _too_big(f"{info.st_size:,}", limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = stream.read(min(_READ_CHUNK, limit + 1 - total))
            except OSError as error:
                raise UnreadableFile(
                    _("cannot be read: {reason}.").format(reason=error.strerror or error)
                ) from None
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew after fstat
                raise _too_big(_("more than {limit:,}").format(limit=limit), limit)
