"""The demo newsroom: the sample page's article and lists, on both backends, loaded once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from editor.articles import find_by_source_key, get_article
from editor.database import Database
from editor.demo import DEMO_MARK, load_demo, source_key
from editor.listing import list_articles
from editor.media.library import get_media, search_media
from editor.people import list_people
from editor.records import ArticleQuery
from editor.sections import find_section, list_sections

NATO_HEADLINE = "Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang"
# The sample page's paragraphs, copied from it.
NATO_PARAGRAPHS = [
    "Pakta Pertahanan Atlantik Utara (NATO) berencana melebarkan sayapnya dengan membuka "
    "kantor penghubung di Jepang. Kantor pertama NATO di Asia ini ditujukan untuk "
    "memfasilitasi konsultasi di kawasan Indo-Pasifik.",
    "Rencana pembukaan kantor tersebut diungkap dalam laporan Nikkei Asia pada Rabu (3/5) "
    "dengan mengutip pejabat Jepang dan NATO.",
    "Disebutkan, kantor penghubung akan memungkinkan diskusi dengan mitra keamanan NATO, "
    "seperti Korea Selatan, Australia dan Selandia Baru, dengan mempertimbangkan tantangan "
    "geopolitik dari China dan Rusia.",
    "Menurut Nikke Asia, kantor tersebut akan dibuka di Tokyo pada tahun depan. Adapun "
    "rincian mengenai apakah Jepang akan menyediakan ruang atau NATO akan mendanainya sedang "
    "dalam negosiasi.",
    "NATO sendiri memiliki kantor penghubung serupa di New York, Wina, Ukraina, dan tempat lain.",
    "Pada Januari tahun ini, Kepala NATO Jens Stoltenberg mengunjungi Jepang dan berjanji "
    "kepada Perdana Menteri Fumio Kishida untuk memperkuat hubungan dalam menghadapi tantangan "
    "keamanan bersejarah, mengutip invasi Rusia ke Ukraina dan meningkatnya kekuatan militer "
    "China.",
    "Jepang dan NATO berusaha untuk memperdalam kerja sama dalam ancaman dunia maya, teknologi "
    "yang mengganggu, dan disinformasi, yang bertujuan untuk menandatangani program kemitraan "
    "yang disesuaikan secara individual sebelum pertemuan puncak NATO pada bulan Juli mendatang.",
]
WIB = timedelta(hours=7)
# Every headline of the sample's Populer and UPDATE lists, with the WIB time shown beside it.
SAMPLE_LISTS = [
    ("Kolaborasi dengan Turki", "2026-01-11 04:59"),
    (
        "KPK Panggil Sekretaris Camat hingga Direktur Perusahaan dalam Kasus OTT Bupati Bekasi",
        "2026-01-14 12:09",
    ),
    ("Ijazah Asli Kehutanan UGM", "2026-01-14 05:09"),
    ("Menanti Nyali KPK Panggil Jokowi di Kasus Kuota Haji", "2026-01-11 08:46"),
    ("Taktik Pecah Belah Jokowi Tak akan Berhasil", "2026-01-10 06:39"),
    ("Pendukung Jokowi Kaget Dipolisikan Demokrat", "2026-01-07 13:00"),
    ("Penculikan Maduro Libatkan 32 Pesawat Buatan Indonesia", "2026-01-06 13:15"),
    ("Tembok Pertahanan Persib Kunci Sukses Juara Paruh Musim", "2026-01-17 03:36"),
    ("Tabur Bunga Dharma Samudera", "2026-01-17 03:19"),
    ("Realisasi Investasi DKI Tembus Rp270,9 Triliun Sepanjang 2025", "2026-01-17 02:59"),
    ("Pemerintah Tidak Perlu Dibela", "2026-01-17 02:40"),
    ("SP3 Eggi Sudjana Banjir Komentar Nyinyir Warganet", "2026-01-17 02:12"),
    ("TNI AL Bentuk X Point UMKM Genjot Ekonomi Masyarakat", "2026-01-17 01:49"),
    (
        "Perkara Ijazah Palsu Jokowi jadi Laboratorium Nasional di Bidang Hukum",
        "2026-01-17 01:27",
    ),
    ("Trump Resmikan Dewan Perdamaian Gaza Bergaya Kolonial", "2026-01-17 01:01"),
    ("TNI Boleh Urus Terorisme sebagai Kelanjutan Polri", "2026-01-17 00:45"),
    ("Politikus PKB Minta Jangan Ada Paranoid soal Pilkada Via DPRD", "2026-01-17 00:20"),
]
NOW = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


def wib_to_utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC) - WIB


def all_articles(db: Database) -> list:
    return list(list_articles(db, ArticleQuery(limit=1000, include_trashed=True)).items)


def test_the_nato_article_is_the_sample_page(db: Database):
    load_demo(db, now=NOW)
    article = find_by_source_key(db, source_key(NATO_HEADLINE))
    assert article is not None
    assert article.headline == NATO_HEADLINE
    assert [person.name for person in article.bylines] == ["Sarah Meiliana Gunawan"]
    assert article.published_at == datetime(2023, 5, 4, 0, 56, tzinfo=UTC)
    assert article.status == "published"
    assert article.lead_image_caption == "Ilustrasi: mawar kompas, lambang NATO"
    assert article.lead_image_credit == "Redaksi"
    picture = get_media(db, article.lead_image)
    assert picture is not None and picture.has_bytes
    assert (picture.width, picture.height, picture.license) == (1600, 900, "CC0")
    assert article.body.split("\n\n") == NATO_PARAGRAPHS
    assert article.section_name == "Dunia"
    assert article.section_path == "berita/dunia"
    dunia = find_section(db, "berita/dunia")
    assert dunia.parent_id == find_section(db, "berita").id


def test_every_populer_and_update_headline_is_published_at_the_sample_time(db: Database):
    load_demo(db, now=NOW)
    by_headline = {a.headline: a for a in all_articles(db)}
    for headline, shown in SAMPLE_LISTS:
        summary = by_headline.get(headline)
        assert summary is not None, headline
        assert summary.status == "published", headline
        assert summary.published_at == wib_to_utc(shown), headline
        article = get_article(db, summary.id)
        assert article.body.startswith(DEMO_MARK + "\n"), headline
        assert article.section_path.startswith("berita/"), headline
        assert article.bylines, headline


def test_the_sections_and_people(db: Database):
    load_demo(db, now=NOW)
    paths = [s.path for s in list_sections(db)]
    assert paths[0] == "berita"
    assert sorted(paths[1:]) == sorted(
        f"berita/{name}"
        for name in (
            "dunia",
            "politik",
            "hukum",
            "ekonomi",
            "olahraga",
            "nusantara",
            "metropolitan",
        )
    )
    people = {p.name: p.role for p in list_people(db)}
    assert people["Sarah Meiliana Gunawan"] == "reporter"
    assert sum(role == "reporter" for role in people.values()) >= 3
    assert sum(role == "editor" for role in people.values()) >= 2


def test_unpublished_work_in_every_stage(db: Database):
    load_demo(db, now=NOW)
    articles = all_articles(db)
    statuses = {a.status for a in articles}
    assert {"draft", "submitted", "in_review", "sent_back", "approved", "scheduled"} <= statuses
    for summary in articles:
        if summary.status not in ("published", "corrected"):
            assert summary.published_at is None, summary.headline
    scheduled = [get_article(db, a.id) for a in articles if a.status == "scheduled"]
    assert scheduled
    for article in scheduled:
        assert article.scheduled_at is not None
        assert NOW < article.scheduled_at <= NOW + timedelta(days=2)
    draft = next(get_article(db, a.id) for a in articles if a.status == "draft")
    assert draft.body.startswith(DEMO_MARK)


def test_loading_twice_adds_and_changes_nothing(db: Database):
    first = load_demo(db, now=NOW)
    assert first.created_anything
    assert len(first.articles) == len(all_articles(db)) == 1 + len(SAMPLE_LISTS) + 6
    pictures = search_media(db)
    assert len(pictures) == 14
    before = [(a.id, a.version, a.updated_at) for a in all_articles(db)]
    sections, people = list_sections(db), list_people(db)

    second = load_demo(db, now=NOW + timedelta(days=30))

    assert not second.created_anything
    assert second.existing_articles == len(before)
    assert [(a.id, a.version, a.updated_at) for a in all_articles(db)] == before
    assert list_sections(db) == sections
    assert list_people(db) == people
    assert search_media(db) == pictures
    assert "nothing was added" in second.lines()[0]


def test_sections_preset_by_it_are_extended_not_duplicated(sqlite_db: Database):
    from editor.sections import create_section

    berita = create_section(sqlite_db, "Berita")
    create_section(sqlite_db, "Dunia", parent_id=berita.id)
    report = load_demo(sqlite_db, now=NOW)
    assert "berita" not in report.sections
    assert "berita/dunia" not in report.sections
    assert "berita/politik" in report.sections
    assert [s.path for s in list_sections(sqlite_db)].count("berita/dunia") == 1


@pytest.mark.parametrize("missing", [NATO_HEADLINE, "Tabur Bunga Dharma Samudera"])
def test_a_deleted_demo_article_is_the_only_thing_a_reload_adds(sqlite_db: Database, missing):
    from sqlalchemy import delete

    from editor.models import Article

    load_demo(sqlite_db, now=NOW)
    with sqlite_db.transaction() as session:
        session.execute(delete(Article).where(Article.source_key == source_key(missing)))
    report = load_demo(sqlite_db, now=NOW)
    assert report.sections == [] and report.people == []
    assert [line.split(" [")[0] for line in report.articles] == [missing]


def test_populer_ranks_as_on_the_sample_and_a_reload_counts_nothing_twice(db: Database):
    from editor.rankings import popular

    load_demo(db, now=NOW)
    sample_populer = [headline for headline, _ in SAMPLE_LISTS[:7]]
    ranked = popular(db, now=NOW, limit=10)
    assert [item.headline for item in ranked] == sample_populer
    first_counts = [item.views for item in ranked]
    assert first_counts == sorted(first_counts, reverse=True)
    load_demo(db, now=NOW + timedelta(hours=3))
    assert [item.views for item in popular(db, now=NOW, limit=10)] == first_counts


def test_a_demo_newsroom_made_before_the_mark_still_takes_the_demo(sqlite_db: Database):
    """scripts/demo.sh runs the demo on every start: a demo newsroom from before the
    settings mark existed is recognised by holding only demo people and articles."""
    from sqlalchemy import delete

    from editor.demo import DEMO_SETTING
    from editor.models import Setting

    load_demo(sqlite_db, now=NOW)
    with sqlite_db.transaction() as session:
        session.execute(delete(Setting).where(Setting.key == DEMO_SETTING))
    assert not load_demo(sqlite_db, now=NOW).created_anything
    with sqlite_db.transaction() as session:
        assert session.get(Setting, DEMO_SETTING) is not None


def test_every_demo_photo_has_its_credit_and_licence(db: Database):
    load_demo(db, now=NOW)
    by_name = {p.original_name: p for p in search_media(db)}
    assert by_name["rocket.jpg"].credit == "SpaceX"
    assert by_name["coffee.png"].license == "CC0"
    assert all(p.credit and p.license and p.alt_text and p.has_bytes for p in by_name.values())
    umkm = find_by_source_key(
        db, source_key("TNI AL Bentuk X Point UMKM Genjot Ekonomi Masyarakat")
    )
    assert umkm is not None and umkm.lead_image == by_name["coffee.png"].ref
    assert umkm.lead_image_credit == "Rachel Michetti"
