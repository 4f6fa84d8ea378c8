"""What an import knows about an article's source file

``articles.source_digest`` is the fingerprint of the file (and the import's settings) an
article was last imported from, and ``articles.source_version`` the article's version that
import left. A re-import whose file has the same fingerprint, of an article nobody has saved
since, is known unchanged without reading the file's header again.

``articles.kept_fields`` holds, as a JSON object, the front matter keys Redaksi keeps but
does not use (``aliases``, ``weight``, ``params``…), so an export writes them back.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain column additions: SQLite adds them in place, without copying the table.
    op.add_column("articles", sa.Column("source_digest", sa.String(length=64), nullable=True))
    op.add_column("articles", sa.Column("source_version", sa.Integer(), nullable=True))
    op.add_column(
        "articles",
        sa.Column("kept_fields", sa.Text(), nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    op.drop_column("articles", "kept_fields")
    op.drop_column("articles", "source_version")
    op.drop_column("articles", "source_digest")
