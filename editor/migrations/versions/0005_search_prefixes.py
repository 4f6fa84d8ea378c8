"""PostgreSQL search also indexes unstemmed words, so prefixes find affixed words

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 08:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STEMMED = (
    "setweight(to_tsvector('indonesian', headline), 'A') || "
    "setweight(to_tsvector('indonesian', lead), 'B') || "
    "setweight(to_tsvector('indonesian', body), 'C')"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_search_documents_tsv")
    op.execute(
        "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (("
        f"{STEMMED} || to_tsvector('simple', headline || ' ' || lead || ' ' || body)))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_search_documents_tsv")
    op.execute(f"CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (({STEMMED}))")
