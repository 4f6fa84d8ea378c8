"""SQLite's search index is kept by row key: a save touches its own row, not the whole table

Before, the FTS5 table held its own copy of the text with the article id as an unindexed
column, so replacing one article's entry (``DELETE ... WHERE article_id = ?``) read every
row: about 150 ms a save at 100,000 articles. Now the text lives in ``search_text``
(an integer key, the article id as ``articles`` stores it, unique and indexed) and
``search_fts`` is an external-content index over it, kept in step by triggers that
remove and add entries by that key. The article id's index also lets the article list
ask "does this article match" without a scan. PostgreSQL is unchanged.

The keys of the old index are kept, so "most recently saved first" stays true; the
index itself is rebuilt from the text (a minute or so at 100,000 articles, once).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 17:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
COLUMNS = "headline, lead, body"
# 32 hex digits (as the articles table keeps ids) from the dashed text the old index kept.
_HEX = "lower(replace(article_id, '-', ''))"
_DASHED = (
    "substr(article_id, 1, 8) || '-' || substr(article_id, 9, 4) || '-' || "
    "substr(article_id, 13, 4) || '-' || substr(article_id, 17, 4) || '-' || "
    "substr(article_id, 21)"
)
TRIGGERS = (
    "CREATE TRIGGER search_text_added AFTER INSERT ON search_text BEGIN "
    f"INSERT INTO search_fts (rowid, {COLUMNS}) "
    "VALUES (new.id, new.headline, new.lead, new.body); END",
    "CREATE TRIGGER search_text_removed AFTER DELETE ON search_text BEGIN "
    f"INSERT INTO search_fts (search_fts, rowid, {COLUMNS}) "
    "VALUES ('delete', old.id, old.headline, old.lead, old.body); END",
    "CREATE TRIGGER search_text_changed AFTER UPDATE ON search_text BEGIN "
    f"INSERT INTO search_fts (search_fts, rowid, {COLUMNS}) "
    "VALUES ('delete', old.id, old.headline, old.lead, old.body); "
    f"INSERT INTO search_fts (rowid, {COLUMNS}) "
    "VALUES (new.id, new.headline, new.lead, new.body); END",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_text ("
        "id INTEGER PRIMARY KEY, "
        "article_id CHAR(32) NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE, "
        "headline TEXT NOT NULL, lead TEXT NOT NULL, body TEXT NOT NULL)"
    )
    # Oldest first, so where an article had two entries the newer one stays; an entry
    # whose article is gone is dropped.
    op.execute(
        f"INSERT OR REPLACE INTO search_text (id, article_id, {COLUMNS}) "
        f"SELECT rowid, {_HEX}, headline, lead, body FROM search_fts "
        f"WHERE {_HEX} IN (SELECT id FROM articles) ORDER BY rowid"
    )
    op.execute("DROP TABLE search_fts")
    op.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, "
        f"content = 'search_text', content_rowid = 'id', {TOKENIZE})"
    )
    op.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("search_text_added", "search_text_removed", "search_text_changed"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE search_fts")
    op.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5(article_id UNINDEXED, {COLUMNS}, {TOKENIZE})"
    )
    op.execute(
        f"INSERT INTO search_fts (rowid, article_id, {COLUMNS}) "
        f"SELECT id, {_DASHED}, headline, lead, body FROM search_text ORDER BY id"
    )
    op.execute("DROP TABLE search_text")
