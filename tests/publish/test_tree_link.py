"""When symbolic links cannot be made: a junction on Windows, a clear refusal elsewhere."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from editor.publish import tree_link
from editor.publish.report import PublishCancelled, PublishError
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import Newsroom

REAL_SYMLINK = os.symlink


def _refuse_symlinks(*args: object, **kwargs: object) -> None:
    raise OSError(errno.EPERM, "A required privilege is not held by the client")


@pytest.fixture
def windows_without_link_rights(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows as an ordinary user sees it: no symbolic links, but junctions. A junction
    is played by an absolute symbolic link made behind the refusal's back."""
    monkeypatch.setattr(tree_link, "WINDOWS", True)
    monkeypatch.setattr(os, "symlink", _refuse_symlinks)
    monkeypatch.setattr(
        tree_link, "make_junction", lambda target, link: REAL_SYMLINK(target.absolute(), link)
    )
    monkeypatch.setattr(
        tree_link, "is_junction", lambda p: p.is_symlink() and os.path.isabs(os.readlink(p))
    )
    monkeypatch.setattr(tree_link, "remove_junction", os.unlink)


def test_windows_without_link_rights_publishes_through_a_junction(
    room: Newsroom, publish: PublishFn, tmp_path: Path, windows_without_link_rights: None
):
    out = tmp_path / "site"
    publish()
    first = os.readlink(out)
    assert os.path.isabs(first)  # the junction, not a relative symbolic link
    assert b"NATO" in (out / "index.html").read_bytes()
    room.edit(room.nato, headline="Judul baru lewat junction")
    publish()
    assert os.readlink(out) != first  # swapped to the other tree
    assert b"Judul baru lewat junction" in (out / "index.html").read_bytes()
    before = site_files(out)
    room.edit(room.nato, headline="Tidak boleh muncul")
    with pytest.raises(PublishCancelled):
        publish(cancel=lambda: True)
    assert site_files(out) == before
    assert not (tmp_path / ".site.publish" / ".next-link").exists()


def test_elsewhere_a_disk_without_links_is_explained_and_the_site_kept(
    room: Newsroom, publish: PublishFn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    publish()
    before = site_files(tmp_path / "site")
    room.edit(room.nato, headline="Tidak boleh muncul")
    monkeypatch.setattr(tree_link, "WINDOWS", False)
    monkeypatch.setattr(os, "symlink", _refuse_symlinks)
    with pytest.raises(PublishError, match="allows symbolic links"):
        publish()
    assert site_files(tmp_path / "site") == before
