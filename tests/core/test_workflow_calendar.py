"""The editorial calendar and the day's story budget, on the newsroom's local days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from editor.errors import ValidationError
from editor.workflow.calendar import calendar, day_budget
from editor.workflow.transitions import change_status
from tests.core.test_workflow_support import T0, force_status, make_newsroom, ready_story


def schedule(db, room, story, at):
    force_status(db, story, "approved")
    change_status(db, story.id, "scheduled", actor_id=room.editor.id, now=T0, scheduled_at=at)


def test_the_budget_is_the_local_day_with_status_byline_and_length(db):
    room = make_newsroom(db)
    # 23:30 UTC on the 17th is 06:30 WIB on the 18th: it belongs to the 18th's budget.
    early = ready_story(db, room, headline="Pagi")
    schedule(db, room, early, datetime(2026, 1, 17, 23, 30, tzinfo=UTC))
    noon = ready_story(db, room, headline="Siang")
    schedule(db, room, noon, datetime(2026, 1, 18, 5, 0, tzinfo=UTC))
    next_day = ready_story(db, room, headline="Lusa")
    schedule(db, room, next_day, datetime(2026, 1, 18, 17, 0, tzinfo=UTC))  # 00:00 WIB 19th
    ready_story(db, room, headline="Draf tanpa jadwal")

    budget = day_budget(db, date(2026, 1, 18), zone="Asia/Jakarta")
    assert [(e.headline, e.local_hour) for e in budget] == [("Pagi", 6), ("Siang", 12)]
    first = budget[0]
    assert (first.status, first.byline, first.section, first.word_count) == (
        "scheduled",
        room.reporter.name,
        "Dunia",
        120,
    )
    # In Makassar (WITA, UTC+8) the 17:00 UTC story falls on the 19th as well.
    wita = day_budget(db, date(2026, 1, 19), zone="Asia/Makassar")
    assert [e.headline for e in wita] == ["Lusa"]


def test_the_calendar_shows_what_went_out_and_a_reschedule_moves_it(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    at = T0 + timedelta(hours=4)
    schedule(sqlite_db, room, story, at)
    change_status(
        sqlite_db,
        story.id,
        "scheduled",
        actor_id=room.editor.id,
        now=T0,
        scheduled_at=at + timedelta(days=1),
    )
    window = (T0, T0 + timedelta(days=3))
    [entry] = calendar(sqlite_db, *window, zone="Asia/Jakarta")
    assert entry.when == at + timedelta(days=1)
    with pytest.raises(ValidationError, match="timezone-aware"):
        calendar(sqlite_db, T0.replace(tzinfo=None), T0, zone="Asia/Jakarta")
