"""Site-wide page views per UTC hour, and a covering index for the dashboard's articles

The dashboard's views-over-time for the whole site summed 2.5 million hourly rows for a
90-day window; ``page_view_hours`` holds one row per hour (2,160 for 90 days). The per-day
rollup cannot serve it: a day in WIB (or any zone) is not a UTC day, and the hourly chart
needs hours. It is site-wide on purpose: a per-section total would go stale whenever an
article moves to another section.

The importer keeps it in step in the same transaction. Rows leave ``page_views`` only when
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
    op.create_index(
        "ix_articles_published_dashboard",
        "articles",
        ["published_at", "status", "embargo_until", "section_id", "created_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_articles_published_dashboard", table_name="articles")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER page_views_deleted_from_hours")
    else:
        op.execute("DROP TRIGGER page_views_deleted_from_hours ON page_views")
        op.execute("DROP FUNCTION page_view_hours_take_away()")
    op.drop_table("page_view_hours")
