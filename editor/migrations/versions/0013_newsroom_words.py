"""The newsroom's word list for the spell checker

``newsroom_words`` holds the names, places and abbreviations the newsroom spells its own
way; editors keep it, and it travels to every replica (docs/sync.md, kind ``word``).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "newsroom_words",
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.Column("added_by_id", sa.Uuid(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["people.id"],
            name=op.f("fk_newsroom_words_added_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_newsroom_words")),
    )


def downgrade() -> None:
    op.drop_table("newsroom_words")
