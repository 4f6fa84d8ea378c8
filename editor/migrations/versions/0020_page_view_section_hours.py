"""Page views per section and UTC hour, kept in step when an article changes section

The dashboard's views over time for one section summed every hourly row of the section's
articles: a few hundred thousand rows for 90 days at newsroom scale (526-604 ms).
``page_view_section_hours`` holds one row per section and hour (2,160 for 90 days), so a
section's chart reads as few rows as the site's (``page_view_hours``). Hours, not days: a
day in WIB (or any zone) is not a UTC day, and the hourly chart needs hours.

Migration 0009 kept per-section totals out because they go stale when an article moves to
another section. Triggers on ``articles`` now keep them true on every path that moves or
deletes an article (the app, sync, imports, a cascade): moving one takes its hours from the
old section and adds them to the new one, deleting one takes them away. The views importer
(editor.views.store) adds to them in the same transaction as to the hourly rows.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The article's hours leave the section it had (both dialects say it the same way below).
SQLITE_TAKE_AWAY = """
    UPDATE page_view_section_hours SET views = views - (
        SELECT v.views FROM page_views AS v
        WHERE v.article_id = OLD.id AND v.hour = page_view_section_hours.hour
    )
    WHERE section_id = OLD.section_id
      AND hour IN (SELECT hour FROM page_views WHERE article_id = OLD.id);
"""
SQLITE_TRIGGERS = (
    f"""
CREATE TRIGGER articles_section_moves_views AFTER UPDATE OF section_id ON articles
WHEN OLD.section_id IS NOT NEW.section_id
BEGIN
    {SQLITE_TAKE_AWAY}
    INSERT INTO page_view_section_hours (section_id, hour, views)
    SELECT NEW.section_id, hour, views FROM page_views
    WHERE article_id = NEW.id AND NEW.section_id IS NOT NULL
    ON CONFLICT (section_id, hour) DO UPDATE SET views = views + excluded.views;
END
""",
    # Before: the page_views rows are still there to say how much to take away (the
    # foreign key's cascade removes them with the article).
    f"""
CREATE TRIGGER articles_deleted_from_section_hours BEFORE DELETE ON articles
WHEN OLD.section_id IS NOT NULL
BEGIN
    {SQLITE_TAKE_AWAY}
END
""",
)

# PostgreSQL: an import reads each article's section before it adds to these totals, under
# ROW EXCLUSIVE (editor.views.store). The lock here waits for such an import to commit, so
# the hours moved include its rows; and an import waiting for this move reads the new
# section. Moves wait for each other too (the mode conflicts with itself), never deadlock.
PG_FUNCTION = """
CREATE FUNCTION page_view_section_hours_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE page_view_section_hours IN SHARE ROW EXCLUSIVE MODE;
    IF OLD.section_id IS NOT NULL THEN
        UPDATE page_view_section_hours AS total SET views = total.views - v.views
        FROM page_views AS v
        WHERE v.article_id = OLD.id AND total.section_id = OLD.section_id
          AND total.hour = v.hour;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.section_id IS NOT NULL THEN
        INSERT INTO page_view_section_hours (section_id, hour, views)
        SELECT NEW.section_id, hour, views FROM page_views WHERE article_id = NEW.id
        ON CONFLICT (section_id, hour)
        DO UPDATE SET views = page_view_section_hours.views + EXCLUDED.views;
    END IF;
    RETURN NEW;
END
$$
"""
PG_TRIGGERS = (
    """
CREATE TRIGGER articles_section_moves_views AFTER UPDATE OF section_id ON articles
FOR EACH ROW WHEN (OLD.section_id IS DISTINCT FROM NEW.section_id)
EXECUTE FUNCTION page_view_section_hours_follow()
""",
    """
CREATE TRIGGER articles_deleted_from_section_hours BEFORE DELETE ON articles
FOR EACH ROW WHEN (OLD.section_id IS NOT NULL)
EXECUTE FUNCTION page_view_section_hours_follow()
""",
)


def upgrade() -> None:
    op.create_table(
        "page_view_section_hours",
        sa.Column("section_id", sa.Uuid(), nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("section_id", "hour", name=op.f("pk_page_view_section_hours")),
    )
    op.execute(
        "INSERT INTO page_view_section_hours (section_id, hour, views) "
        "SELECT a.section_id, v.hour, SUM(v.views) FROM page_views AS v "
        "JOIN articles AS a ON a.id = v.article_id "
        "WHERE a.section_id IS NOT NULL GROUP BY a.section_id, v.hour"
    )
    if op.get_bind().dialect.name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
    else:
        op.execute(PG_FUNCTION)
        for trigger in PG_TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER articles_deleted_from_section_hours")
        op.execute("DROP TRIGGER articles_section_moves_views")
    else:
        op.execute("DROP TRIGGER articles_deleted_from_section_hours ON articles")
        op.execute("DROP TRIGGER articles_section_moves_views ON articles")
        op.execute("DROP FUNCTION page_view_section_hours_follow()")
    op.drop_table("page_view_section_hours")
