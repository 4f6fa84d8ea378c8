"""Two copies of the site and a symbolic link that swaps between them in one step.

The output folder the user names is a symbolic link to one of two trees, ``a`` and ``b``,
kept in a hidden folder beside it (``.<name>.publish/``). A publish brings the tree that
readers do not see up to date, then replaces the link atomically (``rename`` over it):
a reader sees the whole old site or the whole new one, and a failed or cancelled publish
leaves the live tree untouched. Afterwards the old tree is brought level with the new one,
so the next publish again only writes what changes. (Where Windows does not allow
symbolic links, a directory junction stands in: see ``tree_link``.)

Why not rebuild a fresh tree and swap folders: at 10,000 articles a tree has some 30,000
folders, and creating and deleting that many on an ordinary disk takes tens of seconds;
keeping both trees makes an incremental publish cost only what changed.

Every file is written to a temporary name in its folder and renamed into place, never
overwritten in place, so hard links shared between the two trees never change under a
reader.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from editor.i18n import _
from editor.publish.assets import copy_file
from editor.publish.manifest import (
    MANIFEST_NAME,
    PENDING_NAME,
    Manifest,
    mark_pending,
    read_manifest,
    write_manifest,
)
from editor.publish.report import PublishError
from editor.publish.tree_link import exclusive, is_link, point

TREES = ("a", "b")
_TEMP_SUFFIX = ".redaksi-tmp"


def home_for(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.publish"


class SiteTrees:
    """The two trees behind an output folder, and the link that chooses one."""

    def __init__(self, out_dir: Path) -> None:
        self.out = out_dir
        self.home = home_for(out_dir)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Only one publish at a time per output folder (a GUI and a scheduler may race)."""
        self.home.mkdir(parents=True, exist_ok=True)
        with (self.home / ".lock").open("a") as handle, exclusive(handle, self.out):
            yield

    def live(self) -> Path | None:
        if not is_link(self.out):
            return None
        name = Path(os.readlink(self.out)).name
        tree = self.home / name
        return tree if name in TREES and tree.is_dir() else None

    def prepare(self) -> tuple[Path | None, Path]:
        """Check the output folder and return (live tree or None, tree to build in)."""
        out = self.out
        live = self.live()
        if is_link(out) and live is None:
            raise PublishError(
                _(
                    "{out} is a link to {target}, not a site Redaksi publishes. Choose an empty "
                    "or new folder."
                ).format(out=out, target=os.readlink(out))
            )
        if not is_link(out) and out.exists():
            if not out.is_dir():
                raise PublishError(
                    _("{out} is a file. Choose a folder for the site.").format(out=out)
                )
            if any(out.iterdir()):
                raise PublishError(
                    _(
                        "{out} holds files a Redaksi publish did not write, and publishing would "
                        "replace them. Choose an empty or new folder."
                    ).format(out=out)
                )
            out.rmdir()
        for name in TREES:
            (self.home / name).mkdir(parents=True, exist_ok=True)
        spare = self.home / (TREES[1] if live == self.home / TREES[0] else TREES[0])
        return live, spare

    def swap_to(self, tree: Path) -> None:
        point(self.out, tree, self.home / ".next-link")


def _same_file(first: str | Path, second: str | Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


class TreeWriter:
    """Writes into one tree; refuses any path that could leave it.

    Paths are plain strings and folders are made one level at a time: a full publish
    writes some 25,000 files into 13,000 folders, where pathlib objects and a ``resolve``
    per folder cost more than the writing itself.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._base = os.fspath(root)
        #: Folders (site paths) known to be real folders inside the tree.
        self._checked: set[str] = {""}

    def target(self, site_path: str) -> Path:
        return Path(self._target(site_path))

    def _target(self, site_path: str) -> str:
        parts = site_path.split("/")
        if (
            not site_path
            or site_path.startswith("/")
            or "\\" in site_path
            or any(part in ("", ".", "..") for part in parts)
        ):
            raise PublishError(
                _("Refused to write {site_path!r}: it would leave the site folder.").format(
                    site_path=site_path
                )
            )
        parent = site_path.rpartition("/")[0]
        if parent not in self._checked:
            self._make_folders(site_path, parts[:-1])
        return os.path.join(self._base, site_path)

    def _make_folders(self, site_path: str, folders: list[str]) -> None:
        """Make each missing folder; one already there must be a folder, never a link
        (a link could lead out of the tree)."""
        for depth in range(1, len(folders) + 1):
            folder = "/".join(folders[:depth])
            if folder in self._checked:
                continue
            full = os.path.join(self._base, folder)
            try:
                os.mkdir(full)
            except FileExistsError:
                if not stat.S_ISDIR(os.lstat(full).st_mode):
                    raise PublishError(
                        _(
                            "Refused to write {site_path!r}: {folder} is a link or a file, "
                            "and could lead outside the site."
                        ).format(site_path=site_path, folder=folder)
                    ) from None
            self._checked.add(folder)

    def _temp(self, path: str) -> str:
        return path + _TEMP_SUFFIX

    def holds(self, site_path: str, data: bytes) -> bool:
        """Whether the file is there with exactly these bytes."""
        try:
            with open(os.path.join(self._base, site_path), "rb") as handle:
                return handle.read() == data
        except OSError:
            return False

    def shares(self, site_path: str, other: Path) -> bool:
        """Whether the file is the very file (the same hard link) as ``other``."""
        return _same_file(os.path.join(self._base, site_path), other)

    def write(self, site_path: str, data: bytes, *, exists: bool = False) -> None:
        path = self._target(site_path)
        if not exists:
            try:
                # A new file is created in place (nothing can be reading it yet)...
                with open(path, "xb") as handle:
                    handle.write(data)
                return
            except FileExistsError:
                pass
        # ...an existing one is replaced whole, never rewritten in place: it may be a
        # hard link shared with the live tree.
        temp = self._temp(path)
        with open(temp, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)

    def link(self, site_path: str, existing: Path) -> None:
        """Share an unchanged file with the other tree (hard link; a copy if impossible)."""
        path = self._target(site_path)
        try:
            os.link(existing, path)
            return
        except FileExistsError:
            if _same_file(existing, path):
                return  # rename() would do nothing between two links to one file
        except OSError:
            shutil.copyfile(existing, path)
            return
        temp = self._temp(path)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        try:
            os.link(existing, temp)
        except OSError:
            shutil.copyfile(existing, temp)
        os.replace(temp, path)

    def copy(self, site_path: str, source: Path) -> None:
        path = self._target(site_path)
        temp = self._temp(path)
        copy_file(source, Path(temp))
        os.replace(temp, path)

    def remove(self, site_path: str) -> None:
        path = self.target(site_path)
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != self.root:
            try:
                folder.rmdir()  # only succeeds when empty
            except OSError:
                break
            self._checked.discard(folder.relative_to(self.root).as_posix())
            folder = folder.parent

    def remove_strays(self, keep: set[str]) -> None:
        """Delete every file the manifest does not list (a full publish repairs a tree)."""
        skip = len(self._base) + 1
        for folder, _dirs, files in os.walk(self._base):
            prefix = folder[skip:] + "/" if len(folder) >= skip else ""
            for name in files:
                rel = prefix + name
                if rel not in keep and rel not in (MANIFEST_NAME, PENDING_NAME):
                    os.unlink(os.path.join(folder, name))

    def read_manifest(self) -> Manifest | None:
        return read_manifest(self.root)

    def write_manifest(self, manifest: Manifest) -> None:
        write_manifest(self.root, manifest)

    def mark_pending(self, paths: Iterable[str]) -> None:
        mark_pending(self.root, paths)
