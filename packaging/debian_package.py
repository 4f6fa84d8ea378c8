"""Wrap the one-folder bundle into a Debian package with dpkg-deb (no debhelper needed).

Layout of the package::

    /opt/redaksi/                       the PyInstaller bundle
    /usr/bin/redaksi                    symlink to /opt/redaksi/redaksi
    /usr/share/applications/redaksi.desktop
    /usr/share/icons/hicolor/{scalable,256x256,48x48}/apps/redaksi.{svg,png}
    /usr/share/doc/redaksi/copyright, config.toml.example (the system-wide config)
    /usr/share/doc/redaksi/nginx-redaksi.conf   nginx in front of the newsroom server
    /lib/systemd/system/redaksi-server.service  the newsroom server (not enabled)

The Depends line lists the Debian packages that provide the system libraries the bundle
links against (found with ldd and dpkg -S), plus the X11 libraries Qt's xcb plugin opens,
with the real minimum of glibc and libstdc++ (elf_needs.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from elf_needs import is_elf  # beside this script

PACKAGING = Path(__file__).resolve().parent
DEBIAN = PACKAGING / "debian"
ICONS = PACKAGING / "icons"
INSTALL_DIR = "opt/redaksi"
#: Needed by Qt's xcb platform plugin on any X11 desktop, whatever ldd finds here.
BASE_DEPENDS = ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1")
MAINTAINER_SCRIPTS = ("postinst", "prerm", "postrm")


def build_deb(
    bundle: Path,
    out_dir: Path,
    version: str,
    stage: Path,
    compression: str = "xz",
    versioned: dict[str, str] | None = None,
) -> Path:
    """The .deb for ``bundle``, written to ``out_dir``; ``stage`` is scratch space.

    ``versioned`` maps package names to Depends entries with a minimum version
    (``{"libc6": "libc6 (>= 2.35)"}``), used in place of the plain names.
    """
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("build.py: dpkg-deb is missing; install it with 'apt-get install dpkg'.")
    if stage.exists():
        shutil.rmtree(stage)
    root = stage / "root"
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    _install_files(root)
    arch = _run(["dpkg", "--print-architecture"]).strip()
    control = (DEBIAN / "control").read_text(encoding="utf-8")
    control = control.format(
        version=version,
        arch=arch,
        installed_size=_installed_size_kib(root),
        depends=depends_line(library_packages(root / INSTALL_DIR), versioned or {}),
    )
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    for script in MAINTAINER_SCRIPTS:
        target = root / "DEBIAN" / script
        shutil.copyfile(DEBIAN / script, target)
        target.chmod(0o755)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"redaksi_{version}_{arch}.deb"
    _run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(deb)])
    return deb


def depends_line(packages: set[str], versioned: dict[str, str]) -> str:
    names = sorted(set(BASE_DEPENDS) | packages | set(versioned))
    return ", ".join(versioned.get(name, name) for name in names)


def _install_files(root: Path) -> None:
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/redaksi").symlink_to(f"/{INSTALL_DIR}/redaksi")
    _copy(PACKAGING / "redaksi.desktop", root / "usr/share/applications/redaksi.desktop")
    hicolor = root / "usr/share/icons/hicolor"
    _copy(ICONS / "redaksi.svg", hicolor / "scalable/apps/redaksi.svg")
    _copy(ICONS / "redaksi.png", hicolor / "256x256/apps/redaksi.png")
    _copy(ICONS / "redaksi-48.png", hicolor / "48x48/apps/redaksi.png")
    doc = root / "usr/share/doc/redaksi"
    _copy(DEBIAN / "copyright", doc / "copyright")
    _copy(PACKAGING / "config.toml.example", doc / "config.toml.example")
    # The newsroom server: a systemd unit (not enabled) and the nginx sample beside it.
    _copy(DEBIAN / "redaksi-server.service", root / "lib/systemd/system/redaksi-server.service")
    _copy(PACKAGING / "nginx-redaksi.conf", doc / "nginx-redaksi.conf")
    for path in root.rglob("*"):  # dpkg keeps modes as they are: make them the usual ones
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _installed_size_kib(root: Path) -> int:
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


_LDD_LINE = re.compile(r"^\s*(\S+) => (/\S+) \(0x[0-9a-f]+\)$")


def library_packages(bundle: Path) -> set[str]:
    """Debian packages owning the system libraries the bundle's binaries load.

    ldd resolves through the system's paths, but the frozen app puts its own folder first
    (LD_LIBRARY_PATH), so a library the bundle carries a copy of is not a dependency.
    """
    outside: set[str] = set()
    binaries = [p for p in bundle.rglob("*") if p.is_file() and is_elf(p)]
    bundled = {binary.name for binary in binaries}
    for binary in binaries:
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            match = _LDD_LINE.match(line)
            if match and match.group(1) not in bundled:
                outside.add(match.group(2))
    packages: set[str] = set()
    for library in sorted(outside):
        result = subprocess.run(["dpkg", "-S", library], capture_output=True, text=True)
        if result.returncode != 0:  # /lib vs /usr/lib (merged /usr): ask for the other path
            other = library.removeprefix("/usr") if library.startswith("/usr") else "/usr" + library
            result = subprocess.run(["dpkg", "-S", other], capture_output=True, text=True)
        if result.returncode == 0:
            package = result.stdout.split(":", 1)[0].strip()
            packages.add(package)
    return packages


def _run(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
