"""Who may read and change what a publish makes: its user alone, or a group sharing a folder.

A newsroom's IT often prepares one folder for the site, owned by IT and a group of users,
group-writable and setgid (``chmod 2775``: everything made in it belongs to the group).
Any member of the group must then be able to publish after any other, so in such a folder
(one whose containing folder is setgid) the publish makes its folders ``2775`` and its files
``0664`` whatever the user's umask, and keeps its private state ``2770``/``0660``.
Elsewhere the site follows the umask and the private state is the user's alone
(``0700``/``0600``).

The private state (manifests, the body cache, the lock) must never be readable by a web
server, which would serve it: a cached body can hold an article the newsroom retracted.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from editor.i18n import _
from editor.publish.report import PublishError


@dataclass(frozen=True)
class Access:
    shared: bool

    @property
    def folder_mode(self) -> int | None:
        """Exact mode for a site folder; None: as the umask says."""
        return 0o2775 if self.shared else None

    @property
    def file_mode(self) -> int | None:
        return 0o664 if self.shared else None

    @property
    def private_folder_mode(self) -> int:
        return 0o2770 if self.shared else 0o700

    @property
    def private_file_mode(self) -> int:
        return 0o660 if self.shared else 0o600


def access_for(folder: Path) -> Access:
    """How to make things in ``folder`` (an existing folder)."""
    return Access(shared=bool(os.stat(folder).st_mode & stat.S_ISGID))


def _owner_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def check_trusted(folder: Path) -> None:
    """Refuse a folder of the publish's own that someone else could change under it.

    It must belong to the user, or be a group-shared (setgid) one; never writable by
    everyone. Otherwise another user could plant links in it between two steps.
    """
    if not hasattr(os, "geteuid"):
        return  # Windows: folder rights are ACLs, inherited from the chosen folder
    info = os.lstat(folder)
    if info.st_mode & stat.S_IWOTH:
        raise PublishError(
            _(
                "Refused to publish: anyone may change {folder}, so someone could plant links "
                "in it. Remove its write permission for others (chmod o-w), then publish again."
            ).format(folder=folder)
        )
    if info.st_uid != os.geteuid() and not info.st_mode & stat.S_ISGID:
        raise PublishError(
            _(
                "Refused to publish: {folder} belongs to {owner}, not to you, and is not shared "
                "with a group (setgid). Publish as {owner}, or ask whoever set up the folder "
                "to share it (see the shared publish folder in the installation guide)."
            ).format(folder=folder, owner=_owner_name(info.st_uid))
        )


def set_mode(path: str | Path, mode: int | None) -> None:
    """Give a folder just made its exact mode (mkdir's mode is cut by the umask)."""
    if mode is not None:
        os.chmod(path, mode)
