"""Site-wide page views per UTC hour, per article and UTC week, and a covering index for
the dashboard's articles

The dashboard's views-over-time for the whole site summed 2.5 million hourly rows for a
90-day window; ``page_view_hours`` holds one row per hour (2,160 for 90 days). The per-day
rollup cannot serve it: a day in WIB (or any zone) is not a UTC day, and the hourly chart
needs hours. It is site-wide on purpose: a per-section total would go stale whenever an
article moves to another section.

``page_view_weeks`` sums ``page_view_days`` per week (from Monday): a 90-day Populer reads
its whole weeks there and only the partial weeks' days from the per-day rollup, about half
the rows (a fifth for stories read every day), and the database sorts that many fewer.

The importer keeps both in step in the same transaction. Rows leave ``page_views`` only when
an article is deleted for good (the foreign key cascades); a trigger takes their views
away from the hour totals, so even that keeps the two equal.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TRIGGER = """
CREATE TRIGGER page_views_deleted_from_hours AFTER DELETE ON page_views
BEGIN
    UPDATE page_view_hours SET views = views - OLD.views WHERE hour = OLD.hour;
END
"""

# PostgreSQL: once per statement, with the deleted rows summed per hour, so deleting many
# rows updates each hour's total once instead of once per row (no pile of dead tuples).
PG_FUNCTION = """
CREATE FUNCTION page_view_hours_take_away() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE page_view_hours AS total SET views = total.views - gone.views
    FROM (SELECT hour, SUM(views) AS views FROM deleted_rows GROUP BY hour) AS gone
    WHERE total.hour = gone.hour;
    RETURN NULL;
END
$$
"""
PG_TRIGGER = """
CREATE TRIGGER page_views_deleted_from_hours AFTER DELETE ON page_views
REFERENCING OLD TABLE AS deleted_rows
FOR EACH STATEMENT EXECUTE FUNCTION page_view_hours_take_away()
"""


def upgrade() -> None:
    op.create_table(
        "page_view_hours",
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hour", name=op.f("pk_page_view_hours")),
    )
    # page_views' (hour, article, views) index streams the hours in order: no sort.
    op.execute(
        "INSERT INTO page_view_hours (hour, views) "
        "SELECT hour, SUM(views) FROM page_views GROUP BY hour"
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_TRIGGER)
    else:
        op.execute(PG_FUNCTION)
        op.execute(PG_TRIGGER)
    _create_weeks()
    op.create_index(
        "ix_articles_published_dashboard",
        "articles",
        ["published_at", "status", "embargo_until", "section_id", "created_at"],
    )


def _create_weeks() -> None:
    op.create_table(
        "page_view_weeks",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_page_view_weeks_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "week", name=op.f("pk_page_view_weeks")),
    )
    if op.get_bind().dialect.name == "sqlite":
        # Days are "YYYY-MM-DD" text; back six days, then forward to a Monday: its week's.
        monday = "date(day, '-6 days', 'weekday 1')"
    else:
        monday = "day - CAST(EXTRACT(ISODOW FROM day) AS INTEGER) + 1"
    # From the per-day rollup (a row per article and day), grouped in its key's order.
    op.execute(
        f"INSERT INTO page_view_weeks (article_id, week, views) "
        f"SELECT article_id, {monday}, SUM(views) FROM page_view_days "
        f"GROUP BY article_id, {monday}"
    )
    op.create_index(
        "ix_page_view_weeks_week_article_views",
        "page_view_weeks",
        ["week", "article_id", "views"],
    )


def downgrade() -> None:
    op.drop_index("ix_page_view_weeks_week_article_views", table_name="page_view_weeks")
    op.drop_table("page_view_weeks")
    op.drop_index("ix_articles_published_dashboard", table_name="articles")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER page_views_deleted_from_hours")
    else:
        op.execute("DROP TRIGGER page_views_deleted_from_hours ON page_views")
        op.execute("DROP FUNCTION page_view_hours_take_away()")
    op.drop_table("page_view_hours")
