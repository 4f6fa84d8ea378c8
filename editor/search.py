"""Full-text search: SQLite FTS5 on a workstation, PostgreSQL full text on the server.

Both indexes are kept in step with the articles by ``reindex_article``, called in the same
transaction as the save, so a search never sees text that was not committed.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import bindparam, delete, func, literal_column, select, text
from sqlalchemy.orm import Session

from editor.database import Database
from editor.models import Article, SearchDocument
from editor.records import SearchHit

HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "[", "]"
_WORDS = re.compile(r"\w+", re.UNICODE)
# "Jum'at" and "jumat" are the same word to a reader: drop apostrophes inside words
# both when indexing and when querying.
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’‘`](?=\w)")
PG_CONFIG = "indonesian"
# Stemmed words rank by field; the unstemmed ('simple') words let a prefix find a word whose
# affix the Indonesian stemmer strips ("mente" finds "menteri", which stems to "teri").
# Must match the expression index of migration 0005 word for word, or the index is unused.
PG_VECTOR_SQL = (
    "(setweight(to_tsvector('indonesian', search_documents.headline), 'A') || "
    "setweight(to_tsvector('indonesian', search_documents.lead), 'B') || "
    "setweight(to_tsvector('indonesian', search_documents.body), 'C') || "
    "to_tsvector('simple', search_documents.headline || ' ' || search_documents.lead "
    "|| ' ' || search_documents.body))"
)


def fold(text: str) -> str:
    return _INNER_APOSTROPHE.sub("", text)


def _body_text(article: Article) -> str:
    return fold(article.body.markdown) if article.body is not None else ""


def reindex_article(session: Session, article: Article) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        key = str(article.id)
        session.execute(text("DELETE FROM search_fts WHERE article_id = :id"), {"id": key})
        session.execute(
            text(
                "INSERT INTO search_fts (article_id, headline, lead, body) "
                "VALUES (:id, :headline, :lead, :body)"
            ),
            {
                "id": key,
                "headline": fold(article.headline),
                "lead": fold(article.lead),
                "body": _body_text(article),
            },
        )
    else:
        session.execute(delete(SearchDocument).where(SearchDocument.article_id == article.id))
        session.add(
            SearchDocument(
                article_id=article.id,
                headline=fold(article.headline),
                lead=fold(article.lead),
                body=_body_text(article),
            )
        )


def words_of(query: str) -> list[str]:
    return _WORDS.findall(fold(query))


def fts5_query(query: str) -> str:
    """Every word must match, each as a prefix ("kor" finds "korupsi"); no FTS syntax leaks."""
    return " ".join(f'"{word}"*' for word in words_of(query))


def matching_ids(session: Session, query: str) -> list[uuid.UUID] | None:
    """Ids of articles matching ``query`` (for list filters); None when the query is empty."""
    if not words_of(query):
        return None
    return [hit_id for hit_id, *_ in _ranked(session, query, limit=None, snippets=False)]


def _ranked(
    session: Session, query: str, *, limit: int | None, snippets: bool
) -> list[tuple[uuid.UUID, str, float]]:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        snippet = (
            f"snippet(search_fts, -1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16)"
            if snippets
            else "''"
        )
        # bm25 weights: a hit in the headline counts more than one in the body.
        sql = (
            f"SELECT article_id, {snippet}, bm25(search_fts, 0, 10.0, 4.0, 1.0) AS score "
            "FROM search_fts WHERE search_fts MATCH :q ORDER BY score, article_id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = session.execute(text(sql), {"q": fts5_query(query)}).all()
        return [(uuid.UUID(r[0]), r[1], -float(r[2])) for r in rows]
    vector: Any = literal_column(PG_VECTOR_SQL)
    tsquery = _pg_tsquery(words_of(query))
    rank = func.ts_rank(vector, tsquery)
    headline = (
        func.ts_headline(
            "simple",
            SearchDocument.headline + " " + SearchDocument.lead + " " + SearchDocument.body,
            tsquery,
            f"StartSel={HIGHLIGHT_OPEN}, StopSel={HIGHLIGHT_CLOSE}, MaxWords=20, MinWords=8",
        )
        if snippets
        else literal_column("''")
    )
    stmt = (
        select(SearchDocument.article_id, headline, rank)
        .where(vector.op("@@")(tsquery))
        .order_by(rank.desc(), SearchDocument.article_id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [(r[0], r[1], float(r[2])) for r in session.execute(stmt).all()]


def _pg_tsquery(words: list[str]) -> Any:
    """Every word must match, stemmed or as an unstemmed prefix."""
    combined: Any = None
    for index, word in enumerate(words):
        term: Any = bindparam(f"w{index}", f"{word}:*")
        either = func.to_tsquery(PG_CONFIG, term).op("||")(func.to_tsquery("simple", term))
        combined = either if combined is None else combined.op("&&")(either)
    return combined


def search_articles(
    db: Database, query: str, *, limit: int = 50, include_trashed: bool = False
) -> list[SearchHit]:
    """Ranked hits with a snippet; matched words are wrapped in [ and ]."""
    if not words_of(query):
        return []
    fetch = limit * 2
    with db.transaction() as session:
        while True:
            ranked = _ranked(session, query, limit=fetch, snippets=True)
            articles = {
                a.id: a
                for a in session.scalars(
                    select(Article).where(Article.id.in_([r[0] for r in ranked]))
                )
            }
            hits = []
            for article_id, snippet, score in ranked:
                article = articles.get(article_id)
                if article is None or (article.status == "trashed" and not include_trashed):
                    continue
                hits.append(
                    SearchHit(
                        id=article_id,
                        headline=article.headline,
                        status=article.status,
                        snippet=" ".join(snippet.split()),
                        rank=score,
                    )
                )
            # Trashed hits can outrank live ones: fetch deeper until enough live hits remain
            # or every match has been seen.
            if len(hits) >= limit or len(ranked) < fetch:
                return hits[:limit]
            fetch *= 4
