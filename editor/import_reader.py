"""Reading one front matter header's values: text, names and times, each checked, with the
file line a problem points at (editor.import_fields says what the keys mean).

A problem is a FieldProblem; the steps of reading a header run through a _Collector, so
every problem of a file is reported at once (FieldProblems).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor.errors import ValidationError
from editor.frontmatter import Document
from editor.i18n import N_, _
from editor.time_range import DateOutOfRange, in_range

#: Column sizes, so an over-long value gets a message instead of a database error.
#: Field labels, as problems name them.
_LABELS = {
    "title": N_("title"),
    "kicker": N_("kicker"),
    "slug": N_("slug"),
    "lead image": N_("lead image"),
    "lead image caption": N_("lead image caption"),
    "lead image credit": N_("lead image credit"),
    "tag": N_("tag"),
    "author": N_("author"),
}
MAX_LENGTHS = {
    "title": 500,
    "kicker": 200,
    "slug": 300,
    "lead image": 1000,
    "lead image caption": 1000,
    "lead image credit": 300,
    "tag": 120,
    "author": 200,
}

T = TypeVar("T")
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def shown(value: object) -> str:
    """A header value as a message repeats it: one line, cut short."""
    return textwrap.shorten(str(value), width=80, placeholder=" …")


class FieldProblem(ValueError):
    """A header value Redaksi cannot use; ``line`` is the file line of its key."""

    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def check_zone(zone: str) -> None:
    """Refuse an unknown time zone once, before any file is read or written."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _(
                "Unknown time zone '{zone}'. Use a name like Asia/Jakarta, Asia/Makassar "
                "or Asia/Jayapura."
            ).format(zone=zone)
        ) from None


class Reader:
    def __init__(self, doc: Document, zone: str) -> None:
        self.fields = {key.lower(): value for key, value in doc.fields.items()}
        self.lines = {key.lower(): line for key, line in doc.key_lines.items()}
        self.zone = ZoneInfo(zone)

    def line(self, key: str) -> int | None:
        return self.lines.get(key)

    def first_key(self, *keys: str) -> str | None:
        return next((k for k in keys if self.fields.get(k) not in (None, "", [])), None)

    def text(self, *keys: str, label: str | None = None) -> str:
        key = self.first_key(*keys)
        if key is None:
            return ""
        value = self.fields[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            kind = _("a yes/no value") if isinstance(value, bool) else _("a list or mapping")
            raise FieldProblem(
                _("'{key}' is read as {kind}; write it as text in quotes.").format(
                    key=key, kind=kind
                ),
                self.line(key),
            )
        # Not stripped: YAML already trims plain values, and quoted spaces are meant.
        return self.limited(str(value), label or key, key)

    def limited(self, value: str, label: str, key: str) -> str:
        limit = MAX_LENGTHS.get(label)
        if limit is not None and len(value) > limit:
            raise FieldProblem(
                _("the {label} has {length} characters; at most {limit} fit. Shorten it.").format(
                    label=_(_LABELS.get(label, label)), length=len(value), limit=limit
                ),
                self.line(key),
            )
        return value

    def names(self, key: str, *, split_commas: bool) -> tuple[str, ...]:
        value = self.fields.get(key)
        items = value if isinstance(value, list) else [] if value is None else [value]
        names: list[str] = []
        for item in items:
            if isinstance(item, dict):
                item = item.get("name") or item.get("title") or ""
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise FieldProblem(
                    _("'{key}' must list names as text.").format(key=key), self.line(key)
                )
            parts = str(item).split(",") if split_commas else [str(item)]
            names.extend(part.strip() for part in parts if part.strip())
        return tuple(names)

    def when(self, key: str) -> datetime | None:
        value = self.fields.get(key)
        if value is None or value == "":
            return None
        parsed = self._parse_time(value)
        if parsed is None:
            raise FieldProblem(
                _(
                    "'{key}: {value}' is not a date Redaksi understands. Write it as "
                    "2023-05-04, 2023-05-04 07:56 (newsroom time) or "
                    "2023-05-04T07:56:00+07:00."
                ).format(key=key, value=shown(value)),
                self.line(key),
            )
        try:
            return in_range(parsed, shown=f"'{key}: {shown(value)}'")
        except DateOutOfRange as error:
            raise FieldProblem(str(error), self.line(key)) from None

    def as_written(self, key: str) -> datetime | None:
        """The time ``key`` names in the zone it was written in (the newsroom's when it
        names none); None when it names no time. Unchecked: ``when`` reports bad ones."""
        value = self.fields.get(key)
        return None if value is None or value == "" else self._parse_time(value)

    def _parse_time(self, value: object) -> datetime | None:
        """The aware time ``value`` names (naive ones in the newsroom's zone), else None."""
        if isinstance(value, datetime):
            return self._aware(value)
        if isinstance(value, date):
            return datetime.combine(value, time(0), self.zone)
        if isinstance(value, str):
            text = value.strip()
            try:
                return self._aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
            except ValueError:
                pass
            for form in _TIME_FORMATS:
                try:
                    return self._aware(datetime.strptime(text, form))
                except ValueError:
                    continue
        return None

    def _aware(self, value: datetime) -> datetime:
        return value if value.tzinfo is not None else value.replace(tzinfo=self.zone)


class FieldProblems(ValueError):
    """Every problem of one file's header, so a user fixes them all in one go."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(p.reason for p in problems))
        self.problems = problems


class Collector:
    """Runs each step of reading a header; a step's FieldProblem is kept and its value
    replaced by a stand-in, so the steps after it still run and report their own."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def __call__(self, step: Callable[[], T], stand_in: T) -> T:
        try:
            return step()
        except FieldProblem as problem:
            self.problems.append(problem)
            return stand_in
