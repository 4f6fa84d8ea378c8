"""Publishing into a folder the publish may not replace: one IT prepared for the site.

Normally the output folder itself becomes the link that switches between the two trees,
which needs the right to replace it in its parent. A newsroom's IT often prepares the
site's folder instead (``/srv/www/kabartimur``, owned by IT, shared with a group, in a
parent no user may change) and points the web server at it. Such a folder is kept, and
everything happens inside it::

    kabartimur/                      IT's folder (setgid, group-writable), served
        .redaksi-publish/            the trees, the private state, and the switch:
            a/  b/  private/
            live -> a                replaced in one step, as the output link elsewhere
        index.html -> .redaksi-publish/live/index.html
        read       -> .redaksi-publish/live/read
        ...                          one fixed link per name at the top of the site

Every name resolves through ``live``, so readers still switch from the whole old site to
the whole new one at once; a name new in this publish gets its link just before the
switch (it is "not found" until then), and a name gone is unlinked just after.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

INSIDE_HOME = ".redaksi-publish"
SWITCH = "live"


def publishes_inside(out: Path) -> bool:
    """Whether ``out`` is an existing folder to publish inside of rather than replace."""
    try:
        info = os.lstat(out)
    except FileNotFoundError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if os.path.lexists(out / INSIDE_HOME):
        return True  # published this way before
    owner = getattr(os, "geteuid", None)
    not_mine = owner is not None and info.st_uid != owner()
    return not_mine or not os.access(out.parent, os.W_OK)


def _target(name: str) -> str:
    return f"{INSIDE_HOME}/{SWITCH}/{name}"


def is_entry(out: Path, name: str) -> bool:
    """Whether ``out/name`` is one of the publish's own links."""
    try:
        return os.readlink(out / name) == _target(name)
    except OSError:
        return False


def foreign_names(out: Path) -> list[str]:
    """What the folder holds besides the publish's own: refused, never overwritten."""
    return sorted(n for n in os.listdir(out) if n != INSIDE_HOME and not is_entry(out, n))


def add_entries(out: Path, tree: Path) -> set[str]:
    """Give every top-level name of ``tree`` its link (before the switch); its names."""
    names = set(os.listdir(tree))
    for name in sorted(names):
        if not os.path.lexists(out / name):
            os.symlink(_target(name), out / name)
    return names


def drop_entries(out: Path, keep: set[str]) -> None:
    """Unlink the publish's links to names the live tree no longer has (after the switch)."""
    for name in os.listdir(out):
        if name != INSIDE_HOME and name not in keep and is_entry(out, name):
            os.unlink(out / name)
