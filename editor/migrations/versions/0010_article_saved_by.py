"""Who last saved an article

``articles.updated_by_id`` names the person whose save made the stored version, so when two
saves collide the one that loses can be kept as a revision under its author's name.
Empty for articles saved before this column existed, and for saves by nobody (a newsroom
without people).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with a REFERENCES clause in place (its default is NULL);
        # Alembic would copy the whole table to add the constraint.
        op.execute(
            "ALTER TABLE articles ADD COLUMN updated_by_id CHAR(32) "
            "CONSTRAINT fk_articles_updated_by_id_people "
            "REFERENCES people (id) ON DELETE SET NULL"
        )
        return
    op.add_column("articles", sa.Column("updated_by_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        "fk_articles_updated_by_id_people",
        "articles",
        "people",
        ["updated_by_id"],
        ["id"],
        ondelete="SET NULL",
    )


def downgrade() -> None:
    # In place on SQLite too (3.35+): a batch copy would drop and recreate ``articles``,
    # and with foreign keys on, dropping it deletes every page view and revision with it.
    op.drop_column("articles", "updated_by_id")
