"""Importing a WordPress export (WXR): posts, their metadata and images; hostile files."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from editor.articles import get_article
from editor.cli import main
from editor.database import Database
from editor.listing import list_articles
from editor.media.library import get_media, search_media
from editor.media.refs import media_ref
from editor.models import Article
from editor.people import create_person, list_people
from editor.records import ArticleQuery
from editor.revisions import list_revisions
from editor.sections import list_sections
from editor.wordpress.importer import import_wordpress

FIXTURE = Path(__file__).parent.parent / "fixtures" / "import" / "wordpress"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "wordpress"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def admin_id(db: Database):
    return create_person(db, "Admin Redaksi", role="admin").id


def ref_of(db: Database, path: Path) -> str:
    """The library reference of the picture file at ``path``."""
    return media_ref(hashlib.sha256(path.read_bytes()).hexdigest())


def by_title(db: Database, report) -> dict:
    return {f.headline: get_article(db, f.article_id) for f in report.created + report.updated}


def test_posts_become_articles_with_their_metadata_and_images(
    db: Database, admin_id, site: Path, tmp_path: Path
) -> None:
    report = import_wordpress(db, site / "kabar.xml", actor_id=admin_id, uploads=site / "uploads")
    spbu = ref_of(db, site / "uploads/2023/05/spbu-cikini.jpg")
    tps = ref_of(db, site / "uploads/2023/05/tps.jpg")

    assert report.problems == []
    assert len(report.created) == 3
    articles = by_title(db, report)
    bbm = articles["Harga BBM Naik, Antrean Mengular di SPBU"]
    assert (bbm.status, bbm.published_at) == ("published", datetime(2023, 5, 4, 0, 56, tzinfo=UTC))
    assert bbm.modified_at == datetime(2023, 5, 4, 2, 10, tzinfo=UTC)  # post_modified_gmt
    assert bbm.slug == "harga-bbm-naik"
    assert bbm.section_path == "berita/ekonomi"
    assert bbm.tags == ("BBM", "C++")
    assert bbm.lead == "Harga pertalite naik menjadi Rp 10.000 per liter mulai hari ini."
    assert [(p.name, p.handle) for p in bbm.bylines] == [("Sarah Meiliana Gunawan", "sarah")]
    assert (bbm.lead_image, bbm.lead_image_caption, bbm.lead_image_credit) == (
        spbu,
        "Antrean kendaraan di SPBU Cikini, Jakarta.",
        "Antara/Hafidz",
    )
    # [caption] is a figure with its credit line; a lone YouTube address an embed; the
    # unknown shortcode is kept visibly.
    assert (
        f"![Antrean di SPBU]({spbu})\nAntrean kendaraan di SPBU Cikini.\nFoto: Antara/Hafidz\n"
    ) in bbm.body
    assert "\nhttps://www.youtube.com/watch?v=hjD9jTi_DQ4\n" in bbm.body
    assert "## Subsidi dialihkan" in bbm.body and "- Bantuan langsung tunai" in bbm.body
    assert '[contact-form-7 id="5" title="Kontak redaksi"]' in bbm.body
    assert "<strong>" not in bbm.body and "**menaikkan**" in bbm.body

    draft = articles["Rencana Liputan Pemilu"]
    assert (draft.status, draft.published_at, draft.section_path) == ("draft", None, "berita")
    assert [p.name for p in draft.bylines] == ["Tomáš Šedovič"]
    assert f"![]({tps})\nPetugas menyiapkan TPS." in draft.body  # [gallery]
    assert "\nhttps://twitter.com/kpu_ri/status/1650000000000000000\n" in draft.body  # [embed]
    future = articles["Jadwal Debat Capres Diumumkan"]
    assert (future.status, future.scheduled_at) == (
        "scheduled",
        datetime(2030, 1, 2, 1, 0, tzinfo=UTC),
    )

    # Categories keep their hierarchy, names and WordPress slugs.
    assert {s.path: s.name for s in list_sections(db)} == {
        "berita": "Berita",
        "berita/ekonomi": "Ekonomi & Bisnis",
    }
    assert report.sections_created == ["berita", "berita/ekonomi"]
    # Pictures came from the uploads folder into the media library, described as the
    # attachments are; the missing one is listed.
    picture = get_media(db, spbu)
    assert picture is not None
    assert (picture.caption, picture.credit) == (
        "Antrean kendaraan di SPBU Cikini, Jakarta.",
        "Antara/Hafidz",
    )
    assert len(search_media(db)) == 2
    notes = "\n".join(report.notes)
    assert "grafik-hilang.png" in notes and "[contact-form-7] ×1" in notes
    assert "1 page" in notes and "2 attachment" in notes
    # The old address is kept for a redirect.
    with db.transaction() as session:
        kept = session.scalar(select(Article.kept_fields).where(Article.id == bbm.id))
    assert json.loads(kept) == {"aliases": ["/2023/05/04/harga-bbm-naik/"]}
    assert [r.kind for r in list_revisions(db, bbm.id)] == ["import"]


def test_importing_the_export_again_updates_only_what_changed(
    db: Database, admin_id, site: Path, tmp_path: Path
) -> None:
    export = site / "kabar.xml"
    first = import_wordpress(db, export, actor_id=admin_id)
    assert len(first.created) == 3
    assert any("--uploads" in note for note in first.notes)  # images stay remote

    again = import_wordpress(db, export, actor_id=admin_id)
    assert (len(again.unchanged), again.created, again.updated) == (3, [], [])

    text = export.read_text("utf-8").replace(
        "KPU mengumumkan jadwal debat.", "KPU mengumumkan jadwal dan tempat debat."
    )
    export.write_text(text, "utf-8")
    third = import_wordpress(db, export, actor_id=admin_id)
    assert [f.headline for f in third.updated] == ["Jadwal Debat Capres Diumumkan"]
    assert len(third.unchanged) == 2
    assert len(list_articles(db, ArticleQuery(include_trashed=True)).items) == 3
    assert sorted(p.handle for p in list_people(db)) == ["admin-redaksi", "sarah", "tomas"]


def test_an_editor_may_not_create_sections_and_is_told_to_map_them(
    db: Database, site: Path
) -> None:
    editor = create_person(db, "Redaktur", role="editor")
    report = import_wordpress(db, site / "kabar.xml", actor_id=editor.id)
    assert report.created == []
    assert len(report.problems) == 3
    assert all("--map-section" in p.reason for p in report.problems)

    mapped = import_wordpress(
        db,
        site / "kabar.xml",
        actor_id=editor.id,
        section_map={"ekonomi": "berita", "berita": "berita"},
    )
    # Still nothing to map onto: the newsroom has no 'berita' yet.
    assert mapped.created == [] and len(mapped.problems) == 3


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&f;</title>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY rahasia SYSTEM "file://{secret}"> ]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>Bocor &rahasia;</title>
<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>draft</wp:status>
</item></channel></rss>
"""


@pytest.mark.parametrize("kind", ["bomb", "xxe"])
def test_entity_bombs_and_external_entities_are_refused_in_one_line(
    sqlite_db: Database, tmp_path: Path, kind: str
) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kata sandi server", "utf-8")
    export = tmp_path / "serangan.xml"
    export.write_text(BOMB if kind == "bomb" else XXE.format(secret=secret), "utf-8")

    started = time.monotonic()
    report = import_wordpress(sqlite_db, export)

    assert time.monotonic() - started < 5
    [problem] = report.problems
    assert "DTD" in problem.reason and "\n" not in problem.reason
    assert report.created == []
    assert list_articles(sqlite_db, ArticleQuery(include_trashed=True)).total == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<rss><channel><item><title>Putus", "not well-formed XML (line 1)"),
        ("<html><body>bukan ekspor</body></html>", "not a WordPress export"),
        ("", "not well-formed XML"),
    ],
)
def test_broken_and_foreign_files_get_one_line(
    sqlite_db: Database, tmp_path: Path, content: str, expected: str
) -> None:
    export = tmp_path / "rusak.xml"
    export.write_text(content, "utf-8")
    [problem] = import_wordpress(sqlite_db, export).problems
    assert expected in problem.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_like_an_export_is_refused_without_blocking(
    sqlite_db: Database, tmp_path: Path
) -> None:
    fifo = tmp_path / "ekspor.xml"
    os.mkfifo(fifo)
    [problem] = import_wordpress(sqlite_db, fifo).problems
    assert "named pipe" in problem.reason


def test_an_upload_link_leading_out_of_the_uploads_folder_is_not_copied(
    sqlite_db: Database, site: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "rahasia.jpg"
    secret.write_bytes(b"bukan gambar")
    (site / "uploads/2023/05/tps.jpg").unlink()
    (site / "uploads/2023/05/tps.jpg").symlink_to(secret)
    report = import_wordpress(sqlite_db, site / "kabar.xml", uploads=site / "uploads")
    assert report.problems == []
    assert len(search_media(sqlite_db)) == 1  # only the real picture inside the folder
    assert any("tps.jpg" in note and "outside" in note for note in report.notes)


def test_the_command_line_imports_an_export_with_its_images(
    sqlite_url: str, site: Path, tmp_path: Path, capsys
) -> None:
    assert main(["--db", sqlite_url, "people", "add", "Admin Situs", "--role", "admin"]) == 0
    capsys.readouterr()
    argv = ["--db", sqlite_url, "import", str(site / "kabar.xml"), "--as", "admin-situs"]
    code = main([*argv, "--uploads", str(site / "uploads")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "  + Harga BBM Naik, Antrean Mengular di SPBU" in out and "kept: aliases" in out
    assert "New sections: berita, berita/ekonomi." in out
    assert "grafik-hilang.png" in out
    assert out.rstrip().endswith("Imported: 3 new, 0 updated, 0 unchanged.")
    code = main(["--db", sqlite_url, "media", "list"])
    assert code == 0 and "spbu-cikini.jpg" in capsys.readouterr().out


def test_an_unreadable_last_edit_is_named_in_the_report_and_the_post_date_stands(
    db: Database, admin_id, site: Path
) -> None:
    export = site / "kabar.xml"
    export.write_text(
        export.read_text("utf-8").replace(
            "<wp:post_modified_gmt><![CDATA[2023-05-04 02:10:00]]>",
            "<wp:post_modified_gmt><![CDATA[kemarin sore]]>",
        ),
        "utf-8",
    )
    report = import_wordpress(db, export, actor_id=admin_id)

    assert report.problems == []
    (bbm,) = [f for f in report.created if f.headline.startswith("Harga BBM")]
    assert [r for r in bbm.remarks if "post_modified_gmt" in r] == [
        "'post_modified_gmt: kemarin sore' is not a date. "
        "The post's date stands as its updated time."
    ]
    article = get_article(db, bbm.article_id)
    assert article.modified_at == article.published_at == datetime(2023, 5, 4, 0, 56, tzinfo=UTC)
