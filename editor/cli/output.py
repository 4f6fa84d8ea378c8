"""Printing for people and for scripts: aligned tables, local times, highlighted snippets."""

from __future__ import annotations

import json
import re
import shutil
import sys
import uuid
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

BOLD, RESET = "\033[1m", "\033[0m"


def local_time(when: datetime | None, zone: str) -> str:
    """``2023-05-04 07:56 WIB``: the newsroom's zone, 24-hour clock; empty for no time."""
    if when is None:
        return ""
    try:
        return when.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M %Z")
    except OverflowError:  # stored before times were range-checked: show it as it is kept
        return when.strftime("%Y-%m-%d %H:%M UTC")


def is_terminal(stream: TextIO | None = None) -> bool:
    stream = stream if stream is not None else sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def highlight(snippet: str, *, terminal: bool) -> str:
    """Search marks matches with [ and ]; on a terminal show them in bold instead."""
    if not terminal:
        return snippet
    return snippet.replace("[", BOLD).replace("]", RESET)


def _one_line(text: str) -> str:
    """Line breaks and tabs would break the columns; leading spaces (indentation) stay."""
    return re.sub(r"[\t\r\n]+", " ", text).rstrip()


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, stream: TextIO | None = None
) -> None:
    """Columns padded to their widest cell; on a terminal the last column is clipped to fit."""
    out = stream if stream is not None else sys.stdout
    cells = [[_one_line(str(c)) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    last_width = None
    if is_terminal(out) and headers:
        room = shutil.get_terminal_size().columns - sum(w + 2 for w in widths[:-1])
        last_width = max(20, room)

    def line(row: Sequence[str]) -> str:
        padded = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        tail = row[-1] if last_width is None else _clip(row[-1], last_width)
        return "  ".join([*padded, tail]).rstrip()

    print(line(list(headers)), file=out)
    for row in cells:
        print(line(row), file=out)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any, *, stream: TextIO | None = None) -> None:
    """Stable JSON for scripts: UTC ISO times, string ids, keys in a fixed order."""
    if is_dataclass(data) and not isinstance(data, type):
        data = asdict(data)
    elif isinstance(data, list | tuple):
        data = [asdict(d) if is_dataclass(d) and not isinstance(d, type) else d for d in data]
    out = stream if stream is not None else sys.stdout
    print(json.dumps(data, default=_json_default, ensure_ascii=False, indent=2), file=out)
