"""The checklist asks a credit under each body picture, as under the lead image, and
takes the app's alt text placeholder for no description."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.database import Database
from editor.media.library import add_file
from editor.workflow.checklist import ChecklistError, checklist_for, missing_items
from editor.workflow.transitions import change_status
from tests.core.test_workflow_support import READY_BODY, force_status, make_newsroom, ready_story
from tests.media.pictures import jpeg


def _missing(db: Database, record) -> dict[str, str]:
    return {item.key: item.problem for item in missing_items(checklist_for(db, record))}


@pytest.fixture
def picture(sqlite_db: Database, tmp_path: Path):
    room = make_newsroom(sqlite_db)
    path = tmp_path / "sidang.jpg"
    path.write_bytes(jpeg())
    return room, add_file(sqlite_db, path, actor_id=room.reporter.id).record.sha256


def _body(figure: str) -> str:
    return READY_BODY + "\n\n" + figure + "\n\n" + READY_BODY


@pytest.mark.parametrize(
    "figure",
    [
        "![Ruang sidang](media:{sha})\nSidang paripurna.\nFoto: ",
        "![Ruang sidang](media:{sha})\nSidang paripurna.",
        "![Ruang sidang](media:{sha})",
    ],
    ids=["empty-foto-line", "caption-only", "bare"],
)
def test_a_body_picture_without_a_credit_stops_the_publish(
    sqlite_db: Database, picture, figure: str
):
    room, sha = picture
    story = ready_story(sqlite_db, room, body=_body(figure.format(sha=sha)))
    problem = _missing(sqlite_db, story)["body_picture_credits"]
    assert "picture on body line 3" in problem and "Foto: NATO/Net" in problem
    force_status(sqlite_db, story, "approved")
    with pytest.raises(ChecklistError) as refused:
        change_status(sqlite_db, story.id, "published", actor_id=room.editor.id)
    assert "body_picture_credits" in [item.key for item in refused.value.missing]


def test_a_credited_figure_and_an_image_inside_a_sentence_pass(sqlite_db: Database, picture):
    room, sha = picture
    figure = f"![Ruang sidang](media:{sha})\nSidang paripurna.\nFoto: NATO/Net"
    inline = f"Lihat ![ikon](media:{sha}) di sini."
    story = ready_story(sqlite_db, room, body=_body(figure) + "\n\n" + inline)
    assert _missing(sqlite_db, story) == {}


@pytest.mark.parametrize("placeholder", ["Photo description", "Deskripsi foto"])
def test_the_apps_alt_text_placeholder_is_no_description(
    sqlite_db: Database, picture, placeholder: str
):
    room, sha = picture
    figure = f"![{placeholder}](media:{sha})\nSidang paripurna.\nFoto: NATO/Net"
    story = ready_story(sqlite_db, room, body=_body(figure))
    assert "no alt text for the body picture" in _missing(sqlite_db, story)["alt_text"]
