"""Building the new site beside the old one and swapping it in at once.

The new tree is built in a hidden sibling folder (same filesystem, so renames are atomic).
Unchanged files are hard-linked from the old tree, so building costs little for them.
On Linux the two folders are exchanged with one ``renameat2(RENAME_EXCHANGE)``: a reader
sees either the whole old site or the whole new one. Elsewhere two renames are used, with
a moment in between where the folder is absent but never half-written.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from pathlib import Path, PurePosixPath

from editor.publish.report import PublishError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths; False when the platform cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return result == 0


def staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.publish-"


def remove_leftovers(out_dir: Path) -> None:
    """Remove staging folders a crashed or killed publish left beside the output."""
    for stale in out_dir.parent.glob(staging_prefix(out_dir) + "*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


class StagedSite:
    """A folder to build the next site in; ``swap_in`` makes it the output atomically."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=staging_prefix(out_dir), dir=out_dir.parent))
        self._made: set[str] = set()

    def target(self, site_path: str) -> Path:
        """Where a site path goes in the new tree; refuses anything that could escape it."""
        pure = PurePosixPath(site_path)
        if pure.is_absolute() or not pure.parts or any(p in ("..", ".", "") for p in pure.parts):
            raise PublishError(f"Refused to write {site_path!r}: it would leave the site folder.")
        path = self.root.joinpath(*pure.parts)
        parent = pure.parent.as_posix()
        if parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(parent)
            # A folder that is a link could lead out of the tree: resolve and check once.
            if not path.parent.resolve().is_relative_to(self.root.resolve()):
                raise PublishError(f"Refused to write {site_path!r}: it leads outside the site.")
        return path

    def write(self, site_path: str, data: bytes) -> None:
        path = self.target(site_path)
        with path.open("wb") as handle:
            handle.write(data)

    def link(self, site_path: str, existing: Path) -> None:
        """Carry an unchanged file over from the old site (hard link, copy if impossible)."""
        path = self.target(site_path)
        try:
            os.link(existing, path)
        except OSError:
            shutil.copyfile(existing, path)

    def swap_in(self) -> None:
        out = self.out_dir
        self.root.chmod(0o755)
        if not out.exists():
            os.rename(self.root, out)
            return
        if _exchange(self.root, out):
            shutil.rmtree(self.root, ignore_errors=True)
            return
        old = Path(tempfile.mkdtemp(prefix=staging_prefix(out), dir=out.parent))
        os.rmdir(old)
        os.rename(out, old)
        os.rename(self.root, out)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
