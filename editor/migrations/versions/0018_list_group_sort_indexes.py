"""The article list sorted by byline, section or status reads indexes in order

Sorting by byline or section name sorted every article (byline 0.6-2 s at 100,000
articles: a subquery per article for its first byline). Now the list walks people (or
sections) by name, and each one's articles in id order, and stops after a page; status
is walked by ``(status, id)``. Articles without a byline or section come after, by id.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 18:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (name, table, columns, unique). Names with ids are unique because ids are; declaring
#: it lets SQLite see that each person's (section's) articles can follow in id order
#: without a sort.
INDEXES = (
    ("ix_people_name_id", "people", ["name", "id"], True),
    ("ix_bylines_person_article", "bylines", ["person_id", "article_id"], False),
    ("ix_sections_name_id", "sections", ["name", "id"], True),
    ("ix_articles_section_id_id", "articles", ["section_id", "id"], False),
    ("ix_articles_status_id", "articles", ["status", "id"], False),
)


def upgrade() -> None:
    for name, table, columns, unique in INDEXES:
        op.create_index(name, table, columns, unique=unique)


def downgrade() -> None:
    for name, table, _columns, _unique in reversed(INDEXES):
        op.drop_index(name, table_name=table)
