"""Full-text search on SQLite (FTS5) and PostgreSQL: ranking, prefixes, Indonesian text,
snippets, trash, hostile queries and keeping the index in step with saves."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.articles import create_article, save_article, trash_article
from editor.database import Database, open_database
from editor.records import ArticleDraft
from editor.search import search_articles


def ids(hits) -> list:
    return [hit.id for hit in hits]


def test_a_headline_hit_ranks_above_a_body_hit(db: Database) -> None:
    in_body = create_article(
        db,
        ArticleDraft(
            headline="Rapat anggaran daerah",
            body="Pembahasan panjang tentang jalan dan jembatan. Soal korupsi disinggung sekali.",
        ),
    )
    in_headline = create_article(
        db,
        ArticleDraft(headline="KPK usut korupsi proyek jembatan", body="Penyidik memeriksa saksi."),
    )
    hits = search_articles(db, "korupsi")
    assert ids(hits) == [in_headline.id, in_body.id]
    assert hits[0].rank > hits[1].rank


def test_a_word_prefix_finds_the_whole_word(db: Database) -> None:
    article = create_article(
        db, ArticleDraft(headline="Banjir di Jakarta", body="Korupsi dana bantuan terungkap.")
    )
    assert ids(search_articles(db, "Jakar")) == [article.id]
    assert ids(search_articles(db, "koru")) == [article.id]
    # Every word must match: a second word that is nowhere in the article finds nothing.
    assert search_articles(db, "Jakar gempa") == []


def test_jumat_is_found_however_the_apostrophe_is_written(db: Database) -> None:
    stored = {
        spelling: create_article(
            db, ArticleDraft(headline=f"Salat {spelling} di Masjid Istiqlal", body="Jamaah padat.")
        ).id
        for spelling in ("Jum'at", "Jumat", "Jum’at")
    }
    for typed in ("jumat", "Jum'at", "JUMAT", "Jum’at", "jum`at"):
        assert set(ids(search_articles(db, typed))) == set(stored.values()), typed


def test_the_snippet_marks_the_matched_words(db: Database) -> None:
    create_article(
        db,
        ArticleDraft(
            headline="Harga beras naik",
            body="Pedagang di pasar induk mengeluh. Harga beras medium naik dua ribu rupiah.",
        ),
    )
    [hit] = search_articles(db, "pedagang")
    assert "[Pedagang]" in hit.snippet
    assert hit.headline == "Harga beras naik"
    assert hit.status == "draft"


def test_trashed_articles_are_not_found(db: Database) -> None:
    kept = create_article(db, ArticleDraft(headline="Gempa di Cianjur", body="Warga mengungsi."))
    thrown = create_article(db, ArticleDraft(headline="Gempa susulan", body="Gempa lagi."))
    trash_article(db, thrown.id)
    assert ids(search_articles(db, "gempa")) == [kept.id]
    assert set(ids(search_articles(db, "gempa", include_trashed=True))) == {kept.id, thrown.id}


def test_trashed_hits_ranked_first_do_not_crowd_out_live_ones(db: Database) -> None:
    # Five trashed articles say "pemilu" in the headline and body; the live one only once.
    for number in range(5):
        thrown = create_article(
            db, ArticleDraft(headline=f"Pemilu {number} pemilu", body="pemilu pemilu pemilu")
        )
        trash_article(db, thrown.id)
    live = create_article(db, ArticleDraft(headline="Rapat warga", body="Menjelang pemilu."))
    assert ids(search_articles(db, "pemilu", limit=1)) == [live.id]


#: Queries full of FTS5 / tsquery syntax, and whether the article below must be found.
#: Every word left after the operators must match, so "NEAR(korupsi jembatan, 2)" needs
#: the words "near" and "2" too, which the article does not have.
HOSTILE_QUERIES = {
    '"': False,
    '"korupsi': True,
    "*": False,
    "korupsi*": True,
    "AND": False,
    "korupsi AND": False,
    "NEAR(": False,
    "NEAR(korupsi jembatan, 2)": False,
    "-": False,
    "-korupsi": True,
    ":": False,
    "korupsi:jembatan": True,
    "headline:korupsi": False,
    "^korupsi": True,
    "korupsi OR NOT jembatan": False,
    "(korupsi": True,
    "korupsi & | ! <-> jembatan": True,
    "korupsi\\": True,
    "'": False,
    "": False,
    "   ": False,
}


def test_search_syntax_in_the_query_never_raises(db: Database) -> None:
    article = create_article(
        db, ArticleDraft(headline="KPK usut korupsi jembatan", body="Penyidik memeriksa saksi.")
    )
    for query, found in HOSTILE_QUERIES.items():
        assert ids(search_articles(db, query)) == ([article.id] if found else []), query


def test_a_resave_updates_the_index(db: Database) -> None:
    article = create_article(db, ArticleDraft(headline="Rapat", body="Agenda pertama."))
    assert search_articles(db, "inflasi") == []
    save_article(db, replace(article, body="Agenda pertama. Inflasi dibahas."))
    assert ids(search_articles(db, "inflasi")) == [article.id]


def test_deleting_text_removes_its_hits(db: Database) -> None:
    article = create_article(
        db, ArticleDraft(headline="Sidang kabinet", lead="Ringkasan", body="Subsidi solar dibahas.")
    )
    assert ids(search_articles(db, "solar")) == [article.id]
    saved = save_article(db, replace(article, body="Topik lain dibahas."))
    assert search_articles(db, "solar") == []
    save_article(db, replace(saved, headline="Rapat"))
    assert search_articles(db, "kabinet") == []
    assert ids(search_articles(db, "ringkasan")) == [article.id]


# A prefix that stops inside an Indonesian affix: "mente…" while typing "menteri".
def test_a_prefix_inside_an_affix_finds_the_word_on_sqlite(sqlite_db: Database) -> None:
    article = create_article(sqlite_db, ArticleDraft(headline="Menteri meninjau pemerintah"))
    assert ids(search_articles(sqlite_db, "mente")) == [article.id]
    assert ids(search_articles(sqlite_db, "pemer")) == [article.id]


@pytest.mark.postgres
def test_a_prefix_inside_an_affix_finds_the_word_on_postgresql(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        article = create_article(db, ArticleDraft(headline="Menteri meninjau pemerintah"))
        assert ids(search_articles(db, "mente")) == [article.id]
        assert ids(search_articles(db, "pemer")) == [article.id]
    finally:
        db.close()


def test_a_word_in_more_articles_than_the_window_ranks_the_newest_matches(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor import search

    monkeypatch.setattr(search, "SEARCH_WINDOW", 4)
    # The oldest story has the word in its headline (the best bm25 score) but the four
    # saved after it fill the window, so a first page of two shows the newer ones.
    oldest = create_article(
        sqlite_db, ArticleDraft(headline="Banjir besar", body="Air naik. Banjir lagi.")
    )
    newer = [
        create_article(
            sqlite_db, ArticleDraft(headline=f"Laporan {n}", body=f"Ada banjir kecil {n}.")
        )
        for n in range(4)
    ]
    hits = search_articles(sqlite_db, "banjir", limit=2)
    assert len(hits) == 2 and oldest.id not in ids(hits)
    assert set(ids(hits)) <= {a.id for a in newer}
    # Saving the old story makes it recent again: now it is in the window and ranks first.
    save_article(sqlite_db, replace(oldest, lead="Diperbarui."))
    assert ids(search_articles(sqlite_db, "banjir", limit=2))[0] == oldest.id


def test_trashed_matches_filling_the_window_do_not_hide_older_live_ones(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor import search

    monkeypatch.setattr(search, "SEARCH_WINDOW", 2)
    live = create_article(sqlite_db, ArticleDraft(headline="Gempa di Ambon", body="Gempa."))
    for n in range(6):
        gone = create_article(sqlite_db, ArticleDraft(headline=f"Gempa {n}", body="Gempa."))
        trash_article(sqlite_db, gone.id)
    assert ids(search_articles(sqlite_db, "gempa", limit=1)) == [live.id]
