"""An SQLite newsroom from before migration 0017 (the FTS5 table held its own copy of the
text, keyed by an unindexed article id) upgrades in place and searches as before; after
it, a save replaces its article's entry through an index instead of a scan."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path

from alembic import command

from editor.articles import create_article, get_article, save_article, trash_article
from editor.database import _alembic_config, open_database
from editor.listing import list_articles
from editor.records import ArticleDraft, ArticleQuery
from editor.search import search_articles


def _old_newsroom(path: Path) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """Three articles (one trashed) in a database taken back to schema 0016, with an
    entry for an article that no longer exists and an outdated second entry, as the
    old index could hold them."""
    db = open_database(f"sqlite:///{path}")
    flood = create_article(db, ArticleDraft(headline="Banjir di Kampung Melayu", body="Air naik."))
    quake = create_article(db, ArticleDraft(headline="Gempa di Cianjur", body="Warga mengungsi."))
    thrown = create_article(db, ArticleDraft(headline="Gempa susulan", body="Gempa lagi."))
    trash_article(db, thrown.id)
    config = _alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0016")
    db.close()
    with sqlite3.connect(path) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0016",)
        stored = {row[0] for row in old.execute("SELECT article_id FROM search_fts")}
        assert stored == {str(flood.id), str(quake.id), str(thrown.id)}
        old.execute(
            "INSERT INTO search_fts (rowid, article_id, headline, lead, body) "
            "VALUES (0, ?, 'Kebakaran pasar', '', 'Api'), (9999, ?, 'Hilang', '', 'hantu')",
            (str(flood.id), str(uuid.uuid4())),
        )
    return flood.id, quake.id, thrown.id


def test_an_old_database_upgrades_and_finds_what_it_found_before(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    flood, quake, thrown = _old_newsroom(path)
    db = open_database(f"sqlite:///{path}")
    try:
        assert db.backup_path is not None  # upgraded after a copy was made
        assert [hit.id for hit in search_articles(db, "banjir")] == [flood]
        assert [hit.id for hit in search_articles(db, "gempa")] == [quake]
        assert {hit.id for hit in search_articles(db, "gemp", include_trashed=True)} == {
            quake,
            thrown,
        }
        assert "[Gempa]" in search_articles(db, "gempa")[0].snippet
        # The outdated entry lost to the newer one; the entry of a gone article was dropped.
        assert search_articles(db, "kebakaran") == []
        assert search_articles(db, "hantu") == []
        assert [item.id for item in list_articles(db, ArticleQuery(text="banj")).items] == [flood]

        save_article(db, replace(get_article(db, flood), body="Air surut. Warga kembali."))
        assert [hit.id for hit in search_articles(db, "surut")] == [flood]
        assert search_articles(db, "naik") == []
        again = create_article(db, ArticleDraft(headline="Banjir lagi", body="Hujan deras."))
        assert [hit.id for hit in search_articles(db, "banjir")] == [again.id, flood]
    finally:
        db.close()


def test_a_save_finds_its_old_entry_through_an_index(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        plan = " ".join(
            row[3]
            for row in connection.execute(
                "EXPLAIN QUERY PLAN DELETE FROM search_text WHERE article_id = ?", ("x" * 32,)
            )
        )
    assert "USING" in plan and "INDEX" in plan, plan
    assert not plan.startswith("SCAN"), plan


def test_two_and_three_letter_prefixes_have_their_own_index(tmp_path: Path) -> None:
    """Migration 0022: the first keystrokes of a search read one list instead of merging
    every word they begin; the triggers keep filling the recreated index."""
    path = tmp_path / "newsroom.db"
    db = open_database(f"sqlite:///{path}")
    try:
        with sqlite3.connect(path) as connection:
            (sql,) = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'search_fts'"
            ).fetchone()
        assert "prefix = '2 3'" in sql
        article = create_article(db, ArticleDraft(headline="Kebakaran", body="Menteri datang."))
        for typed in ("ke", "keb", "me", "men", "menteri"):
            assert [hit.id for hit in search_articles(db, typed)] == [article.id], typed
    finally:
        db.close()
