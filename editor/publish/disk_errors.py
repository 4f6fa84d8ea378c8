"""The one line a publish gives when the disk refuses a write: full, or not allowed.

Both leave the site readers see as it was (the new tree is only swapped in once it is
complete), so the message says that and what to do, never a traceback.
"""

from __future__ import annotations

import errno
from pathlib import Path

from editor.i18n import _
from editor.publish.report import PublishError

#: No space, over the user's quota, or over the size limit of the process (ulimit -f).
FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
NOT_ALLOWED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def explained(error: OSError, out: Path) -> PublishError | None:
    """The message for ``error`` met while publishing into ``out``; None: not a disk matter."""
    where = error.filename if error.filename is not None else out
    reason = error.strerror or str(error)
    if error.errno in FULL:
        return PublishError(
            _(
                "Could not write {path}: {reason}. The site readers see is unchanged. Free some "
                "space on that disk (or publish to a larger one), then publish again."
            ).format(path=where, reason=reason)
        )
    if error.errno in NOT_ALLOWED:
        return PublishError(
            _(
                "Redaksi may not change {path} ({reason}). The site readers see is unchanged. "
                "Publish as a user who may write there; a folder shared by a group must be "
                "group-writable and setgid (chmod 2775; see the shared publish folder in the "
                "installation guide)."
            ).format(path=where, reason=reason)
        )
    return None
