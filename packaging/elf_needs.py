"""What the bundle's ELF files need from the system's C and C++ runtimes.

A library built on one distribution carries the versions of the glibc and libstdc++
symbols it was linked against (``GLIBC_2.36``, ``GLIBCXX_3.4.30``); the dynamic loader
refuses it on a system whose runtime is older. build.py reads them with ``objdump -T``
(binutils, which PyInstaller itself needs on Linux), stops the build when anything in the
bundle needs more than the oldest supported release has, and writes the real minimum into
the .deb's Depends.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

#: The oldest release the packaging README promises, and what its runtimes provide.
OLDEST_RELEASE = "Ubuntu 22.04"
OLDEST_GLIBC = (2, 35)
OLDEST_GLIBCXX = (3, 4, 30)  # its libstdc++6 is GCC 12's
#: Versions of libstdc++6 that provide each GLIBCXX level (GCC's libstdc++ ABI table).
GLIBCXX_PACKAGE_VERSIONS = {(3, 4, 29): "11", (3, 4, 30): "12", (3, 4, 31): "13"}

_VERSION = re.compile(r"\b(GLIBC|GLIBCXX)_(\d+(?:\.\d+)+)\b")


@dataclass
class RuntimeNeeds:
    """The highest GLIBC_/GLIBCXX_ version any file needs, and which file needs it."""

    glibc: tuple[int, ...] = (2, 2, 5)
    glibc_file: Path | None = None
    glibcxx: tuple[int, ...] | None = None
    glibcxx_file: Path | None = None
    #: Files that need more than the oldest supported release has, with what they need.
    too_new: list[str] = field(default_factory=list)

    @property
    def glibc_text(self) -> str:
        return ".".join(map(str, self.glibc))


def is_elf(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(4) == b"\x7fELF"


def symbol_versions(path: Path) -> set[tuple[str, tuple[int, ...]]]:
    """The (GLIBC|GLIBCXX, version) pairs ``path`` imports."""
    result = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
    found: set[tuple[str, tuple[int, ...]]] = set()
    for line in result.stdout.splitlines():
        if "*UND*" not in line:  # only what the file takes from others
            continue
        for match in _VERSION.finditer(line):
            found.add((match.group(1), tuple(int(part) for part in match.group(2).split("."))))
    return found


def runtime_needs(bundle: Path) -> RuntimeNeeds:
    needs = RuntimeNeeds()
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink() or not is_elf(path):
            continue
        for runtime, version in symbol_versions(path):
            relative = path.relative_to(bundle)
            if runtime == "GLIBC":
                if version > needs.glibc:
                    needs.glibc, needs.glibc_file = version, relative
                if version > OLDEST_GLIBC:
                    needs.too_new.append(f"{relative} needs GLIBC_{'.'.join(map(str, version))}")
            else:
                if needs.glibcxx is None or version > needs.glibcxx:
                    needs.glibcxx, needs.glibcxx_file = version, relative
                if version > OLDEST_GLIBCXX:
                    needs.too_new.append(f"{relative} needs GLIBCXX_{'.'.join(map(str, version))}")
    return needs


def check_oldest_release(needs: RuntimeNeeds) -> None:
    """Stop the build when the bundle would not start on OLDEST_RELEASE."""
    if needs.too_new:
        shown = "; ".join(sorted(set(needs.too_new))[:10])
        raise SystemExit(
            f"build.py: the bundle would not start on {OLDEST_RELEASE} "
            f"(glibc {'.'.join(map(str, OLDEST_GLIBC))}): {shown}. Build on an older system, "
            "or leave that library out of the bundle (SYSTEM_LIBRARIES in redaksi.spec) and "
            "let the .deb depend on the system's."
        )


def versioned_depends(needs: RuntimeNeeds) -> dict[str, str]:
    """Depends entries with minimum versions, by package name."""
    entries = {"libc6": f"libc6 (>= {needs.glibc_text})"}
    if needs.glibcxx is not None:
        level = min(
            (level for level in GLIBCXX_PACKAGE_VERSIONS if level >= needs.glibcxx),
            default=None,
        )
        if level is not None:
            entries["libstdc++6"] = f"libstdc++6 (>= {GLIBCXX_PACKAGE_VERSIONS[level]})"
    return entries
