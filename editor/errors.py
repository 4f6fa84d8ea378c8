"""Errors the core raises. Each message says what happened and what the user can do."""


class RedaksiError(Exception):
    """Base class: everything the core raises on purpose derives from it."""


class DatabaseError(RedaksiError):
    """The database cannot be opened or used as it is."""


class CorruptDatabaseError(DatabaseError):
    pass


class NewerSchemaError(DatabaseError):
    pass


class DatabaseLockedError(DatabaseError):
    pass


class LostWriteError(DatabaseError):
    """A unit of work was written into an SQLite log another program had removed.

    Nothing of it reached the database; the connection has been renewed, so doing the same
    work again stores it (editor.sqlite_guard).
    """


class NotFoundError(RedaksiError):
    pass


class ConflictError(RedaksiError):
    """A save was based on an older version than the one stored; nothing was overwritten."""

    def __init__(self, message: str, *, expected_version: int, current_version: int) -> None:
        super().__init__(message)
        self.expected_version = expected_version
        self.current_version = current_version


class ValidationError(RedaksiError):
    pass


class PermissionDenied(RedaksiError):
    """The acting person's role does not allow the action; the refusal is audited."""
