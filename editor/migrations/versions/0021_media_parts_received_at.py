"""When each chunk of a picture on its way arrived: ``media_parts.received_at``

Uploads abandoned for good (a laptop that never came back) are thrown away after a day,
so the chunks kept aside cannot pile up on the newsroom server.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("media_parts") as batch:
        batch.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("media_parts") as batch:
        batch.drop_column("received_at")
