"""Does requirements.lock still answer pyproject.toml? (what tests/packaging/test_lock.py asks)

The lock is written by ``scripts/lock.sh`` (``uv pip compile``); these checks read it as
pip does, so they need no network: every requirement of the project and its ``dev`` extra
is pinned to a version its range allows (with any extras it asks for), nothing is pinned
for a requirement pyproject no longer has, and every pin carries hashes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

_PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?:\s*;\s*(?P<marker>.+?))?\s*\\?$"
)
_DIRECT = "redaksi (pyproject.toml)"


@dataclass
class Pin:
    name: str
    version: Version
    marker: Marker | None
    hashes: int = 0
    via: list[str] = field(default_factory=list)


def requirements(pyproject: str) -> list[Requirement]:
    project = tomllib.loads(pyproject)["project"]
    listed = list(project.get("dependencies", []))
    listed += project.get("optional-dependencies", {}).get("dev", [])
    return [Requirement(line) for line in listed]


def pins(lock: str) -> dict[str, list[Pin]]:
    found: dict[str, list[Pin]] = {}
    current: Pin | None = None
    for raw in lock.splitlines():
        line = raw.strip()
        match = _PIN.match(line)
        if match:
            marker = match.group("marker")
            current = Pin(
                canonicalize_name(match.group("name")),
                Version(match.group("version")),
                Marker(marker) if marker else None,
            )
            found.setdefault(current.name, []).append(current)
        elif current and line.startswith("--hash="):
            current.hashes += 1
        elif current and line.startswith("#") and line != "# via":
            current.via.append(line.lstrip("#").strip().removeprefix("via ").strip())
    return found


def problems(pyproject: str, lock: str) -> list[str]:
    """What makes the lock disagree with pyproject; empty when it matches."""
    wanted = requirements(pyproject)
    pinned = pins(lock)
    found: list[str] = []
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        if name not in pinned:
            found.append(f"{requirement.name} is required but not in the lock")
            continue
        for pin in pinned[name]:
            if not requirement.specifier.contains(pin.version, prereleases=True):
                found.append(f"{requirement} does not allow the locked {name}=={pin.version}")
        for extra in requirement.extras:
            # psycopg[binary] needs psycopg-binary: uv records such pins as "via psycopg".
            if not any(name in pin.via for pins_ in pinned.values() for pin in pins_):
                found.append(f"{requirement.name}[{extra}]'s packages are not in the lock")
    direct = {canonicalize_name(r.name) for r in wanted}
    for name, entries in pinned.items():
        for pin in entries:
            if pin.hashes == 0:
                found.append(f"{name}=={pin.version} has no hash")
            if pin.via == [_DIRECT] and name not in direct:
                found.append(f"{name} is locked for pyproject.toml, which no longer asks for it")
    return found


def read(root: Path) -> tuple[str, str]:
    return (
        (root / "pyproject.toml").read_text(encoding="utf-8"),
        (root / "requirements.lock").read_text(encoding="utf-8"),
    )
