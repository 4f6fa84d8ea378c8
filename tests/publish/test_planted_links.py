"""Links planted where a publish writes or deletes: it never follows one it did not make."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from editor.cli import main
from editor.publish.atomic import home_for, private_for
from editor.publish.report import PublishError
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import Newsroom

SECRET = b"only copy, never online"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    folder = tmp_path / "victim"
    folder.mkdir()
    (folder / "precious.txt").write_bytes(SECRET)
    return folder


def _untouched(victim: Path) -> None:
    assert sorted(p.name for p in victim.iterdir()) == ["precious.txt"]
    assert (victim / "precious.txt").read_bytes() == SECRET


def _spare(out: Path) -> Path:
    return home_for(out) / ("a" if os.readlink(out).endswith("b") else "b")


def test_a_linked_tree_is_refused_from_the_command_line(
    room: Newsroom,
    sqlite_url: str,
    tmp_path: Path,
    victim: Path,
    capsys: pytest.CaptureFixture[str],
):
    www = tmp_path / "www"
    (www / ".site.publish").mkdir(parents=True)
    (www / ".site.publish" / "a").symlink_to(victim)
    argv = ["publish", "--db", sqlite_url, "--out", str(www / "site"), "--full"]
    assert main([*argv, "--media", str(room.media), "--base-url", "https://b.example.id"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{www / '.site.publish' / 'a'} is a link to {victim}" in err
    _untouched(victim)
    assert not (www / "site").exists()


@pytest.mark.parametrize(
    "planted",
    [".site.publish", ".site.publish/private", ".site.publish/b", ".site.publish/private/cache"],
)
def test_a_linked_folder_of_the_publish_is_refused(
    publish: PublishFn, tmp_path: Path, victim: Path, planted: str
):
    link = tmp_path / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(victim)
    with pytest.raises(PublishError, match=re.escape(f"{link} is a link to {victim}")):
        publish(cache_dir=None)
    _untouched(victim)


@pytest.mark.parametrize("planted", ["lock", "cache/bodies.sqlite", "a.manifest", "a.pending"])
def test_a_linked_private_file_is_never_written_through(
    publish: PublishFn, tmp_path: Path, victim: Path, planted: str
):
    link = private_for(tmp_path / "site") / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(victim / "precious.txt")
    try:
        publish(cache_dir=None)
    except PublishError as refused:
        assert str(link) in str(refused)
    _untouched(victim)


def test_links_planted_in_the_standby_tree_are_never_followed(
    room: Newsroom, publish: PublishFn, tmp_path: Path, victim: Path
):
    out = tmp_path / "site"
    publish()
    publish()
    spare = _spare(out)
    # A file, a stopped publish's temporary name, and a folder, each leading outside.
    (spare / "index.html").unlink()
    (spare / "index.html").symlink_to(victim / "precious.txt")
    (spare / "rss.xml.redaksi-tmp").symlink_to(victim / "precious.txt")
    room.edit(room.nato, headline="Judul baru")
    publish(full=True)
    _untouched(victim)
    assert b"Judul baru" in (out / "index.html").read_bytes()
    assert not (out / "index.html").is_symlink()
    # A linked folder in the tree being built is refused with a clear line.
    spare = _spare(out)
    moved = spare / "read"
    moved.rename(tmp_path / "read-aside")
    moved.symlink_to(victim)
    room.edit(room.nato, headline="Judul lagi")
    with pytest.raises(PublishError, match="read is a link or a file"):
        publish(full=True)
    _untouched(victim)


def test_a_linked_file_in_the_live_tree_is_never_published(
    room: Newsroom, publish: PublishFn, tmp_path: Path, victim: Path
):
    out = tmp_path / "site"
    publish()
    live = out.parent / os.readlink(out)
    (live / "assets" / "site.css").unlink()
    (live / "assets" / "site.css").symlink_to(victim / "precious.txt")
    room.edit(room.nato, headline="Judul baru")
    with pytest.raises(PublishError, match=r"site\.css is a link to"):
        publish()  # would share the live file with the new tree as a hard link
    publish(full=True)  # a full publish trusts nothing and writes it again
    assert SECRET not in b"".join(site_files(out).values())
    _untouched(victim)


def test_a_linked_parent_folder_is_the_users_own_path(
    publish: PublishFn, tmp_path: Path, victim: Path
):
    """Links above the output folder are the user's own layout (/var/www -> /srv/www):
    followed, but nothing there is touched except the two names the publish owns."""
    (tmp_path / "www").symlink_to(victim)
    publish(tmp_path / "www" / "site")
    assert sorted(p.name for p in victim.iterdir()) == [".site.publish", "precious.txt", "site"]
    assert (victim / "precious.txt").read_bytes() == SECRET
    assert (victim / "site" / "index.html").is_file()
