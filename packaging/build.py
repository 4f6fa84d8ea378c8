"""Build Redaksi for newsroom workstations: ``python packaging/build.py bundle|deb|all``.

``bundle`` makes the PyInstaller one-folder app in ``dist/redaksi/`` (installing PyInstaller
into the running Python first if it is missing); ``deb`` (and ``all``) also wraps that
folder into ``dist/redaksi_<version>_<arch>.deb`` with dpkg-deb. The version comes from
pyproject.toml, the one place it is kept. See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "redaksi.spec"
APP_NAME = "redaksi"


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version in pyproject.toml: the same one importlib.metadata reports at run time."""
    with pyproject.open("rb") as stream:
        return str(tomllib.load(stream)["project"]["version"])


def check_installed_version() -> str:
    """The version, once the installed metadata (what the app reports) agrees with pyproject."""
    from importlib.metadata import PackageNotFoundError, version

    wanted = project_version()
    try:
        installed = version("redaksi")
    except PackageNotFoundError:
        installed = "not installed"
    if installed != wanted:
        raise SystemExit(
            f"build.py: pyproject.toml says {wanted} but the installed redaksi metadata says "
            f"{installed}; run '{sys.executable} -m pip install -e .' and build again."
        )
    return wanted


def ensure_locked_packages() -> None:
    """Bundle exactly the versions in requirements.lock (PyInstaller's own included).

    Installing the lock is quick when it is already installed, and it puts back any
    package someone upgraded by hand, so every build bundles the same libraries.
    """
    lock = ROOT / "requirements.lock"
    command = [sys.executable, "-m", "pip", "install", "-q", "--require-hashes", "--no-deps"]
    subprocess.run([*command, "-r", str(lock)], check=True)


def build_bundle(dist: Path, work: Path) -> Path:
    """The one-folder app (``dist/redaksi``), rebuilt from scratch."""
    ensure_locked_packages()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)]
    subprocess.run([*command, str(SPEC)], check=True, cwd=ROOT)
    bundle = dist / APP_NAME
    if not (bundle / APP_NAME).is_file():
        raise SystemExit(f"build.py: PyInstaller finished but {bundle / APP_NAME} is missing.")
    if sys.platform == "linux":
        strip_bundle(bundle / "_internal")
    return bundle


def strip_bundle(internal: Path) -> None:
    """Drop debug symbols (libpython alone carries 17 MB of them), as PyInstaller's strip
    would, but never in the ``*.libs`` folders: auditwheel rewrote those libraries with
    patchelf, and strip breaks them (numpy's OpenBLAS: "ELF load command address/offset
    not page-aligned", and the dashboard could not start). They come stripped anyway.
    """
    from elf_needs import is_elf  # beside this script

    files = [
        str(path)
        for path in internal.rglob("*")
        if path.is_file()
        and not path.is_symlink()
        and not any(part.endswith(".libs") for part in path.relative_to(internal).parts)
        and is_elf(path)
    ]
    for start in range(0, len(files), 200):
        subprocess.run(["strip", "--strip-unneeded", *files[start : start + 200]], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Redaksi bundle and Debian package.")
    parser.add_argument("target", choices=("bundle", "deb", "all"))
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument(
        "--reuse-bundle",
        action="store_true",
        help="package the existing dist/redaksi instead of rebuilding it",
    )
    parser.add_argument(
        "--compression",
        choices=("xz", "zstd"),
        default="xz",
        help="of the .deb: xz is smallest; zstd builds in seconds (tests use it)",
    )
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    started = time.perf_counter()
    version = check_installed_version()
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    bundle = dist / APP_NAME
    if not (args.reuse_bundle and (bundle / APP_NAME).is_file()):
        bundle = build_bundle(dist, work)
        print(f"bundle built in {time.perf_counter() - started:.0f} s", flush=True)
    for line in bundle_figures(bundle):
        print(line, flush=True)
    versioned: dict[str, str] = {}
    if sys.platform == "linux":
        from elf_needs import OLDEST_RELEASE, check_oldest_release, runtime_needs, versioned_depends

        needs = runtime_needs(bundle / "_internal")
        print(
            f"needs glibc {needs.glibc_text} ({needs.glibc_file}); "
            f"{OLDEST_RELEASE} is the oldest release it must start on",
            flush=True,
        )
        check_oldest_release(needs)
        versioned = versioned_depends(needs)
    if args.target in ("deb", "all"):
        from debian_package import build_deb  # beside this script

        packing = time.perf_counter()
        deb = build_deb(bundle, dist, version, work / "deb", args.compression, versioned)
        print(
            f"deb: {deb} ({mib(deb.stat().st_size)} MiB with {args.compression}, "
            f"{time.perf_counter() - packing:.0f} s)",
            flush=True,
        )
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


def folder_size(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def mib(size: int) -> str:
    return f"{size / 2**20:.1f}"


#: Parts of the bundle worth watching, as globs under _internal/ (the README's table).
BUNDLE_PARTS = {
    "Qt and PySide6": ("PySide6", "shiboken6"),
    "of which ICU data": ("PySide6/Qt/lib/libicudata*",),
    "numpy (pyqtgraph's)": ("numpy", "numpy.libs"),
    "Python": ("libpython3*", "python3*", "base_library.zip"),
    "PostgreSQL client": ("psycopg_binary", "psycopg_binary.libs"),
}


def bundle_figures(bundle: Path) -> list[str]:
    """One line for the whole bundle, then one per part in BUNDLE_PARTS."""
    internal = bundle / "_internal"
    lines = [f"bundle: {bundle} ({mib(folder_size(bundle))} MiB)"]
    for label, patterns in BUNDLE_PARTS.items():
        size = 0
        for pattern in patterns:
            for path in internal.glob(pattern):
                size += folder_size(path) if path.is_dir() else path.stat().st_size
        lines.append(f"  {label}: {mib(size)} MiB")
    return lines


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
