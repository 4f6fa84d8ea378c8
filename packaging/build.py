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
    return bundle


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
    bundle = dist / APP_NAME
    if not (args.reuse_bundle and (bundle / APP_NAME).is_file()):
        bundle = build_bundle(dist, work)
    print(f"bundle: {bundle} ({folder_size(bundle) / 2**20:.1f} MiB)", flush=True)
    if args.target in ("deb", "all"):
        if str(PACKAGING) not in sys.path:
            sys.path.insert(0, str(PACKAGING))
        from debian_package import build_deb  # beside this script

        deb = build_deb(bundle, dist, version, work / "deb", args.compression)
        print(f"deb: {deb} ({deb.stat().st_size / 2**20:.1f} MiB)", flush=True)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


def folder_size(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
