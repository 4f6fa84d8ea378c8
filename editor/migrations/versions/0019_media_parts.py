"""Pictures on their way between a replica and the newsroom server: ``media_parts``

The chunks received so far of an upload (on the server) or a download (on a replica),
kept aside from ``media_blobs`` until the whole picture matches its hash.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "media_parts",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "offset", name=op.f("pk_media_parts")),
    )


def downgrade() -> None:
    op.drop_table("media_parts")
