"""Two copies of the site and a symbolic link that swaps between them in one step.

The output folder the user names is a symbolic link to one of two trees, ``a`` and ``b``,
kept in a hidden folder beside it (``.<name>.publish/``). A publish brings the tree that
readers do not see up to date, then replaces the link atomically (``rename`` over it):
a reader sees the whole old site or the whole new one, and a failed or cancelled publish
leaves the live tree untouched. Afterwards the old tree is brought level with the new one,
so the next publish again only writes what changes.

Why not rebuild a fresh tree and swap folders: at 10,000 articles a tree has some 30,000
folders, and creating and deleting that many on an ordinary disk takes tens of seconds;
keeping both trees makes an incremental publish cost only what changed.

Every file is written to a temporary name in its folder and renamed into place, never
overwritten in place, so hard links shared between the two trees never change under a
reader.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

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
        with (self.home / ".lock").open("a") as handle:
            try:
                import fcntl
            except ImportError:  # Windows: no advisory locks here; publishes are rare there
                yield
                return
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise PublishError(
                    f"Another publish into {self.out} is running. Wait for it to finish, "
                    "then publish again."
                ) from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def live(self) -> Path | None:
        if not self.out.is_symlink():
            return None
        name = Path(os.readlink(self.out)).name
        tree = self.home / name
        return tree if name in TREES and tree.is_dir() else None

    def prepare(self) -> tuple[Path | None, Path]:
        """Check the output folder and return (live tree or None, tree to build in)."""
        out = self.out
        live = self.live()
        if out.is_symlink() and live is None:
            raise PublishError(
                f"{out} is a link to {os.readlink(out)}, not a site Redaksi publishes. "
                "Choose an empty or new folder."
            )
        if not out.is_symlink() and out.exists():
            if not out.is_dir():
                raise PublishError(f"{out} is a file. Choose a folder for the site.")
            if any(out.iterdir()):
                raise PublishError(
                    f"{out} holds files a Redaksi publish did not write, and publishing "
                    "would replace them. Choose an empty or new folder."
                )
            out.rmdir()
        for name in TREES:
            (self.home / name).mkdir(parents=True, exist_ok=True)
        spare = self.home / (TREES[1] if live == self.home / TREES[0] else TREES[0])
        return live, spare

    def swap_to(self, tree: Path) -> None:
        link = self.home / ".next-link"
        if link.is_symlink() or link.exists():
            link.unlink()
        os.symlink(os.path.relpath(tree, self.out.parent), link)
        os.replace(link, self.out)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


class TreeWriter:
    """Writes into one tree; refuses any path that could leave it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._resolved_root = root.resolve()
        self._checked: set[str] = set()

    def target(self, site_path: str) -> Path:
        pure = PurePosixPath(site_path)
        if (
            not site_path
            or pure.is_absolute()
            or any(part in ("..", ".") for part in site_path.split("/"))
            or "" in site_path.split("/")
        ):
            raise PublishError(f"Refused to write {site_path!r}: it would leave the site folder.")
        path = self.root.joinpath(*pure.parts)
        parent = pure.parent.as_posix()
        if parent not in self._checked:
            path.parent.mkdir(parents=True, exist_ok=True)
            # A folder that is a link could lead out of the tree: resolve and check once.
            if not path.parent.resolve().is_relative_to(self._resolved_root):
                raise PublishError(f"Refused to write {site_path!r}: it leads outside the site.")
            self._checked.add(parent)
        return path

    def _temp(self, path: Path) -> Path:
        return path.with_name(path.name + _TEMP_SUFFIX)

    def holds(self, site_path: str, data: bytes) -> bool:
        """Whether the file is there with exactly these bytes."""
        try:
            return (self.root / site_path).read_bytes() == data
        except OSError:
            return False

    def write(self, site_path: str, data: bytes, *, exists: bool = False) -> None:
        path = self.target(site_path)
        if not exists:
            try:
                # A new file is created in place (nothing can be reading it yet)...
                with path.open("xb") as handle:
                    handle.write(data)
                return
            except FileExistsError:
                pass
        # ...an existing one is replaced whole, never rewritten in place: it may be a
        # hard link shared with the live tree.
        temp = self._temp(path)
        with temp.open("wb") as handle:
            handle.write(data)
        os.replace(temp, path)

    def link(self, site_path: str, existing: Path) -> None:
        """Share an unchanged file with the other tree (hard link; a copy if impossible)."""
        path = self.target(site_path)
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
        temp.unlink(missing_ok=True)
        try:
            os.link(existing, temp)
        except OSError:
            shutil.copyfile(existing, temp)
        os.replace(temp, path)

    def copy(self, site_path: str, source: Path) -> None:
        path = self.target(site_path)
        temp = self._temp(path)
        copy_file(source, temp)
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
        for folder, _dirs, files in os.walk(self.root):
            for name in files:
                rel = (Path(folder) / name).relative_to(self.root).as_posix()
                if rel not in keep and rel not in (MANIFEST_NAME, PENDING_NAME):
                    (Path(folder) / name).unlink()

    def read_manifest(self) -> Manifest | None:
        return read_manifest(self.root)

    def write_manifest(self, manifest: Manifest) -> None:
        write_manifest(self.root, manifest)

    def mark_pending(self, paths: Iterable[str]) -> None:
        mark_pending(self.root, paths)
