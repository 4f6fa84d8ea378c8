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


class OfflineError(RedaksiError):
    """The newsroom server cannot be reached; local work goes on and waits in the outbox."""


class NotAvailableOfflineError(OfflineError):
    """The replica does not carry what was asked for (an article's body) and the server
    cannot be reached to fetch it."""


class RemoteError(RedaksiError):
    """The newsroom server answered with an error; its message says what and why."""

    def __init__(self, message: str, *, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class SignInRequiredError(RemoteError):
    """No token, or the server refused it (revoked, expired or unknown): sign in again."""
