"""Full-text search: SQLite FTS5 on a workstation, PostgreSQL full text on the server.

Both indexes are kept in step with the articles by ``reindex_article``, called in the same
transaction as the save, so a search never sees text that was not committed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Text,
    Uuid,
    bindparam,
    column,
    delete,
    func,
    insert,
    literal_column,
    select,
    table,
    text,
)
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


#: SQLite keeps the indexed text here under an integer key (the FTS5 rowid) with the
#: article id as ``articles`` stores it, unique and indexed; triggers keep ``search_fts``
#: in step by that key (migration 0017). Not in the ORM metadata: PostgreSQL has none.
search_text = table(
    "search_text",
    column("id", Integer),
    column("article_id", Uuid),
    column("headline", Text),
    column("lead", Text),
    column("body", Text),
)
#: SQLite allows 32,766 parameters a statement; a search row has four.
_ROWS_PER_STATEMENT = 500


def search_row(article_id: uuid.UUID, headline: str, lead: str, body: str) -> dict[str, Any]:
    """What the index holds for one article: its text, folded as queries are."""
    return {
        "article_id": article_id,
        "headline": fold(headline),
        "lead": fold(lead),
        "body": fold(body),
    }


def replace_search_rows(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Put ``rows`` (from :func:`search_row`) in the index in place of what their
    articles had. Each article's old entry is found by its indexed id, so the cost is
    that of the rows, not of the archive."""
    ids = [row["article_id"] for row in rows]
    sqlite = session.get_bind().dialect.name == "sqlite"
    target: Any = search_text if sqlite else SearchDocument.__table__
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = ids[start : start + _ROWS_PER_STATEMENT]
        session.execute(delete(target).where(target.c.article_id.in_(chunk)))
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        session.execute(insert(target), list(rows[start : start + _ROWS_PER_STATEMENT]))


def reindex_article(session: Session, article: Article) -> None:
    body = article.body.markdown if article.body is not None else ""
    replace_search_rows(session, [search_row(article.id, article.headline, article.lead, body)])


def words_of(query: str) -> list[str]:
    return _WORDS.findall(fold(query))


def fts5_query(query: str) -> str:
    """Every word must match, each as a prefix ("kor" finds "korupsi"); no FTS syntax leaks."""
    return " ".join(f'"{word}"*' for word in words_of(query))


#: A search ranks (bm25) only the most recently saved this many matches: a word in nearly
#: every article would otherwise rank the whole archive for each keystroke. Newsrooms look
#: for recent stories; a query rarer than this is ranked over all its matches.
SEARCH_WINDOW = 2000
#: A list filter matching at most this many articles starts from its matches and sorts
#: them; one matching more walks the list's own order and asks of each article whether
#: it matches, stopping after a page (a common word matches most of the first rows).
FEW_MATCHES = 5000


def _fts_keys(query: str) -> Any:
    """The index keys (search_text.id) of the articles matching ``query``, SQLite only."""
    return (
        select(literal_column("rowid"))
        .select_from(text("search_fts"))
        .where(text("search_fts MATCH :fts_query").bindparams(fts_query=fts5_query(query)))
    )


def matching_ids(session: Session, query: str) -> list[uuid.UUID] | None:
    """Ids of every article matching ``query``, unordered; None when the query is empty."""
    if not words_of(query):
        return None
    if session.get_bind().dialect.name == "sqlite":
        keys: Any = _fts_keys(query)
        return list(
            session.scalars(select(search_text.c.article_id).where(search_text.c.id.in_(keys)))
        )
    vector: Any = literal_column(PG_VECTOR_SQL)
    stmt = select(SearchDocument.article_id).where(vector.op("@@")(_pg_tsquery(words_of(query))))
    return list(session.scalars(stmt))


def matching_clause(session: Session, query: str) -> ColumnElement[bool] | None:
    """SQL condition "the article matches ``query``" for list filters; None when empty.

    The database joins the index itself: no list of ids passes through Python (a word in
    100,000 articles would be 100,000 bound values).
    """
    if not words_of(query):
        return None
    if session.get_bind().dialect.name != "sqlite":
        vector: Any = literal_column(PG_VECTOR_SQL)
        hits = select(SearchDocument.article_id).where(
            vector.op("@@")(_pg_tsquery(words_of(query)))
        )
        return Article.id.in_(hits)
    keys: Any = _fts_keys(query)
    # How many match, counted only up to the limit and inside the database.
    matches = session.scalar(
        select(func.count()).select_from(keys.limit(FEW_MATCHES + 1).subquery())
    )
    if (matches or 0) <= FEW_MATCHES:
        # Start from the matches: look each one up and let the list sort them.
        found = select(search_text.c.article_id).where(search_text.c.id.in_(keys))
        return Article.id.in_(found)
    # Walk the list's order; each article's key comes from the article id's index, and
    # the matching keys are gathered once (no table rows read for them).
    key_of_article: Any = (
        select(search_text.c.id)
        .where(search_text.c.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )
    return key_of_article.in_(keys)


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
    # in the headline above one in the lead or the body. Only index data is read here:
    # the text and the article id are looked up for the rows shown.
    sql = (
        "SELECT rowid, bm25(search_fts, 10.0, 4.0, 1.0) FROM search_fts "
        "WHERE search_fts MATCH :q ORDER BY rowid DESC"
    )
    if window is not None:
        sql += f" LIMIT {int(window)}"
    rows = list(session.execute(text(sql), {"q": match}).all())
    cut = window is not None and len(rows) >= window
    # Equal scores: the more recently saved first, as the walk found them.
    rows.sort(key=lambda row: (row[1], -row[0]))
    if limit is not None:
        rows = rows[:limit]
    keys = [int(row[0]) for row in rows]
    lookup = select(search_text.c.id, search_text.c.article_id).where(search_text.c.id.in_(keys))
    articles = {key: article_id for key, article_id in session.execute(lookup)}
    found: dict[int, str] = {}
    if snippets and rows:
        # The same walk again, with snippets made only for the rows shown. (Asking for
        # those rows by rowid instead makes FTS5 run the whole match once per row.)
        marks = ",".join(str(key) for key in keys)
        snippet = f"snippet(search_fts, -1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16)"
        # It stops at the oldest row shown (FTS5 seeks to a rowid bound).
        walk = (
            f"SELECT rowid, CASE WHEN rowid IN ({marks}) THEN {snippet} END FROM search_fts "
            f"WHERE search_fts MATCH :q AND rowid >= {min(keys)} ORDER BY rowid DESC"
        )
        if window is not None:
            walk += f" LIMIT {int(window)}"
        found = {
            rowid: text_ for rowid, text_ in session.execute(text(walk), {"q": match}) if text_
        }
    return [
        (articles[key], found.get(key, ""), -float(score))
        for key, score in ((int(r[0]), r[1]) for r in rows)
        if key in articles
    ], cut


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
