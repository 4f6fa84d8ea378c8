"""The media library: pictures described in ``media_items``, their bytes in ``media_blobs``

Both keyed by the SHA-256 of the picture's bytes (editor/media).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "media_items",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("mime", sa.String(length=50), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=1000), nullable=False),
        sa.Column("credit", sa.String(length=300), nullable=False),
        sa.Column("alt_text", sa.String(length=1000), nullable=False),
        sa.Column("license", sa.String(length=300), nullable=False),
        sa.Column("added_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["people.id"],
            name=op.f("fk_media_items_added_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_items")),
    )
    op.create_table(
        "media_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_blobs")),
    )


def downgrade() -> None:
    op.drop_table("media_blobs")
    op.drop_table("media_items")
