"""Alembic environment: runs on the connection the core hands over (see editor.database)."""

from alembic import context
from sqlalchemy import create_engine

import editor.media.tables  # (the media tables share the metadata too)
import editor.sync.tables  # noqa: F401  (the sync tables share the metadata)
from editor.models import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    # Command-line use (alembic revision --autogenerate) against the URL in alembic.ini.
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
