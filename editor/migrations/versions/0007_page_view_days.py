"""Page views per article and UTC day: a rollup of page_views for long dashboard windows

A 90-day Populer sums 2.5 million hourly rows at 10 million; the same window is about 90
rows per article from this table, plus the hours of the two partial days at its edges.
The importer keeps it in step with page_views in the same transaction; this migration
fills it once from the hourly rows with a single INSERT ... SELECT ... GROUP BY.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 08:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_view_days",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_page_view_days_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "day", name=op.f("pk_page_view_days")),
    )
    if op.get_bind().dialect.name == "sqlite":
        # Hours are stored as naive UTC text "YYYY-MM-DD HH:MM:SS.ffffff"; a Date is the
        # first ten characters. page_views' key is (article, hour): grouping streams in order.
        day = "substr(hour, 1, 10)"
    else:
        day = "CAST(hour AT TIME ZONE 'UTC' AS DATE)"
    op.execute(
        f"INSERT INTO page_view_days (article_id, day, views) "
        f"SELECT article_id, {day}, SUM(views) FROM page_views GROUP BY article_id, {day}"
    )
    # Built after the rows: one sort instead of an index update per row.
    with op.batch_alter_table("page_view_days", schema=None) as batch_op:
        batch_op.create_index(
            "ix_page_view_days_day_article_views", ["day", "article_id", "views"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("page_view_days", schema=None) as batch_op:
        batch_op.drop_index("ix_page_view_days_day_article_views")
    op.drop_table("page_view_days")
