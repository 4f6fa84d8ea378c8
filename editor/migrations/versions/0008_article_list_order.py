"""Index the article list's default order (updated time, then id)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 09:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_articles_updated_id", "articles", ["updated_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_articles_updated_id", table_name="articles")
