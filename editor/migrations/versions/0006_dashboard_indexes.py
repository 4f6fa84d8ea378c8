"""Dashboard indexes: page views by hour with the article and count (covering), embargo ends

The dashboard sums a week or a month of hourly rows (hundreds of thousands at 10 million
rows); with the article and the count in the hour index the database reads the index
alone. It replaces the plain hour index, which it serves as well. Embargo ends are rare,
so an index finds the coming ones without scanning every published article.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 08:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("page_views", schema=None) as batch_op:
        batch_op.create_index(
            "ix_page_views_hour_article_views", ["hour", "article_id", "views"], unique=False
        )
        batch_op.drop_index("ix_page_views_hour")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index("ix_articles_embargo_until", ["embargo_until"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_embargo_until")
    with op.batch_alter_table("page_views", schema=None) as batch_op:
        batch_op.create_index("ix_page_views_hour", ["hour"], unique=False)
        batch_op.drop_index("ix_page_views_hour_article_views")
