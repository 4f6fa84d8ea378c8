"""The media library: pictures kept once by content, described, found; bad files refused
with one sentence and nothing else changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from editor.database import Database
from editor.errors import PermissionDenied
from editor.media.intake import MAX_BYTES, NotAPicture, read_picture
from editor.media.library import add_file, describe_media, get_media, media_bytes, search_media
from editor.people import add_person
from tests.media.pictures import bomb, jpeg, png, with_gps_and_orientation


@pytest.fixture(scope="session")
def bomb_bytes() -> bytes:
    return bomb()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_picture_is_kept_once_with_its_description(db: Database, tmp_path: Path):
    data = jpeg(800, 600)
    first = add_file(
        db, write(tmp_path / "IMG_2041.JPG", data), caption="Sidang  DPR", credit="Ant"
    )
    again = add_file(db, write(tmp_path / "copy.jpg", data), alt_text="Ruang sidang")
    assert first.new and not again.new
    assert first.record.sha256 == again.record.sha256 == hashlib.sha256(data).hexdigest()
    record = get_media(db, first.record.ref)
    assert record is not None
    assert (record.original_name, record.mime, record.size) == (
        "IMG_2041.JPG",
        "image/jpeg",
        len(data),
    )
    assert (record.width, record.height) == (800, 600)
    # Spaces folded; a second add fills only what was empty.
    assert (record.caption, record.credit, record.alt_text) == ("Sidang DPR", "Ant", "Ruang sidang")
    assert media_bytes(db, record.sha256) == data
    assert len(search_media(db)) == 1


def test_search_by_caption_credit_alt_or_name(db: Database, tmp_path: Path):
    add_file(
        db, write(tmp_path / "banjir.jpg", jpeg(colour=(1, 2, 3))), caption="Banjir rob di Pluit"
    )
    add_file(db, write(tmp_path / "a.png", png()), credit="NATO", alt_text="Sekjen di Tokyo")
    assert [r.original_name for r in search_media(db, "pluit")] == ["banjir.jpg"]
    assert [r.original_name for r in search_media(db, "nato tokyo")] == ["a.png"]
    assert [r.original_name for r in search_media(db, "BANJIR.jpg")] == ["banjir.jpg"]
    assert search_media(db, "100%") == []


def test_describing_changes_every_use(db: Database, tmp_path: Path):
    added = add_file(db, write(tmp_path / "a.jpg", jpeg()))
    changed = describe_media(db, added.record.sha256, alt_text="Gedung KPK", credit="Net")
    assert (changed.alt_text, changed.credit, changed.caption) == ("Gedung KPK", "Net", "")


def test_orientation_is_applied_to_the_size_shown(db: Database, tmp_path: Path):
    added = add_file(db, write(tmp_path / "phone.jpg", with_gps_and_orientation(800, 600)))
    assert (added.record.width, added.record.height) == (600, 800)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("page.jpg", b"<!doctype html><html><body>not a photo</body></html>", "is not a picture"),
        ("empty.jpg", b"", "is not a picture"),
        ("cut.jpg", jpeg(1200, 900)[:5000], "damaged or cut short"),
        ("vector.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "is not a picture"),
    ],
)
def test_what_is_not_a_picture_is_refused_in_one_sentence(
    db: Database, tmp_path: Path, name: str, content: bytes, says: str
):
    with pytest.raises(NotAPicture) as refused:
        add_file(db, write(tmp_path / name, content))
    message = str(refused.value)
    assert says in message and name in message and "\n" not in message
    assert search_media(db) == []


def test_a_decompression_bomb_is_refused_before_it_is_decoded(
    db: Database, tmp_path: Path, bomb_bytes: bytes
):
    with pytest.raises(NotAPicture, match=r"bomb.png declares more pixels .*decompression bomb"):
        add_file(db, write(tmp_path / "bomb.png", bomb_bytes))
    assert search_media(db) == []


def test_a_huge_file_is_refused_by_its_size(db: Database, tmp_path: Path):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as stream:
        stream.write(jpeg())
        stream.truncate(MAX_BYTES + 10)
    with pytest.raises(NotAPicture, match="larger than 50 MB"):
        add_file(db, path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_jpg_is_refused_without_waiting(tmp_path: Path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    with pytest.raises(NotAPicture, match=r"pipe\.jpg is a named pipe \(FIFO\), not a picture"):
        read_picture(fifo)


def test_a_link_is_followed_to_a_picture_and_checked_like_one(db: Database, tmp_path: Path):
    real = write(tmp_path / "real.jpg", jpeg())
    link = tmp_path / "link.jpg"
    link.symlink_to(real)
    assert add_file(db, link).record.original_name == "link.jpg"
    dangling = tmp_path / "gone.jpg"
    dangling.symlink_to(tmp_path / "nowhere.jpg")
    with pytest.raises(NotAPicture, match=r"gone\.jpg cannot be read"):
        add_file(db, dangling)
    to_database = tmp_path / "db.jpg"
    to_database.symlink_to(
        Path(db.url.removeprefix("sqlite:///"))
    ) if db.dialect == "sqlite" else None
    if db.dialect == "sqlite":
        with pytest.raises(NotAPicture, match="is the newsroom database"):
            add_file(db, to_database)


def test_once_people_exist_someone_must_add_and_be_allowed(db: Database, tmp_path: Path):
    picture = write(tmp_path / "a.jpg", jpeg())
    reporter = add_person(db, "Dwi Anggraeni", actor_id=None, role="reporter")
    with pytest.raises(PermissionDenied, match="--as PERSON"):
        add_file(db, picture)
    assert add_file(db, picture, actor_id=reporter.id).new


def test_a_folder_is_named_as_one(tmp_path: Path):
    folder = tmp_path / "photos.jpg"
    folder.mkdir()
    with pytest.raises(NotAPicture, match=r"photos\.jpg is a folder, not a picture"):
        read_picture(folder)
