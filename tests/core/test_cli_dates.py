"""Dates at the edge of the range on every command-line option that takes one: one clear
line and nothing stored, never a traceback; and a far date stored by an older version
does not break ``show`` or ``export-md``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from editor.articles import get_article
from editor.cli import main
from editor.database import open_database
from editor.models import Article
from tests.core.test_workflow_support import force_status, make_newsroom, ready_story

OUTSIDE = "outside the dates Redaksi accepts (the years 1900 to 2999)"
EDGE_TIMES = [
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:00:00-05:00",
    "9999-12-31T20:00:00Z",
    "9999-12-31T23:59",  # newsroom time
    "1899-12-31T23:59:59Z",
    "3000-01-01T00:00:00Z",
]


@pytest.fixture
def newsroom(sqlite_url):
    db = open_database(sqlite_url)
    room = make_newsroom(db)
    yield db, room
    db.close()


def run(capsys, url, *argv):
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_line(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if OUTSIDE in line]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("when", EDGE_TIMES)
def test_status_at_outside_the_range_is_refused_and_nothing_changes(
    newsroom, sqlite_url, capsys, when
):
    db, room = newsroom
    story = ready_story(db, room)
    force_status(db, story, "approved")
    argv = ["status", str(story.id), "--to", "scheduled", "--as", "rina-editor", "--at", when]
    code, out, err = run(capsys, sqlite_url, *argv)
    assert code == 1 and out == ""
    assert one_clear_line(err).startswith("redaksi: ")
    stored = get_article(db, story.id)
    assert (stored.status, stored.scheduled_at) == ("approved", None)


def test_status_at_the_last_accepted_minute_schedules(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room)
    force_status(db, story, "approved")
    argv = ["status", str(story.id), "--to", "scheduled", "--as", "rina-editor"]
    code, out, err = run(capsys, sqlite_url, *argv, "--at", "2999-12-31T23:59Z")
    assert code == 0, err
    assert get_article(db, story.id).scheduled_at == datetime(2999, 12, 31, 23, 59, tzinfo=UTC)
    assert "3000-01-01 06:59 WIB" in out  # shown in the newsroom's zone, a year later


@pytest.mark.parametrize("when", EDGE_TIMES[:2])
def test_correct_at_outside_the_range_is_refused(newsroom, sqlite_url, capsys, when):
    db, room = newsroom
    story = ready_story(db, room)
    force_status(db, story, "published")
    argv = ["correct", str(story.id), "--note", "Nama.", "--as", "rina-editor", "--at", when]
    code, _, err = run(capsys, sqlite_url, *argv)
    assert code == 1
    one_clear_line(err)
    assert get_article(db, story.id).status == "published"


@pytest.mark.parametrize("when", [t for t in EDGE_TIMES if t[-1] == "Z" or "+" in t[10:]])
def test_publish_now_outside_the_range_is_a_usage_error(sqlite_url, tmp_path, capsys, when):
    code, out, err = run(
        capsys, sqlite_url, "publish", "--out", str(tmp_path / "site"), "--now", when
    )
    assert code == 2 and out == ""
    assert f"argument --now: {when} is {OUTSIDE}" in one_clear_line(err)
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "option", [("--to", "9999-12-31"), ("--from", "0001-01-01"), ("--to", "1899-12-31")]
)
def test_list_dates_outside_the_range_are_refused(sqlite_url, capsys, option):
    code, out, err = run(capsys, sqlite_url, "list", *option)
    assert code == 1 and out == ""
    assert one_clear_line(err) == f"redaksi: {option[1]} is {OUTSIDE}. Check the year."


def test_list_from_the_first_to_the_last_accepted_day_lists_everything(
    newsroom, sqlite_url, capsys
):
    db, room = newsroom
    story = ready_story(db, room)
    argv = ["list", "--json", "--from", "1900-01-01", "--to", "2999-12-31"]
    code, out, err = run(capsys, sqlite_url, *argv)
    assert code == 0, err
    assert [item["id"] for item in json.loads(out)["items"]] == [str(story.id)]


def test_a_far_date_from_an_older_version_is_shown_and_export_skips_only_that_article(
    newsroom, sqlite_url, tmp_path: Path, capsys
):
    db, room = newsroom
    far = ready_story(db, room, headline="Jauh sekali")
    near = ready_story(db, room, headline="Dekat")
    with db.transaction() as session:  # what an import accepted before dates were checked
        session.execute(
            update(Article)
            .where(Article.id == far.id)
            .values(status="scheduled", scheduled_at=datetime(9999, 12, 31, 20, tzinfo=UTC))
        )

    code, out, err = run(capsys, sqlite_url, "show", str(far.id))
    assert code == 0, err
    assert "Scheduled:     9999-12-31 20:00 UTC" in out

    out_dir = tmp_path / "export"
    code, out, err = run(capsys, sqlite_url, "export-md", str(out_dir))
    assert code == 1
    assert "Traceback" not in err
    assert err.splitlines() == [
        "redaksi: not exported: Jauh sekali: its 'scheduled_at' cannot be written: "
        f"9999-12-31T20:00:00+00:00 is {OUTSIDE}. Check the year. Set another time and "
        "export again."
    ]
    assert "1 written, 0 unchanged, 1 not exported" in out
    assert [p.name for p in out_dir.rglob("*.md")] == [f"{near.slug}.md"]


def test_import_of_edge_dates_reports_each_file_and_imports_the_rest(
    sqlite_url, tmp_path: Path, capsys
):
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "baik.md").write_text("---\ntitle: Baik\n---\nIsi.\n")
    (folder / "jauh.md").write_text(
        "---\ntitle: Jauh\nstatus: scheduled\nscheduled_at: 9999-12-31T20:00:00Z\n---\nIsi.\n"
    )
    (folder / "kuno.md").write_text("---\ntitle: Kuno\ndate: 0001-01-01T00:00:00+05:00\n---\n")
    code, out, err = run(capsys, sqlite_url, "import", str(folder))
    assert code == 1
    assert "Traceback" not in err
    assert f"{folder / 'jauh.md'}:4: 'scheduled_at: 9999-12-31T20:00:00Z' is {OUTSIDE}" in err
    assert f"{folder / 'kuno.md'}:3: 'date: 0001-01-01T00:00:00+05:00' is {OUTSIDE}" in err
    assert "Imported: 1 new, 0 updated, 0 unchanged, 2 with problems." in out
