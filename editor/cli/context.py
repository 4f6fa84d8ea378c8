"""What a command handler gets besides its arguments: settings and a lazily opened database."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from editor.i18n import _

if TYPE_CHECKING:
    from editor.config import Settings
    from editor.database import Database


class CommandContext:
    """Opens the database only when a handler first asks for it; ``close`` releases it."""

    def __init__(self, database_url: str | None = None) -> None:
        self._database_url = database_url
        self._settings: Settings | None = None
        self._db: Database | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from editor.userconfig import load_settings_with_problems

            self._settings, problems = load_settings_with_problems(self._database_url)
            for problem in problems:
                print(_("redaksi: warning: {problem}").format(problem=problem), file=sys.stderr)
        return self._settings

    @property
    def db(self) -> Database:
        if self._db is None:
            from editor.database import open_database
            from editor.sysconfig import apply_system_presets

            self._db = open_database(self.settings.database_url)
            apply_system_presets(self._db)  # sections IT preset in the system-wide config
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
