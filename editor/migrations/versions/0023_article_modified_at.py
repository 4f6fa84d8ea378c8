"""An imported page's own modified time, apart from the article's change stamp

``articles.modified_at`` is when the page last changed as its source says (a Hugo
``lastmod``, a Jekyll ``last_modified_at``, a WordPress ``post_modified_gmt``, else its
date), until the article is next changed in Redaksi; empty, the page changed when the
article was last updated. The publish shows it as the page's modified time, the sitemap's
``<lastmod>`` and the feed's ``<updated>``, while ``updated_at`` stays the newsroom's own
change stamp, which a server orders its sync by (an import on a replica no longer loses the
page's time to the server's clock, nor dates a change in the past).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 18:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain column addition: SQLite adds it in place, without copying the table.
    op.add_column("articles", sa.Column("modified_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "modified_at")
