"""The frozen app and the Debian package, tested as a newsroom machine would use them.

Slow (building takes minutes): runs when REDAKSI_BUILD_TESTS=1 (the tests build into a
temporary folder; CI sets it) or when ``dist/redaksi`` from an earlier
``python packaging/build.py all`` exists (the tests then use that build as it is;
REDAKSI_DIST names another output folder).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.release_roots import (
    UBUNTU_MIRROR_ENV,
    Release,
    fresh_root,
    in_root,
    missing_tools,
    supported_releases,
)

ROOT = Path(__file__).resolve().parents[2]
EXISTING_DIST = Path(os.environ.get("REDAKSI_DIST", ROOT / "dist"))
BUILD_ENV = "REDAKSI_BUILD_TESTS"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get(BUILD_ENV) != "1" and not (EXISTING_DIST / "redaksi" / "redaksi").is_file(),
        reason=f"set {BUILD_ENV}=1 to build the bundle and .deb (or build dist/ first)",
    ),
]


@dataclass(frozen=True)
class Build:
    app: Path
    deb: Path | None


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        return str(tomllib.load(stream)["project"]["version"])


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    if os.environ.get(BUILD_ENV) == "1":
        dist = tmp_path_factory.mktemp("dist")
        work = tmp_path_factory.mktemp("work")
        command = [sys.executable, str(ROOT / "packaging" / "build.py"), "all"]
        # zstd: the same package in seconds instead of minutes of xz.
        command += ["--dist", str(dist), "--work", str(work), "--compression", "zstd"]
        subprocess.run(command, check=True, cwd=ROOT)
    else:
        dist = EXISTING_DIST
    debs = sorted(dist.glob(f"redaksi_{project_version()}_*.deb"))
    return Build(app=dist / "redaksi" / "redaksi", deb=debs[-1] if debs else None)


@pytest.fixture
def machine(tmp_path: Path) -> dict[str, str]:
    """A bare environment: no Python on PATH, no virtualenv, a fresh home, no system config."""
    home = tmp_path / "home"
    return {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "REDAKSI_SYSTEM_CONFIG": str(tmp_path / "no-system-config.toml"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }


def run(build: Build, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(build.app), *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"redaksi {' '.join(args)} failed:\n{result.stderr}"
    return result


def test_version_comes_from_pyproject(build: Build, machine: dict[str, str]) -> None:
    assert run(build, machine, "--version").stdout.split() == ["redaksi", project_version()]


def test_frozen_app_screenshots_and_publishes_the_demo_newsroom(
    build: Build, machine: dict[str, str], tmp_path: Path
) -> None:
    database = tmp_path / "demo.db"
    demo = run(build, machine, "--db", str(database), "demo")
    assert "Created" in demo.stdout
    shot = tmp_path / "shot.png"
    run(build, machine, "--db", str(database), "--screenshot", str(shot), "--size", "1024x700")
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1024, 700)
    # The user's language: the same window under an Indonesian locale must look different
    # (menus, labels), which it only can when the bundled redaksi_id.qm was found.
    shot_id = tmp_path / "shot-id.png"
    indonesian = {**machine, "LANG": "id_ID.UTF-8", "LC_ALL": "id_ID.UTF-8"}
    run(
        build, indonesian, "--db", str(database), "--screenshot", str(shot_id), "--size", "1024x700"
    )
    assert shot_id.read_bytes() != shot.read_bytes()
    # The dashboard's charts: pyqtgraph and numpy (whose OpenBLAS a strip once broke).
    charts = tmp_path / "dashboard.png"
    args = ("--db", str(database), "--view", "dashboard", "--screenshot", str(charts))
    run(build, machine, *args, "--size", "1200x800")
    assert charts.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    site = tmp_path / "site"
    run(build, machine, "--db", str(database), "publish", "--out", str(site))
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Hadapi Ancaman China dan Rusia" in index
    pages = list((site / "read").rglob("index.html"))
    assert len(pages) >= 10
    assert any("LAPORAN: SARAH MEILIANA GUNAWAN" in page.read_text() for page in pages)


def test_frozen_app_carries_its_own_time_zones(
    build: Build, machine: dict[str, str], tmp_path: Path
) -> None:
    """A machine without the system's tzdata (Windows, a bare Linux) still knows WIB/WITA."""
    no_zones = {**machine, "PYTHONTZPATH": str(tmp_path / "no-zoneinfo")}
    database = tmp_path / "demo.db"
    assert "Created" in run(build, no_zones, "--db", str(database), "demo").stdout
    listed = run(build, no_zones, "--db", str(database), "config", "set", "zone", "Asia/Makassar")
    assert "Asia/Makassar" in listed.stdout


def test_frozen_app_checks_spelling_with_its_own_hunspell_and_dictionaries(
    build: Build, machine: dict[str, str], tmp_path: Path
) -> None:
    """chunspell's Hunspell and resources/dictionaries must travel in the bundle: no
    system hunspell-id, and no "spelling is not available" on a workstation."""
    draft = tmp_path / "draft.md"
    draft.write_text("Kemaren pemerintha membagikan bantuan.\n", encoding="utf-8")
    result = subprocess.run(
        [str(build.app), "--db", str(tmp_path / "check.db"), "check", str(draft)],
        env={**machine, "REDAKSI_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "style: Kemaren -> Kemarin" in result.stdout
    assert "spelling: pemerintha" in result.stdout, result.stderr
    assert "not available" not in result.stderr and "missing" not in result.stderr


def test_frozen_app_speaks_the_core_messages_in_indonesian(
    build: Build, machine: dict[str, str], tmp_path: Path
) -> None:
    """The gettext catalog (resources/locale) must be bundled, not only the Qt one."""
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database at all" * 300)
    for language, expected in (("id", "bukan basis data Redaksi"), ("en", "not a usable")):
        result = subprocess.run(
            [str(build.app), "--db", str(broken), "list"],
            env={**machine, "REDAKSI_LANG": language},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1
        assert expected in result.stderr, result.stderr


def test_frozen_app_applies_the_system_config(
    build: Build, machine: dict[str, str], tmp_path: Path
) -> None:
    system = Path(machine["REDAKSI_SYSTEM_CONFIG"])
    database = tmp_path / "kantor.db"
    system.write_text(
        f'database_url = "{database}"\nzone = "Asia/Jayapura"\n'
        'sections = ["Berita/Papua"]\nlocked = ["zone"]\n',
        encoding="utf-8",
    )
    shown = run(build, machine, "config").stdout
    assert "zone = Asia/Jayapura" in shown
    assert str(database) in shown
    sections = run(build, machine, "sections").stdout
    assert "Papua" in sections
    refused = subprocess.run(
        [str(build.app), "config", "set", "zone", "Asia/Jakarta"],
        env=machine,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode != 0
    assert "locked" in refused.stderr


@pytest.fixture
def deb(build: Build) -> Path:
    if build.deb is None:
        pytest.skip("no .deb in dist/: run 'python packaging/build.py deb'")
    return build.deb


def test_deb_metadata_and_file_list(deb: Path) -> None:
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Package: redaksi" in fields
    assert f"Version: {project_version()}" in fields
    assert "libxcb-cursor0" in fields
    # The real minimum, and the C++ runtime from the system (Ubuntu 22.04: glibc 2.35).
    depends = fields.split("Depends:", 1)[1]
    assert "libc6 (>= 2.3" in depends and "libc6 (>= 2.36" not in depends
    assert "libstdc++6 (>= " in depends and "libexpat1" in depends
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], check=True, capture_output=True, text=True
    ).stdout
    for expected in (
        "./opt/redaksi/redaksi",
        "./opt/redaksi/_internal/editor/migrations/versions/0001_first_schema.py",
        "./opt/redaksi/_internal/resources/templates/article.html",
        "./opt/redaksi/_internal/resources/translations/redaksi_id.qm",
        "./usr/bin/redaksi -> /opt/redaksi/redaksi",
        "./usr/share/applications/redaksi.desktop",
        "./usr/share/icons/hicolor/scalable/apps/redaksi.svg",
        "./usr/share/icons/hicolor/256x256/apps/redaksi.png",
        "./usr/share/doc/redaksi/copyright",
        "./opt/redaksi/_internal/tzdata/zoneinfo/Asia/Makassar",
        "./opt/redaksi/_internal/resources/dictionaries/id_ID.dic",
        "./opt/redaksi/_internal/resources/dictionaries/LGPL-3.txt",
        "./usr/share/doc/redaksi/nginx-redaksi.conf",
        "./lib/systemd/system/redaksi-server.service",
    ):
        assert expected in listing, f"{expected} missing from the package"
    for system_library in ("/libstdc++.so.6", "/libgcc_s.so.1", "/libexpat.so.1"):
        assert system_library not in listing, f"{system_library} must come from the system"
    assert " root/root " in listing and "/work/" not in listing


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_deb_desktop_entry_is_valid(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    entry = tmp_path / "usr/share/applications/redaksi.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    text = entry.read_text(encoding="utf-8")
    for line in ("Exec=redaksi", "Icon=redaksi", "GenericName=Newsroom editor", "Name[id]="):
        assert line in text
    assert "Categories=Office;Publishing;" in text


@pytest.fixture
def clean_root(tmp_path: Path) -> Iterator[Path]:
    """An empty dpkg database in a folder, to install into with ``dpkg --root``."""
    root = tmp_path / "root"
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"):
        (root / folder).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    (root / "var/lib/dpkg/available").touch()
    yield root


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Chrootless: the maintainer scripts run with DPKG_ROOT set, so they act inside the root.
    command = ["dpkg", f"--root={root}", "--force-script-chrootless", "--force-depends"]
    command += ["--force-not-root", "--log=/dev/null", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def test_deb_installs_into_a_clean_root_and_removes_cleanly(deb: Path, clean_root: Path) -> None:
    (clean_root / "opt").mkdir()  # the system's, empty, as on a fresh Debian or Ubuntu
    dpkg(clean_root, "--install", str(deb))
    installed = clean_root / "opt/redaksi/redaksi"
    assert installed.is_file() and os.access(installed, os.X_OK)
    assert os.readlink(clean_root / "usr/bin/redaksi") == "/opt/redaksi/redaksi"
    assert (clean_root / "usr/share/applications/redaksi.desktop").is_file()
    owned = dpkg(clean_root, "--listfiles", "redaksi").stdout.splitlines()
    assert "/usr/share/icons/hicolor/48x48/apps/redaksi.png" in owned
    # What Alembic leaves when the app runs as root: unknown to dpkg, removed by prerm.
    cache = clean_root / "opt/redaksi/_internal/editor/migrations/__pycache__"
    cache.mkdir()
    (cache / "env.cpython-311.pyc").write_bytes(b"\0")
    dpkg(clean_root, "--purge", "redaksi")
    assert not (clean_root / "opt/redaksi").exists()
    assert (clean_root / "opt").is_dir(), "removing Redaksi took the system's /opt away"
    assert not (clean_root / "usr/bin/redaksi").exists()
    assert not (clean_root / "usr/share/applications/redaksi.desktop").exists()
    assert not (clean_root / "usr/share/doc/redaksi").exists()
    leftovers = [
        path
        for path in clean_root.rglob("*")
        if "redaksi" in path.name and "var/lib/dpkg" not in str(path)
    ]
    assert leftovers == []


#: Where the bare-root tests leave their screenshots for a person to look at.
SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.mark.parametrize("release", supported_releases(), ids=lambda release: release.suite)
def test_deb_installs_with_apt_on_a_bare_release_and_the_gui_starts(
    deb: Path, release: Release, tmp_path: Path
) -> None:
    """As IT would: apt pulls in the dependencies on a minimal system (no Python, no X, no
    fonts, maybe no tzdata), a new user starts the GUI, then the package is purged."""
    missing = missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} to make a {release.name} root")
    if not release.mirror:
        pytest.skip(
            f"{release.name} is promised but not tested here: set {UBUNTU_MIRROR_ENV}="
            "http://…/ubuntu on a machine that reaches an Ubuntu mirror"
        )
    root, made_in = fresh_root(release, tmp_path / release.suite)
    if made_in:
        print(f"{release.name}: bare root made in {made_in:.0f} s")
    (root / "opt").mkdir(exist_ok=True)
    shutil.copyfile(deb, root / "tmp" / deb.name)
    started = time.perf_counter()
    in_root(root, "apt-get", "update", "-qq")
    installed = in_root(root, "apt-get", "install", "-y", "-q", f"/tmp/{deb.name}").stdout
    print(f"{release.name}: apt-get install took {time.perf_counter() - started:.0f} s")
    assert "Setting up redaksi" in installed
    assert in_root(root, "sh", "-c", "command -v python3", check=False).returncode != 0
    in_root(root, "useradd", "--create-home", "--uid", "4242", "--user-group", "reporter")
    home = {"HOME": "/home/reporter", "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": "/tmp"}
    demo = in_root(root, "redaksi", "demo", user="4242", env=home)
    assert "Created" in demo.stdout, demo.stderr
    shot = in_root(
        root,
        "redaksi",
        "--screenshot",
        "/tmp/shot.png",
        "--size",
        "1024x700",
        user="4242",
        env=home,
    )
    assert "Traceback" not in shot.stderr, shot.stderr
    header = (root / "tmp/shot.png").read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1024, 700)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / "tmp/shot.png", SCREENSHOTS / f"{release.suite}.png")
    in_root(root, "apt-get", "purge", "-y", "-q", "redaksi")
    assert (root / "opt").is_dir()
    assert not (root / "opt/redaksi").exists() and not (root / "usr/bin/redaksi").exists()
    assert (root / "home/reporter/.local/share").is_dir(), "the user's newsroom was removed"
