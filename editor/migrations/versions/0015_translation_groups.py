"""Translations of one page: ``articles.translation_group``

An imported article's translation group: Hugo's ``translationKey`` when the file has one,
else its file's path without the language (``content/en/berita/pemilu.md`` and
``content/id/berita/pemilu.md`` are ``berita/pemilu.md``; ``about.en.md`` and ``about.md``
are ``about.md``). Articles that share a group are the same page in other languages: the
publish links them (``hreflang``). Indexed, so a publish finds an article's translations
without reading every article.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("translation_group", sa.String(length=500), nullable=True))
    op.create_index("ix_articles_translation_group", "articles", ["translation_group"])


def downgrade() -> None:
    op.drop_index("ix_articles_translation_group", table_name="articles")
    op.drop_column("articles", "translation_group")
