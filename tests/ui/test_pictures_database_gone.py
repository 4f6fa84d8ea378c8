"""A picture the preview or the media library shows never raises into the window when
the database fails under it (a server database dropped, a file replaced): the picture is
shown as missing, and the window's own reads report the database.

Found in the suite: a preview render queued by a closed window ran after its PostgreSQL
test database was dropped, and its picture read raised inside Qt's event loop."""

from __future__ import annotations

from sqlalchemy import text

from editor.database import Database
from tests.core.test_workflow_support import described_picture
from ui.sync.pictures import PictureFetches, shown_bytes


def test_a_picture_read_from_a_failing_database_is_shown_as_missing(qtbot, sqlite_db: Database):
    sha = described_picture(sqlite_db, "Foto uji").removeprefix("media:")
    fetches = PictureFetches(sqlite_db)
    assert shown_bytes(fetches, sha, 64, 48)  # the bytes while the database answers

    with sqlite_db.transaction() as session:
        session.execute(text("ALTER TABLE media_blobs RENAME TO media_blobs_gone"))

    assert fetches.local(sha) == (None, "")
    assert shown_bytes(fetches, sha, 64, 48) is None
