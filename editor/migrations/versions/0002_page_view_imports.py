"""page view imports: file hashes, counted log lines and CSV counts

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_view_imports",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lines_read", sa.Integer(), nullable=False),
        sa.Column("views_counted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("content_hash", name=op.f("pk_page_view_imports")),
    )
    op.create_table(
        "page_view_log_lines",
        sa.Column("line_key", sa.String(length=32), nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("line_key", name=op.f("pk_page_view_log_lines")),
    )
    with op.batch_alter_table("page_view_log_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_page_view_log_lines_hour"), ["hour"], unique=False)
    op.create_table(
        "page_view_csv_counts",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_page_view_csv_counts_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "hour", name=op.f("pk_page_view_csv_counts")),
    )


def downgrade() -> None:
    op.drop_table("page_view_csv_counts")
    with op.batch_alter_table("page_view_log_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_page_view_log_lines_hour"))
    op.drop_table("page_view_log_lines")
    op.drop_table("page_view_imports")
