"""Running a unit of work again when a concurrent writer got in its way.

Two cases are settled by trying again, after a short random pause so racing writers do
not collide again in lock step: a revision number another save took first (the unique
constraint refused it; the next try takes the next number), and SQLite being busy for
longer than the busy timeout. "Busy" gets only a few more tries: each already waited the
whole timeout, so a real lock is reported as one (DatabaseLockedError), never as a raw
driver error. Every retried unit of work was rolled back, so a retry re-checks the
article's version like the first try did.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError

from editor.errors import DatabaseLockedError
from editor.i18n import _

#: How often a unit of work is retried when a concurrent save took its revision number.
MAX_ATTEMPTS = 20
MAX_LOCKED_ATTEMPTS = 3
T = TypeVar("T")


def _is_number_race(error: IntegrityError) -> bool:
    """True when the unique (article, number) constraint refused a revision number."""
    text = str(error.orig).lower()
    return "uq_revisions" in text or "revisions.number" in text


def retrying(work: Callable[[], T]) -> T:
    """Run ``work``, again if a concurrent save took its revision number or SQLite was busy."""
    races = locks = 0
    while True:
        try:
            return work()
        except IntegrityError as error:
            races += 1
            if not _is_number_race(error) or races >= MAX_ATTEMPTS:
                raise
        except OperationalError as error:
            if "locked" not in str(error.orig).lower():
                raise
            locks += 1
            if locks >= MAX_LOCKED_ATTEMPTS:
                raise DatabaseLockedError(
                    _(
                        "The database is busy with another program; nothing was saved. Try again "
                        "in a moment, or close the other program."
                    )
                ) from error
        time.sleep(random.uniform(0.001, 0.02) * (races + locks))
