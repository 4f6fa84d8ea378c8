"""Remembering that Redaksi closed an SQLite file cleanly, so the next open can skip the
full integrity scan (most of a second on a large newsroom).

The stamp (size and modification time) lives in the user's cache folder, keyed by the
file's path: a crash, another program or a copy changes the file and so forces the scan.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from platformdirs import user_cache_path


def _stamp_file(path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    return user_cache_path("Redaksi", appauthor=False) / "checked" / key


def _file_stamp(path: Path) -> str:
    status = path.stat()
    return f"{status.st_size}:{status.st_mtime_ns}"


def record_clean_close(path: Path) -> None:
    """Remember the file as this program left it whole, so the next open can skip the scan."""
    if Path(f"{path}-wal").exists() or not path.exists():
        return  # another connection is still open: its changes are not ours to vouch for
    try:
        stamp = _stamp_file(path)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(_file_stamp(path), encoding="utf-8")
    except OSError:
        pass  # only a speed-up: without it the next open checks the whole file


def closed_cleanly(path: Path) -> bool:
    """True when the file is byte for byte as Redaksi left it at its last clean close."""
    try:
        recorded = _stamp_file(path).read_text(encoding="utf-8")
    except OSError:
        return False
    return recorded == _file_stamp(path) and not Path(f"{path}-wal").exists()
