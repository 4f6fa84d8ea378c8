"""Commands that once acted as nobody: ``demo``, ``import``, ``publish --now``, and signing
in. Each acts as a person (or only where nobody exists to name), obeys their role, and
leaves its trace in the audit log, refusals and failed sign-ins included."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from editor.articles import create_article, get_article
from editor.cli import main
from editor.database import open_database
from editor.errors import ValidationError
from editor.listing import list_articles
from editor.people import create_person, list_people
from editor.records import ArticleDraft, ArticleQuery
from editor.revisions import list_revisions
from editor.workflow import passwords
from editor.workflow.audit import audit_log
from editor.workflow.passwords import set_password
from editor.workflow.scheduler import publish_due
from editor.workflow.transitions import change_status
from tests.core.test_workflow_support import T0, force_status, make_newsroom, ready_story

SECRET = "kopi tubruk pagi"


@pytest.fixture
def newsroom(sqlite_url):
    db = open_database(sqlite_url)
    room = make_newsroom(db)
    yield db, room
    db.close()


@pytest.fixture
def cheap_kdf(monkeypatch):
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)


def run(capsys, url, *argv):
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def article_count(db) -> int:
    return list_articles(db, ArticleQuery(include_trashed=True)).total


# --- demo ------------------------------------------------------------------------------


def test_demo_refuses_a_newsroom_that_has_people_and_adds_nothing(newsroom, sqlite_url, capsys):
    db, room = newsroom
    story = ready_story(db, room)
    people = list_people(db)

    code, out, err = run(capsys, sqlite_url, "demo")

    assert code == 1 and out == ""
    assert "already has people or articles" in err and "Traceback" not in err
    assert list_people(db) == people
    assert article_count(db) == 1 and get_article(db, story.id).version == story.version
    # The demo's passwordless editors are not there to act as.
    code, _, err = run(
        capsys, sqlite_url, "status", str(story.id), "--to", "submitted", "--as", "hendra-wijaya"
    )
    assert code == 1 and "Unknown person 'hendra-wijaya'" in err


def test_demo_fills_an_empty_newsroom_audited_and_reruns_on_its_own(sqlite_url, capsys):
    code, out, err = run(capsys, sqlite_url, "demo")
    assert code == 0, err
    code, out, _ = run(capsys, sqlite_url, "audit", "--json", "--limit", "100")
    entries = [e for e in json.loads(out) if e["action"] == "demo"]
    published = [e for e in entries if e["to_status"] == "published"]
    assert len(published) == 18
    assert {e["actor"] for e in entries} == {"system"}
    assert any("people" in e["note"] and "Hendra Wijaya" in e["note"] for e in entries)
    # The newsroom the demo made takes the demo again (and adds nothing).
    code, out, err = run(capsys, sqlite_url, "demo")
    assert code == 0, err and "nothing was added" in out


# --- import ----------------------------------------------------------------------------


def defaced(folder: Path, article_id: object, *, status: str = "published") -> Path:
    path = folder / "x.md"
    path.write_text(
        f"---\nid: {article_id}\ntitle: DEFACED\nstatus: {status}\n---\nDEFACED\n",
        encoding="utf-8",
    )
    return path


def test_import_without_anyone_named_is_refused_once_the_newsroom_has_people(
    newsroom, sqlite_url, capsys, tmp_path
):
    db, room = newsroom
    story = ready_story(db, room)
    path = defaced(tmp_path, story.id)

    code, _, err = run(capsys, sqlite_url, "import", str(path))

    assert code == 1 and "Say who imports" in err and "--as PERSON" in err
    assert get_article(db, story.id) == story
    entry = audit_log(db)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("import", "refused", "system")


@pytest.mark.parametrize(
    ("who", "why"),
    [
        ("budi-santoso", "may not edit other people's articles"),
        ("sarah-meiliana-gunawan", "may not publish articles"),
    ],
)
def test_a_reporter_cannot_overwrite_or_publish_by_import(
    newsroom, sqlite_url, capsys, tmp_path, who, why
):
    db, room = newsroom
    story = ready_story(db, room)  # Sarah's draft
    path = defaced(tmp_path, story.id)

    code, out, err = run(capsys, sqlite_url, "import", str(path), "--as", who)

    assert code == 1 and why in err
    assert "0 new, 0 updated, 0 unchanged, 1 with problems" in out
    stored = get_article(db, story.id)
    assert (stored.headline, stored.status, stored.version) == (
        story.headline,
        "draft",
        story.version,
    )
    entry = audit_log(db, story.id)[0]
    assert (entry.action, entry.outcome, entry.to_status) == ("import", "refused", "published")
    assert why in entry.note


def test_an_editors_import_keeps_the_byline_and_is_audited(newsroom, sqlite_url, capsys, tmp_path):
    db, room = newsroom
    story = ready_story(db, room)
    path = defaced(tmp_path, story.id)

    code, _, err = run(capsys, sqlite_url, "import", str(path), "--as", "rina-editor")

    assert code == 0, err
    stored = get_article(db, story.id)
    assert (stored.headline, stored.status) == ("DEFACED", "published")
    assert [p.name for p in stored.bylines] == ["Sarah Meiliana Gunawan"]  # file names nobody
    entry = audit_log(db, story.id)[0]
    assert (entry.actor, entry.action, entry.outcome) == ("Rina Editor", "import", "done")
    assert (entry.from_status, entry.to_status) == ("draft", "published")
    # What was there before is in a revision, and the revision says who imported.
    revisions = list_revisions(db, story.id)
    assert revisions[0].author == "Rina Editor" and revisions[0].headline == "DEFACED"
    assert any(r.headline == story.headline for r in revisions)


def test_a_reporter_imports_their_own_draft_and_new_articles_under_their_name(
    newsroom, sqlite_url, capsys, tmp_path
):
    db, room = newsroom
    story = ready_story(db, room)
    own = defaced(tmp_path, story.id, status="draft")
    fresh = tmp_path / "baru.md"
    fresh.write_text("---\ntitle: Berita Baru\n---\nIsi.\n", encoding="utf-8")

    code, out, err = run(
        capsys, sqlite_url, "import", str(own), str(fresh), "--as", "sarah-meiliana-gunawan"
    )

    assert code == 0, err
    assert "1 new, 1 updated" in out
    assert get_article(db, story.id).headline == "DEFACED"
    [new] = [i for i in list_articles(db, ArticleQuery()).items if i.headline == "Berita Baru"]
    stored = get_article(db, new.id)
    # Hers, and a draft: a file that states no status is not published by a reporter.
    assert [p.name for p in stored.bylines] == ["Sarah Meiliana Gunawan"]
    assert stored.status == "draft"
    assert {e.actor for e in audit_log(db) if e.action == "import"} == {"Sarah Meiliana Gunawan"}


def test_a_reporter_cannot_add_people_through_a_byline(newsroom, sqlite_url, capsys, tmp_path):
    db, _ = newsroom
    path = tmp_path / "tamu.md"
    path.write_text("---\ntitle: Tamu\nstatus: draft\nauthor: Orang Asing\n---\nIsi.\n")
    people = list_people(db)

    code, _, err = run(capsys, sqlite_url, "import", str(path), "--as", "budi-santoso")

    assert code == 1 and "names Orang Asing, who is not in this newsroom" in err
    assert list_people(db) == people and article_count(db) == 0


def test_import_leaves_an_article_someone_is_editing(newsroom, sqlite_url, capsys, tmp_path):
    from editor.workflow.locks import acquire_lock

    db, room = newsroom
    story = ready_story(db, room)
    acquire_lock(db, story.id, holder_id=room.reporter.id, session_id="sarah-laptop")
    path = defaced(tmp_path, story.id, status="draft")

    code, _, err = run(capsys, sqlite_url, "import", str(path), "--as", "rina-editor")

    assert code == 1 and "being edited by Sarah Meiliana Gunawan" in err
    assert get_article(db, story.id).headline == story.headline


# --- publish --now ---------------------------------------------------------------------


@pytest.fixture
def timed_stories(newsroom):
    """A published story, an embargoed one, and one scheduled an hour from now."""
    db, room = newsroom
    now = datetime.now(UTC).replace(microsecond=0)
    public = ready_story(db, room, headline="Berita Terbuka")
    force_status(db, public, "published")
    embargoed = create_article(
        db,
        ArticleDraft(
            headline="Berita Embargo",
            body="Isi.",
            section_id=room.section.id,
            status="published",
            published_at=now - timedelta(hours=1),
            embargo_until=now + timedelta(days=1),
        ),
    )
    scheduled = ready_story(db, room, headline="Berita Terjadwal")
    force_status(db, scheduled, "approved")
    change_status(
        db,
        scheduled.id,
        "scheduled",
        actor_id=room.editor.id,
        now=T0,
        scheduled_at=now + timedelta(hours=1),
    )
    return db, embargoed, scheduled


def site_text(folder: Path) -> str:
    """Every file of the site as text (its pictures too, the odd byte replaced)."""
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()
    )


def test_a_clock_set_ahead_changes_nothing_and_reveals_nothing(
    timed_stories, sqlite_url, capsys, tmp_path
):
    db, _, scheduled = timed_stories
    before = audit_log(db)
    site = tmp_path / "site"

    code, out, err = run(
        capsys, sqlite_url, "publish", "--out", str(site), "--now", "2099-01-01T00:00Z"
    )
    assert code == 1 and out == "" and "has not come yet" in err
    code, out, err = run(
        capsys, sqlite_url, "publish", "--due", "--out", str(site), "--now", "2099-01-01T00:00Z"
    )
    assert code == 1 and out == "" and "does not take --now" in err

    assert not site.exists()
    assert get_article(db, scheduled.id).status == "scheduled"
    assert audit_log(db) == before
    with pytest.raises(ValidationError, match="real clock"):
        publish_due(db, now=datetime(2099, 1, 1, tzinfo=UTC))
    assert get_article(db, scheduled.id).status == "scheduled"

    code, _, err = run(capsys, sqlite_url, "publish", "--out", str(site))
    assert code == 0, err
    text = site_text(site)
    assert "Berita Terbuka" in text
    assert "Berita Embargo" not in text and "Berita Terjadwal" not in text


def test_a_clock_set_back_rebuilds_without_running_the_scheduler(
    timed_stories, sqlite_url, capsys, tmp_path
):
    db, _, scheduled = timed_stories
    force_status(db, scheduled, "scheduled")  # due since T0 + 4 h, long past
    earlier = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()

    code, _, err = run(
        capsys, sqlite_url, "publish", "--out", str(tmp_path / "s"), "--now", earlier
    )

    assert code == 0, err
    assert get_article(db, scheduled.id).status == "scheduled"
    assert "Berita Terjadwal" not in site_text(tmp_path / "s")


# --- signing in ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["salah sekali", ""])
def test_a_wrong_or_empty_password_is_refused_and_audited(
    newsroom, sqlite_url, capsys, monkeypatch, cheap_kdf, typed
):
    db, room = newsroom
    set_password(db, room.editor.id, SECRET)
    story = ready_story(db, room)
    monkeypatch.setenv("REDAKSI_PASSWORD", typed)

    code, _, err = run(
        capsys, sqlite_url, "status", str(story.id), "--to", "in_review", "--as", "rina-editor"
    )

    assert code == 1 and "Wrong handle or password" in err
    entry = audit_log(db)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("sign_in", "refused", "Rina Editor")
    why = "wrong password" if typed else "empty password"
    assert why in entry.note and "command line" in entry.note
    assert typed == "" or typed not in entry.note  # the password itself is never kept


def test_in_a_newsroom_that_signs_in_nobody_acts_as_someone_without_a_password(
    newsroom, sqlite_url, capsys, monkeypatch, cheap_kdf
):
    db, room = newsroom
    set_password(db, room.admin.id, SECRET)
    story = ready_story(db, room)

    code, _, err = run(
        capsys,
        sqlite_url,
        "status",
        str(story.id),
        "--to",
        "submitted",
        "--as",
        "sarah-meiliana-gunawan",
    )
    assert code == 1 and "has no password" in err
    assert get_article(db, story.id).status == "draft"
    assert audit_log(db)[0].action == "sign_in"
    # Nor can anyone claim her by setting her first password.
    monkeypatch.setenv("REDAKSI_NEW_PASSWORD", "sandi milik orang lain")
    code, _, err = run(capsys, sqlite_url, "passwd", "sarah-meiliana-gunawan")
    assert code == 1 and "add --as PERSON" in err
    assert not passwords.has_password(db, room.reporter.id)


# --- views import ----------------------------------------------------------------------


def page_views_csv(tmp_path: Path, article_id, views: int) -> Path:
    data = tmp_path / "views.csv"
    data.write_text(f"article,hour,views\n{article_id},2026-01-11T04:00:00Z,{views}\n")
    return data


def test_page_views_are_imported_only_by_a_named_editor_and_audited(
    newsroom, sqlite_url, capsys, tmp_path
):
    db, room = newsroom
    story = ready_story(db, room)
    data = page_views_csv(tmp_path, story.id, 100000)

    code, _, err = run(capsys, sqlite_url, "views", "import", str(data))
    assert code == 1 and "Say who imports the page views" in err
    code, _, err = run(
        capsys, sqlite_url, "views", "import", str(data), "--as", "sarah-meiliana-gunawan"
    )
    assert code == 1 and "may not import page views" in err
    refused = [(e.action, e.outcome, e.actor) for e in audit_log(db)[:2]]
    assert refused == [
        ("import_views", "refused", "Sarah Meiliana Gunawan"),
        ("import_views", "refused", "system"),
    ]
    assert "0 views" not in err and article_views(db) == 0

    code, out, _ = run(capsys, sqlite_url, "views", "import", str(data), "--as", "rina-editor")
    assert code == 0 and "100000 views counted" in out
    entry = audit_log(db)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("import_views", "done", "Rina Editor")
    assert "100000 views counted" in entry.note
    assert article_views(db) == 100000


def test_a_newsroom_without_people_imports_page_views_from_no_one(sqlite_url, capsys, tmp_path):
    db = open_database(sqlite_url)
    story = create_article(db, ArticleDraft(headline="Banjir", status="published", published_at=T0))
    code, out, _ = run(
        capsys, sqlite_url, "views", "import", str(page_views_csv(tmp_path, story.id, 7))
    )
    assert code == 0 and "7 views counted" in out
    assert audit_log(db)[0].action == "import_views"
    db.close()


def article_views(db) -> int:
    from sqlalchemy import func, select

    from editor.models import PageView

    with db.transaction() as session:
        return session.scalar(select(func.coalesce(func.sum(PageView.views), 0)))


# --- people and sections before the newsroom has an admin ---------------------------------


def test_once_people_sign_in_nobody_unnamed_makes_an_admin(
    sqlite_url, capsys, monkeypatch, cheap_kdf
):
    db = open_database(sqlite_url)
    sarah = create_person(db, "Sarah Meiliana Gunawan", handle="sarah")
    rina = create_person(db, "Rina Editor", role="editor", handle="rina")
    set_password(db, sarah.id, SECRET, actor_id=sarah.id)
    set_password(db, rina.id, SECRET, actor_id=rina.id)

    for argv in (("people", "add", "Mallory", "--role", "admin"), ("sections", "add", "Iklan")):
        code, _, err = run(capsys, sqlite_url, *argv)
        assert code == 1 and "a change from no one could come from anyone" in err
    monkeypatch.setenv("REDAKSI_PASSWORD", SECRET)
    code, _, err = run(
        capsys, sqlite_url, "people", "add", "Mallory", "--role", "admin", "--as", "sarah"
    )
    assert code == 1 and "may not manage people" in err
    assert [p.handle for p in list_people(db)] == ["rina", "sarah"]
    outcomes = [(e.action, e.outcome, e.actor) for e in audit_log(db)[:3]]
    assert outcomes == [
        ("manage_people", "refused", "Sarah Meiliana Gunawan"),
        ("manage_sections", "refused", "system"),
        ("manage_people", "refused", "system"),
    ]

    # Until there is an admin, the newsroom's editors hold its keys.
    code, _, err = run(
        capsys, sqlite_url, "people", "add", "Adi Admin", "--role", "admin", "--as", "rina"
    )
    assert code == 0, err
    entry = audit_log(db)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("manage_people", "done", "Rina Editor")
    db.close()
