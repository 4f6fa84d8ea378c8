"""Full-text search: SQLite FTS5 on a workstation, PostgreSQL full text on the server.

Both indexes are kept in step with the articles by ``reindex_article``, called in the same
transaction as the save, so a search never sees text that was not committed.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, func, literal_column, select, text
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


#: A search ranks (bm25) only the most recently saved this many matches: a word in nearly
#: every article would otherwise rank the whole archive for each keystroke. Newsrooms look
#: for recent stories; a query rarer than this is ranked over all its matches.
SEARCH_WINDOW = 2000


def matching_ids(session: Session, query: str) -> list[uuid.UUID] | None:
    """Ids of articles matching ``query`` (for list filters); None when the query is empty.

    Unranked: a filter needs the set, not an order.
    """
    if not words_of(query):
        return None
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(
            text("SELECT article_id FROM search_fts WHERE search_fts MATCH :q"),
            {"q": fts5_query(query)},
        ).scalars()
        return [uuid.UUID(article_id) for article_id in rows]
    vector: Any = literal_column(PG_VECTOR_SQL)
    stmt = select(SearchDocument.article_id).where(vector.op("@@")(_pg_tsquery(words_of(query))))
    return list(session.scalars(stmt))


def matching_clause(session: Session, query: str) -> ColumnElement[bool] | None:
    """SQL condition "the article matches ``query``" for list filters; None when empty.

    On SQLite the database joins the index itself: no list of ids passes through Python
    (a word in 100,000 articles would be 100,000 bound values).
    """
    if not words_of(query):
        return None
    if session.get_bind().dialect.name != "sqlite":
        return Article.id.in_(matching_ids(session, query) or [])
    # The index keeps ids as text with dashes; the articles table as 32 hex digits.
    hits: Any = (
        select(literal_column("replace(article_id, '-', '')"))
        .select_from(text("search_fts"))
        .where(text("search_fts MATCH :fts_query").bindparams(fts_query=fts5_query(query)))
    )
    return Article.id.in_(hits)


def _ranked(
    session: Session, query: str, *, limit: int | None, snippets: bool, window: int | None = None
) -> tuple[list[tuple[uuid.UUID, str, float]], bool]:
    """(id, snippet, score) best first, and whether matches older than ``window`` were left
    out (SQLite: ``window`` most recently saved matches are ranked; None ranks them all)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return _ranked_fts5(session, fts5_query(query), limit, snippets, window)
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
    return [(r[0], r[1], float(r[2])) for r in session.execute(stmt).all()], False


def _ranked_fts5(
    session: Session, match: str, limit: int | None, snippets: bool, window: int | None
) -> tuple[list[tuple[uuid.UUID, str, float]], bool]:
    # FTS5 walks a term's rows newest first and stops at the window; bm25 weights a hit
    # in the headline above one in the lead or the body.
    sql = (
        "SELECT rowid, article_id, bm25(search_fts, 0, 10.0, 4.0, 1.0) FROM search_fts "
        "WHERE search_fts MATCH :q ORDER BY rowid DESC"
    )
    if window is not None:
        sql += f" LIMIT {int(window)}"
    rows = list(session.execute(text(sql), {"q": match}).all())
    cut = window is not None and len(rows) >= window
    rows.sort(key=lambda row: (row[2], row[1]))
    if limit is not None:
        rows = rows[:limit]
    found: dict[int, str] = {}
    if snippets and rows:
        # The same walk again, with snippets made only for the rows shown. (Asking for
        # those rows by rowid instead makes FTS5 run the whole match once per row.)
        marks = ",".join(str(int(row[0])) for row in rows)
        snippet = f"snippet(search_fts, -1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16)"
        walk = (
            f"SELECT rowid, CASE WHEN rowid IN ({marks}) THEN {snippet} END FROM search_fts "
            "WHERE search_fts MATCH :q ORDER BY rowid DESC"
        )
        if window is not None:
            walk += f" LIMIT {int(window)}"
        found = {
            rowid: text_ for rowid, text_ in session.execute(text(walk), {"q": match}) if text_
        }
    return [(uuid.UUID(r[1]), found.get(r[0], ""), -float(r[2])) for r in rows], cut


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
    window = max(SEARCH_WINDOW, fetch)
    with db.transaction() as session:
        while True:
            ranked, cut = _ranked(session, query, limit=fetch, snippets=True, window=window)
            # Just the columns a hit shows: whole articles would load bylines and tags too.
            articles = {
                row.id: row
                for row in session.execute(
                    select(Article.id, Article.headline, Article.status).where(
                        Article.id.in_([r[0] for r in ranked])
                    )
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
            if len(hits) >= limit or (len(ranked) < fetch and not cut):
                return hits[:limit]
            if len(ranked) < fetch:
                window *= 4  # the window held too few live matches: look further back
            fetch *= 4
            window = max(window, fetch)
