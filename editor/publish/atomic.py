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

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from editor.i18n import _
from editor.publish import inside_folder, private_state
from editor.publish.access import Access, access_for, check_trusted, set_mode
from editor.publish.manifest import Manifest, mark_pending, read_manifest, write_manifest
from editor.publish.report import PublishError
from editor.publish.safe_fs import (
    TEMP_SUFFIX,
    create_file,
    is_real_folder,
    is_regular_file,
    link_refused,
    read_regular,
    real_folder,
    remove_name,
    replace_file,
)
from editor.publish.tree_link import exclusive, is_link, point

TREES = ("a", "b")
_PRIVATE_ACCESS = Access(shared=False)


def home_for(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.publish"


def private_for(out_dir: Path) -> Path:
    """The publish's own state (manifests, cache, lock): see ``private_state``."""
    return home_for(out_dir) / private_state.PRIVATE


class SiteTrees:
    """The two trees behind an output folder, and the link that chooses one.

    The output folder itself is that link, or, in a folder the publish may not replace,
    a link inside it (see ``inside_folder``).
    """

    def __init__(self, out_dir: Path) -> None:
        self.out = out_dir
        self.inside = inside_folder.publishes_inside(out_dir)
        self.home = out_dir / inside_folder.INSIDE_HOME if self.inside else home_for(out_dir)
        #: The link replaced in one step to make a tree the live one.
        self.switch = self.home / inside_folder.SWITCH if self.inside else out_dir
        self.private = self.home / private_state.PRIVATE
        self.access = _PRIVATE_ACCESS

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Only one publish at a time per output folder (a GUI and a scheduler may race)."""
        if not self.inside:
            self.out.parent.mkdir(parents=True, exist_ok=True)  # the user's path: links allowed
        self.access = access_for(self.out if self.inside else self.out.parent)
        if real_folder(self.home, self.access.folder_mode or 0o777):
            set_mode(self.home, self.access.folder_mode)
        check_trusted(self.home)
        private_state.make_private(self.private, self.access)
        with (
            private_state.open_lock(self.private, self.access) as handle,
            exclusive(handle, self.out),
        ):
            private_state.migrate(self.home, self.private, TREES, self.access)
            yield

    def live(self) -> Path | None:
        if not is_link(self.switch):
            return None
        name = Path(os.readlink(self.switch)).name
        tree = self.home / name
        return tree if name in TREES and is_real_folder(tree) else None

    def writer(self, tree: Path) -> TreeWriter:
        return TreeWriter(tree, self.private / tree.name, self.access)

    def prepare(self) -> tuple[Path | None, Path]:
        """Check the output folder and return (live tree or None, tree to build in)."""
        out, switch = self.out, self.switch
        if self.inside:
            self._check_inside()
        live = self.live()
        if is_link(switch) and live is None:
            raise PublishError(
                _(
                    "{out} is a link to {target}, not a site Redaksi publishes. Choose an empty "
                    "or new folder."
                ).format(out=switch, target=os.readlink(switch))
            )
        if not self.inside and not is_link(out) and out.exists():
            self._check_replaceable(out)
            out.rmdir()
        for name in TREES:
            if real_folder(self.home / name, self.access.folder_mode or 0o777):
                set_mode(self.home / name, self.access.folder_mode)
        spare = self.home / (TREES[1] if live == self.home / TREES[0] else TREES[0])
        return live, spare

    def _check_replaceable(self, out: Path) -> None:
        """An existing folder becomes the link only when it is empty."""
        if not out.is_dir():
            raise PublishError(_("{out} is a file. Choose a folder for the site.").format(out=out))
        if any(out.iterdir()):
            raise PublishError(
                _(
                    "{out} holds files a Redaksi publish did not write, and publishing would "
                    "replace them. Choose an empty or new folder."
                ).format(out=out)
            )

    def _check_inside(self) -> None:
        foreign = inside_folder.foreign_names(self.out)
        if foreign:
            raise PublishError(
                _(
                    "{out} holds files a Redaksi publish did not write ({names}). Move them "
                    "away, or choose an empty or new folder."
                ).format(out=self.out, names=", ".join(foreign[:5]))
            )
        if os.path.lexists(self.switch) and not is_link(self.switch):
            raise link_refused(self.switch)

    def swap_to(self, tree: Path) -> None:
        scratch = self.home / ".next-link"
        if not self.inside:
            point(self.out, tree, scratch)
            return
        names = inside_folder.add_entries(self.out, tree)
        point(self.switch, tree, scratch)
        inside_folder.drop_entries(self.out, names)


def _same_file(first: str | Path, second: str | Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


class TreeWriter:
    """Writes into one tree; refuses any path that could leave it, and never follows a link.

    Paths are plain strings and folders are made one level at a time: a full publish
    writes some 25,000 files into 13,000 folders, where pathlib objects and a ``resolve``
    per folder cost more than the writing itself. Each folder is checked once (made, or
    found to be a real folder with ``lstat``); files are made with ``O_EXCL | O_NOFOLLOW``
    (see ``safe_fs``). ``state`` is where the tree's manifest is kept (see ``manifest``).
    """

    def __init__(self, root: Path, state: Path | None = None, access: Access | None = None) -> None:
        self.root = root
        self.state = state if state is not None else root.with_name(root.name + "-state")
        self.access = access or _PRIVATE_ACCESS
        self._base = os.fspath(root)
        self._file_mode = self.access.file_mode
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
        mode = self.access.folder_mode
        for depth in range(1, len(folders) + 1):
            folder = "/".join(folders[:depth])
            if folder in self._checked:
                continue
            full = os.path.join(self._base, folder)
            try:
                os.mkdir(full)
                if mode is not None:
                    os.chmod(full, mode)
            except FileExistsError:
                if not stat.S_ISDIR(os.lstat(full).st_mode):
                    raise PublishError(
                        _(
                            "Refused to write {site_path!r}: {folder} is a link or a file, "
                            "and could lead outside the site."
                        ).format(site_path=site_path, folder=folder)
                    ) from None
            self._checked.add(folder)

    def holds(self, site_path: str, data: bytes) -> bool:
        """Whether the file is there with exactly these bytes (a link never is)."""
        return read_regular(os.path.join(self._base, site_path)) == data

    def shares(self, site_path: str, other: Path) -> bool:
        """Whether the file is the very file (the same hard link) as ``other``."""
        return _same_file(os.path.join(self._base, site_path), other)

    def write(self, site_path: str, data: bytes, *, exists: bool = False) -> None:
        path = self._target(site_path)
        if not exists:
            try:
                # A new file is created in place (nothing can be reading it yet)...
                create_file(path, data, self._file_mode)
                return
            except FileExistsError:
                pass
        # ...an existing one is replaced whole, never rewritten in place: it may be a
        # hard link shared with the live tree (and a link there is replaced, not followed).
        replace_file(path, data, self._file_mode)

    def link(self, site_path: str, existing: Path) -> None:
        """Share an unchanged file with the other tree (hard link; a copy if impossible)."""
        path = self._target(site_path)
        if not is_regular_file(existing):
            # Only a file this publish made may be shared: a link planted in the other
            # tree would put whatever it points to (anything the user may read) online.
            raise link_refused(existing)
        try:
            os.link(existing, path, follow_symlinks=False)
            return
        except FileExistsError:
            if _same_file(existing, path):
                return  # rename() would do nothing between two links to one file
        except OSError:
            self._copy_in(existing, path)
            return
        temp = path + TEMP_SUFFIX
        remove_name(temp)
        try:
            os.link(existing, temp, follow_symlinks=False)
        except OSError:
            self._copy_in(existing, temp)
        os.replace(temp, path)

    def _copy_in(self, existing: Path, path: str) -> None:
        """A copy where hard links are impossible (some disks, another user's file)."""
        data = read_regular(existing)
        if data is None:
            raise link_refused(existing)
        replace_file(path, data, self._file_mode)

    def copy(self, site_path: str, source: Path) -> None:
        """Copy bytes only (not permissions or times, which would differ between publishes)."""
        path = self._target(site_path)
        replace_file(path, source.read_bytes(), self._file_mode or 0o644)

    def remove(self, site_path: str) -> None:
        path = self.target(site_path)
        remove_name(str(path))  # a link is removed itself, never what it points to
        folder = path.parent
        while folder != self.root:
            try:
                folder.rmdir()  # only succeeds when empty
            except OSError:
                break
            self._checked.discard(folder.relative_to(self.root).as_posix())
            folder = folder.parent

    def remove_strays(self, keep: set[str]) -> None:
        """Delete every file the manifest does not list (a full publish repairs a tree).

        ``os.walk`` never enters a linked folder, and unlinking a link removes the link.
        """
        skip = len(self._base) + 1
        for folder, _dirs, files in os.walk(self._base):
            prefix = folder[skip:] + "/" if len(folder) >= skip else ""
            for name in files:
                if prefix + name not in keep:
                    os.unlink(os.path.join(folder, name))

    def read_manifest(self) -> Manifest | None:
        return read_manifest(self.state)

    def write_manifest(self, manifest: Manifest) -> None:
        write_manifest(self.state, manifest, self.access.private_file_mode)

    def mark_pending(self, paths: Iterable[str]) -> None:
        mark_pending(self.state, paths, self.access.private_file_mode)
