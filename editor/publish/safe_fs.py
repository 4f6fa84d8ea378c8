"""File operations that never follow a link the publish did not make.

Anyone who can write beside the site (another member of a shared folder, or anyone at all
in a folder like /tmp) could plant a symbolic link where the publish is about to write or
delete: ``.site.publish/a -> /home/ratna``, and a publish would write the site into her
home and delete her files as strays. So every folder the publish uses is made by it or
checked with ``lstat`` to be a real folder first, and every file is created with
``O_EXCL | O_NOFOLLOW``: at a planted link the creation fails instead of writing through
it. Replacing a file renames a fresh one over its name, which replaces a link itself and
never what it points to; deleting a name deletes the link itself, never its target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from editor.i18n import _
from editor.publish.report import PublishError

#: Not on Windows, where making a symbolic link needs administrator rights anyway.
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | getattr(os, "O_BINARY", 0)
_READ = os.O_RDONLY | NOFOLLOW | getattr(os, "O_BINARY", 0)
TEMP_SUFFIX = ".redaksi-tmp"


def link_refused(path: str | Path) -> PublishError:
    """The one line that names a link (or other non-folder) found where a folder must be."""
    try:
        target = os.readlink(path)
    except OSError:
        return PublishError(
            _(
                "Refused to publish: {path} is not a folder Redaksi made. Move it away, "
                "then publish again."
            ).format(path=path)
        )
    return PublishError(
        _(
            "Refused to publish: {path} is a link to {target} that Redaksi did not make, and "
            "following it could write or delete files outside the site. Remove the link, "
            "then publish again."
        ).format(path=path, target=target)
    )


def is_real_folder(path: str | Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def real_folder(path: str | Path, mode: int = 0o777) -> bool:
    """Make the folder, or check that what is there is a real folder; True when made."""
    try:
        os.mkdir(path, mode)
        return True
    except FileExistsError:
        if not is_real_folder(path):
            raise link_refused(path) from None
        return False


def create_file(path: str, data: bytes, mode: int | None = None) -> None:
    """Write a new file; FileExistsError when anything (a link too) has the name.

    ``mode`` is set exactly (past the umask) when given: a group-shared site needs its
    files group-writable whatever the publishing user's umask is.
    """
    try:
        fd = os.open(path, _CREATE, 0o666 if mode is None else mode)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link (some systems say ELOOP)
            raise FileExistsError(errno.EEXIST, "a link has this name", path) from None
        raise
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        os.unlink(path)  # a half-written file must not look like a finished one
        raise
    os.close(fd)


def remove_name(path: str) -> None:
    """Delete a file (or a link itself); a missing one is fine."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def replace_file(path: str, data: bytes, mode: int | None = None) -> None:
    """Put ``data`` at ``path`` in one step: a reader sees the old file or the new one."""
    temp = path + TEMP_SUFFIX
    remove_name(temp)  # a stopped publish's leftover, or a planted link
    create_file(temp, data, mode)
    os.replace(temp, path)


def read_regular(path: str | Path) -> bytes | None:
    """A file's bytes; None when it is missing, a link or not a plain file."""
    try:
        fd = os.open(path, _READ)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def is_regular_file(path: str | Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
