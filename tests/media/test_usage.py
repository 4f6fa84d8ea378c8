"""Where a picture is used, and a new version of it for every article at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from editor.articles import get_article
from editor.database import Database
from editor.errors import PermissionDenied, ValidationError
from editor.media.intake import check_picture
from editor.media.library import add_file, describe_media, get_media
from editor.media.usage import articles_using, replace_media
from editor.workflow.audit import audit_log
from editor.workflow.editing import edit_article
from tests.core.test_workflow_support import force_status, make_newsroom, ready_story
from tests.media.pictures import jpeg


def _add(db: Database, tmp_path: Path, name: str, colour: tuple[int, int, int], actor) -> str:
    path = tmp_path / name
    path.write_bytes(jpeg(colour=colour))
    return add_file(db, path, actor_id=actor).record.sha256


def test_a_new_version_reaches_every_article_that_shows_the_picture(
    sqlite_db: Database, tmp_path: Path
):
    room = make_newsroom(sqlite_db)
    old = _add(sqlite_db, tmp_path, "gedung.jpg", (10, 20, 30), room.reporter.id)
    describe_media(
        sqlite_db, old, actor_id=room.editor.id, alt_text="Gedung KPK", credit="NATO/Net"
    )
    as_lead = ready_story(sqlite_db, room, lead_image=f"media:{old}")
    in_body = ready_story(
        sqlite_db, room, body=f"Awal.\n\n![Gedung](media:{old})\nGedung itu.\nFoto: Net\n"
    )
    untouched = ready_story(sqlite_db, room)
    force_status(sqlite_db, in_body, "published")
    assert {u.article_id for u in articles_using(sqlite_db, old)} == {as_lead.id, in_body.id}

    new_picture = check_picture(jpeg(colour=(200, 0, 0)), "gedung-baru.jpg")
    done = replace_media(sqlite_db, old, new_picture, actor_id=room.editor.id)

    assert {u.article_id for u in done.articles} == {as_lead.id, in_body.id}
    assert get_article(sqlite_db, as_lead.id).lead_image == f"media:{new_picture.sha256}"
    body = get_article(sqlite_db, in_body.id).body
    assert f"media:{new_picture.sha256}" in body and old not in body
    # An article showing another picture keeps it.
    assert untouched.lead_image not in (f"media:{old}", f"media:{new_picture.sha256}")
    assert get_article(sqlite_db, untouched.id).lead_image == untouched.lead_image
    # The new version takes over the description; the old one stays for revisions.
    assert (done.record.alt_text, done.record.credit) == ("Gedung KPK", "NATO/Net")
    assert get_media(sqlite_db, old) is not None
    assert articles_using(sqlite_db, old) == []
    entry = audit_log(sqlite_db)[0]
    assert entry.action == "media_replace" and "articles: 2" in entry.note


def test_a_reporter_cannot_replace_the_photo_of_someone_elses_published_story(
    sqlite_db: Database, tmp_path: Path
):
    room = make_newsroom(sqlite_db)
    old = _add(sqlite_db, tmp_path, "a.jpg", (1, 2, 3), room.reporter.id)
    theirs = ready_story(sqlite_db, room, lead_image=f"media:{old}")
    force_status(sqlite_db, theirs, "published")
    with pytest.raises(PermissionDenied, match="nothing was replaced"):
        replace_media(
            sqlite_db,
            old,
            check_picture(jpeg(colour=(9, 9, 9)), "b.jpg"),
            actor_id=room.other_reporter.id,
        )
    assert get_article(sqlite_db, theirs.id).lead_image == f"media:{old}"
    with pytest.raises(ValidationError, match="same picture"):
        replace_media(sqlite_db, old, check_picture(jpeg(colour=(1, 2, 3)), "c.jpg"))


def test_a_reporter_replaces_the_photo_of_their_own_draft(sqlite_db: Database, tmp_path: Path):
    room = make_newsroom(sqlite_db)
    old = _add(sqlite_db, tmp_path, "a.jpg", (1, 2, 3), room.reporter.id)
    mine = ready_story(sqlite_db, room, lead_image=f"media:{old}")
    done = replace_media(
        sqlite_db, old, check_picture(jpeg(colour=(5, 5, 5)), "b.jpg"), actor_id=room.reporter.id
    )
    stored = get_article(sqlite_db, mine.id)
    assert stored.lead_image == done.record.ref and stored.version > mine.version
    # The reporter's own editor saves on top without a conflict once reloaded.
    edit_article(sqlite_db, replace(stored, lead_image_caption="Baru"), actor_id=room.reporter.id)
