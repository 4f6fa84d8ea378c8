"""Story packages: a reporter's copy travels in a zip, the editor's import merges it as a
sync would; a damaged or changed package is refused whole with one line."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import uuid
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from editor.articles import create_article, get_article
from editor.cli import main as cli
from editor.database import Database, open_database
from editor.media.intake import check_picture
from editor.media.library import add_picture, get_media
from editor.media.refs import media_ref
from editor.models import Article
from editor.packages.layout import PackageError
from editor.packages.merge_in import import_package
from editor.packages.reader import read_package
from editor.packages.writer import export_package
from editor.people import create_person
from editor.records import ArticleDraft, PersonRecord
from editor.revisions import list_revisions
from editor.sync.tables import ArticleConflict
from editor.workflow.editing import edit_article
from tests.media.pictures import png

BODY = "Paragraf satu.\n\nParagraf dua.\n\nParagraf tiga.\n"


@dataclass
class Desk:
    newsroom: Database
    field: Database
    field_path: Path
    editor: PersonRecord
    #: The reporter as the field's own database knows her.
    reporter: PersonRecord
    story: uuid.UUID


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    """The newsroom's file, and a reporter's own file far away, which got the story in a
    package from the newsroom."""
    newsroom = open_database(f"sqlite:///{tmp_path / 'newsroom.db'}")
    author = create_person(newsroom, "Sarah Meiliana Gunawan", role="reporter")
    editor = create_person(newsroom, "Rina Editor", role="editor")
    story = create_article(
        newsroom, ArticleDraft(headline="Banjir Jakarta", body=BODY, byline_ids=(author.id,))
    )
    field_path = tmp_path / "field.db"
    field = open_database(f"sqlite:///{field_path}")
    reporter = create_person(field, "Sarah Meiliana Gunawan", role="reporter")
    outgoing = export_package(newsroom, [story.id], tmp_path / "outgoing").path
    arrived = import_package(field, outgoing, actor_id=reporter.id)
    assert [a.outcome for a in arrived.articles] == ["created"]
    return Desk(newsroom, field, field_path, editor, reporter, story.id)


def _edit(db: Database, article_id: uuid.UUID, actor: PersonRecord, **changes: str) -> None:
    record = get_article(db, article_id)
    edit_article(db, replace(record, **changes), actor_id=actor.id)


def test_an_edit_made_in_the_field_merges_with_the_newsrooms_and_is_taken_once(
    desk: Desk, tmp_path: Path
) -> None:
    _edit(desk.field, desk.story, desk.reporter, body=BODY.replace("satu.", "satu, di lokasi."))
    written = export_package(desk.field, [desk.story], tmp_path / "banjir")
    assert written.path.name == "banjir.redaksi.zip"
    # Meanwhile the editor changed the headline and another paragraph.
    _edit(
        desk.newsroom,
        desk.story,
        desk.editor,
        headline="Banjir besar di Jakarta",
        body=BODY.replace("tiga.", "tiga, disunting."),
    )

    report = import_package(desk.newsroom, written.path, actor_id=desk.editor.id)

    assert [(a.outcome, a.again) for a in report.articles] == [("merged", False)]
    merged = get_article(desk.newsroom, desk.story)
    assert merged.headline == "Banjir besar di Jakarta"
    assert merged.body == BODY.replace("satu.", "satu, di lokasi.").replace(
        "tiga.", "tiga, disunting."
    )
    assert [p.handle for p in merged.bylines] == ["sarah-meiliana-gunawan"]
    again = import_package(desk.newsroom, written.path, actor_id=desk.editor.id)
    assert [a.again for a in again.articles] == [True]
    assert get_article(desk.newsroom, desk.story).version == merged.version


def test_without_a_base_every_difference_is_kept_for_a_person_to_settle(
    desk: Desk, tmp_path: Path
) -> None:
    """A copy of the newsroom's file does not say what it was edited from: the import
    keeps both texts rather than guess."""
    copy_path = tmp_path / "copy.db"
    with sqlite3.connect(tmp_path / "newsroom.db") as src, sqlite3.connect(copy_path) as dst:
        src.backup(dst)
    copy = open_database(f"sqlite:///{copy_path}")
    _edit(copy, desk.story, desk.editor, body=BODY + "\nDari salinan.\n")
    written = export_package(copy, [desk.story], tmp_path / "salinan")
    report = import_package(desk.newsroom, written.path, actor_id=desk.editor.id)
    assert [a.outcome for a in report.articles] == ["conflict"]
    assert get_article(desk.newsroom, desk.story).body == BODY
    with desk.newsroom.transaction() as session:
        kept = session.get(ArticleConflict, desk.story)
        assert kept is not None and "Dari salinan." in json.loads(kept.mine_json)["body"]


def test_the_same_passage_changed_on_both_sides_keeps_both_texts(
    desk: Desk, tmp_path: Path
) -> None:
    _edit(desk.field, desk.story, desk.reporter, body=BODY.replace("dua.", "dua versi lapangan."))
    written = export_package(desk.field, [desk.story], tmp_path / "banjir.redaksi.zip")
    _edit(desk.newsroom, desk.story, desk.editor, body=BODY.replace("dua.", "dua versi redaksi."))

    report = import_package(desk.newsroom, written.path, actor_id=desk.editor.id)

    assert [a.outcome for a in report.articles] == ["conflict"]
    assert "dua versi redaksi." in get_article(desk.newsroom, desk.story).body
    with desk.newsroom.transaction() as session:
        kept = session.get(ArticleConflict, desk.story)
        assert kept is not None and "dua versi lapangan." in json.loads(kept.mine_json)["body"]
    kinds = [r.kind for r in list_revisions(desk.newsroom, desk.story)]
    assert "conflict" in kinds


def test_a_new_story_arrives_with_its_picture(desk: Desk, tmp_path: Path) -> None:
    picture = check_picture(png(64, 48), "banjir.png")
    add_picture(desk.field, picture, actor_id=desk.reporter.id, caption="Air setinggi lutut")
    fresh = create_article(
        desk.field,
        ArticleDraft(
            headline="Pengungsi bertambah",
            body=f"Warga mengungsi.\n\n![Banjir]({media_ref(picture.sha256)})\n",
            lead_image=media_ref(picture.sha256),
            byline_ids=(desk.reporter.id,),
        ),
    )
    written = export_package(desk.field, [fresh.id, desk.story], tmp_path / "dua")
    assert written.pictures == 1
    with zipfile.ZipFile(written.path) as archive:
        names = set(archive.namelist())
        ninjs = json.loads(archive.read(f"articles/{fresh.id}/ninjs.json"))
        markdown = archive.read(f"articles/{fresh.id}/article.md").decode()
    assert f"media/{picture.sha256}.png" in names
    assert ninjs["headlines"][0]["value"] == "Pengungsi bertambah"
    assert markdown.startswith("---\n") and "title: Pengungsi bertambah" in markdown

    report = import_package(desk.newsroom, written.path, actor_id=desk.editor.id)

    assert [a.outcome for a in report.articles] == ["created", "merged"]
    arrived = get_article(desk.newsroom, fresh.id)
    assert arrived.body == fresh.body and arrived.status == "draft"
    media = get_media(desk.newsroom, picture.sha256)
    assert media is not None and media.has_bytes and media.caption == "Air setinggi lutut"


def _rewrite(path: Path, change: dict[str, bytes | None]) -> None:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    for name, data in change.items():
        if data is None:
            files.pop(name, None)
        else:
            files[name] = data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    path.write_bytes(out.getvalue())


def _articles(db: Database) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Article)) or 0)


@pytest.mark.parametrize(
    "damage, message",
    [
        ("body", "was changed after it was made"),
        ("truncate", "damaged or cut short"),
        ("added", "holds a file named"),
        ("extra_listed", "was added after it was made"),
        ("missing", "is missing"),
        ("not_zip", "damaged or cut short"),
    ],
)
def test_a_damaged_or_changed_package_is_refused_whole(
    desk: Desk, tmp_path: Path, damage: str, message: str
) -> None:
    fresh = create_article(desk.field, ArticleDraft(headline="Baru", body="Teks.\n"))
    _edit(desk.field, desk.story, desk.reporter, body=BODY + "\nTambahan.\n")
    path = export_package(desk.field, [fresh.id, desk.story], tmp_path / "x").path
    sync_name = f"articles/{desk.story}/sync.json"
    with zipfile.ZipFile(path) as archive:
        original = archive.read(sync_name)
    if damage == "body":
        _rewrite(path, {sync_name: original.replace(b"Tambahan", b"Disusupi")})
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "added":
        _rewrite(path, {"../../etc/evil": b"x"})
    elif damage == "extra_listed":
        _rewrite(path, {f"articles/{desk.editor.id}/sync.json": b"{}"})
    elif damage == "missing":
        _rewrite(path, {f"articles/{fresh.id}/ninjs.json": None})
    else:
        path.write_bytes(b"<html>not a zip</html>")
    before = (_articles(desk.newsroom), get_article(desk.newsroom, desk.story).version)

    with pytest.raises(PackageError, match=message) as refused:
        import_package(desk.newsroom, path, actor_id=desk.editor.id)

    assert "\n" not in str(refused.value) and "Nothing was imported" in str(refused.value)
    assert (_articles(desk.newsroom), get_article(desk.newsroom, desk.story).version) == before


def test_a_changed_file_with_its_checksum_changed_too_is_still_checked(
    desk: Desk, tmp_path: Path
) -> None:
    """Checksums catch damage, not a forger; a forged picture must still be a picture
    and be the one its name says."""
    picture = check_picture(png(32, 32), "a.png")
    add_picture(desk.field, picture, actor_id=desk.reporter.id)
    fresh = create_article(
        desk.field, ArticleDraft(headline="Foto", body=f"![a]({media_ref(picture.sha256)})\n")
    )
    path = export_package(desk.field, [fresh.id], tmp_path / "foto").path
    name = f"media/{picture.sha256}.png"
    forged = b"<script>alert(1)</script>"
    with zipfile.ZipFile(path) as archive:
        sums = archive.read("checksums.sha256").decode()
    good = hashlib.sha256(png(32, 32)).hexdigest()
    sums = sums.replace(good, hashlib.sha256(forged).hexdigest())
    _rewrite(path, {name: forged, "checksums.sha256": sums.encode()})
    with pytest.raises(PackageError, match="Nothing was imported"):
        read_package(path)


def test_package_commands_export_import_and_refuse_in_one_line(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(desk.field, desk.story, desk.reporter, body=BODY + "\nDari lapangan.\n")
    desk.field.close()
    target = tmp_path / "story.redaksi.zip"
    field_url = f"sqlite:///{desk.field_path}"
    assert (
        cli(["package", "export", str(desk.story)[:8], "-o", str(target), "--db", field_url]) == 0
    )
    assert "wrote" in capsys.readouterr().out and target.exists()
    newsroom_url = str(desk.newsroom.url)
    desk.newsroom.close()

    assert cli(["package", "import", str(target), "--as", "rina-editor", "--db", newsroom_url]) == 0
    assert "Banjir Jakarta: merged" in capsys.readouterr().out
    assert "Dari lapangan." in get_article(open_database(newsroom_url), desk.story).body

    target.write_bytes(target.read_bytes()[:-200])
    assert cli(["package", "import", str(target), "--as", "rina-editor", "--db", newsroom_url]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "story.redaksi.zip is not an intact story package" in err
