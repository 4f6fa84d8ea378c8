"""Bare roots of the releases the .deb supports, made with debootstrap, to install into.

A root is what a fresh minimal install of that release has (``--variant=minbase``: no
Python, no X, no fonts). It is made once per machine and kept as a tarball under
``build/roots/`` (CI starts without one and makes it); every test unpacks a fresh copy, so
nothing one test installs is seen by the next.

Commands run inside with chroot in a private mount namespace (``unshare --mount``): /proc
and /dev are mounted for them and vanish with the namespace, even if a test dies. Needs
root, debootstrap, unshare and chroot (scripts/bootstrap.sh installs debootstrap).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "roots"
DEBIAN_MIRROR = "http://deb.debian.org/debian"
#: An Ubuntu mirror this machine can reach; when set, Ubuntu's releases are tested too.
UBUNTU_MIRROR_ENV = "REDAKSI_UBUNTU_MIRROR"


@dataclass(frozen=True)
class Release:
    name: str  # as the README names it
    suite: str
    mirror: str
    components: str = "main"


def supported_releases() -> list[Release]:
    """Every release the packaging README promises. An Ubuntu release has no mirror (and
    its test says so when it is skipped) unless REDAKSI_UBUNTU_MIRROR names one."""
    ubuntu = os.environ.get(UBUNTU_MIRROR_ENV, "")
    return [
        Release("Debian 12", "bookworm", DEBIAN_MIRROR),
        Release("Debian 13", "trixie", DEBIAN_MIRROR),
        Release("Ubuntu 22.04", "jammy", ubuntu, "main universe"),
        Release("Ubuntu 24.04", "noble", ubuntu, "main universe"),
    ]


def missing_tools() -> list[str]:
    missing = [tool for tool in ("debootstrap", "unshare", "chroot") if shutil.which(tool) is None]
    if os.geteuid() != 0:
        missing.append("root")
    return missing


def cached_root(release: Release) -> tuple[Path, float]:
    """The tarball of a bare ``release`` root, and the seconds spent making it (0: cached)."""
    tarball = CACHE / f"{release.suite}-minbase.tar"
    if tarball.is_file():
        return tarball, 0.0
    started = time.perf_counter()
    CACHE.mkdir(parents=True, exist_ok=True)
    scratch = CACHE / f"{release.suite}.partial"
    if scratch.exists():
        shutil.rmtree(scratch)
    components = ",".join(release.components.split())
    subprocess.run(
        [
            "debootstrap",
            "--variant=minbase",
            f"--components={components}",
            *(release.suite, str(scratch), release.mirror),
        ],
        check=True,
        capture_output=True,
    )
    in_root(scratch, "apt-get", "clean")
    partial = tarball.with_suffix(".tar.partial")
    subprocess.run(["tar", "-C", str(scratch), "-cf", str(partial), "."], check=True)
    partial.rename(tarball)
    shutil.rmtree(scratch)
    return tarball, time.perf_counter() - started


def fresh_root(release: Release, where: Path) -> tuple[Path, float]:
    """A new copy of the bare root at ``where``, and the seconds spent making the cache."""
    tarball, seconds = cached_root(release)
    where.mkdir(parents=True)
    subprocess.run(["tar", "-C", str(where), "-xf", str(tarball)], check=True)
    shutil.copyfile("/etc/resolv.conf", where / "etc" / "resolv.conf")  # apt reaches the mirror
    return where, seconds


def in_root(
    root: Path,
    *command: str,
    user: str | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
    timeout: float = 900,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` inside ``root`` (as ``user`` when given) with a clean environment."""
    base = {
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C.UTF-8",
        "DEBIAN_FRONTEND": "noninteractive",
    }
    environment = [f"{key}={value}" for key, value in {**base, **(env or {})}.items()]
    inside = ["chroot"]
    if user is not None:
        inside.append(f"--userspec={user}:{user}")
    inside += [str(root), "/usr/bin/env", "-i", *environment, *command]
    script = 'mount -t proc proc "$0/proc" && mount --rbind /dev "$0/dev" && exec "$@"'
    result = subprocess.run(
        ["unshare", "--mount", "--fork", "sh", "-c", script, str(root), *inside],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(command)} failed in {root} ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result
