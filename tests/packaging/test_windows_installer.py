"""The Windows installer script, compiled with Inno Setup's own compiler and run, under wine.

The Windows bundle cannot be made on Linux (PyInstaller does not cross-compile), so the
script is compiled against a small placeholder payload: what is checked is the script
(a typo stops the compile), the install modes and the system-configuration switches, not
the app. scripts/windows_tools.sh installs wine and ISCC.exe (the ``innosetup`` npm
package); CI runs it and sets REDAKSI_BUILD_TESTS=1, under which missing tools fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISCC = ROOT / "build" / "innosetup" / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
SCRIPT = ROOT / "packaging" / "windows" / "redaksi.iss"

pytestmark = pytest.mark.slow


def windows(path: Path) -> str:
    """``path`` as wine's Windows side sees it (drive Z: is the Linux root)."""
    return "Z:" + str(path).replace("/", "\\")


@dataclass(frozen=True)
class Wine:
    prefix: Path

    def run(self, *command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "WINEPREFIX": str(self.prefix), "WINEDEBUG": "-all"}
        env.pop("DISPLAY", None)
        return subprocess.run(
            ["xvfb-run", "-a", "wine", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    missing = [tool for tool in ("wine", "xvfb-run") if shutil.which(tool) is None]
    if not ISCC.is_file():
        missing.append(str(ISCC.relative_to(ROOT)))
    if missing:
        reason = f"needs {', '.join(missing)}: run scripts/windows_tools.sh"
        if os.environ.get("REDAKSI_BUILD_TESTS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    prefix = tmp_path_factory.mktemp("wine")
    machine = Wine(prefix)
    # Windows 10: the installer refuses older ones (MinVersion), and wine says 7 by default.
    result = machine.run("winecfg", "/v", "win10")
    assert result.returncode == 0, result.stderr
    yield machine


@pytest.fixture(scope="module")
def setup_exe(wine: Wine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    payload = tmp_path_factory.mktemp("payload")
    (payload / "redaksi.exe").write_bytes(b"MZ placeholder for the PyInstaller bundle")
    (payload / "redaksi-cli.exe").write_bytes(b"MZ placeholder")
    (payload / "_internal" / "editor" / "migrations").mkdir(parents=True)
    (payload / "_internal" / "editor" / "migrations" / "env.py").write_text("# placeholder\n")
    out = tmp_path_factory.mktemp("setup")
    result = wine.run(
        str(ISCC),
        "/Q",
        "/DAppVersion=0.1.0",
        f"/DBundleDir={windows(payload)}",
        f"/DOutputDir={windows(out)}",
        windows(SCRIPT),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "redaksi-0.1.0-setup.exe"


def install(wine: Wine, setup_exe: Path, log: Path, *switches: str) -> str:
    quiet = ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", f"/LOG={windows(log)}")
    result = wine.run(str(setup_exe), *quiet, *switches)
    text = log.read_text(encoding="utf-8-sig", errors="replace") if log.exists() else ""
    assert result.returncode == 0, text[-3000:] + result.stderr[-2000:]
    return text


def test_the_script_compiles_with_inno_setup(setup_exe: Path) -> None:
    assert setup_exe.read_bytes()[:2] == b"MZ"
    assert setup_exe.stat().st_size > 500_000


def test_the_compiler_version_is_checked() -> None:
    """Inno Setup before 6.3 lacks x64compatible: such a compiler must stop, not guess."""
    script = SCRIPT.read_text(encoding="utf-8")
    assert "#if Ver < EncodeVer(6, 3, 0)" in script
    assert "ArchitecturesAllowed=x64compatible" in script


def test_system_config_is_installed_kept_and_replaced_only_when_asked(
    wine: Wine, setup_exe: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    first.write_text('zone = "Asia/Makassar"\n')
    second.write_text('zone = "Asia/Jayapura"\n')
    system = wine.drive_c / "ProgramData" / "Redaksi" / "config.toml"
    log = install(wine, setup_exe, tmp_path / "1.log", "/ALLUSERS", f"/SYSCONFIG={windows(first)}")
    assert system.read_text() == first.read_text()
    assert "Restricted the permissions of C:\\ProgramData\\Redaksi" in log
    install(wine, setup_exe, tmp_path / "2.log", "/ALLUSERS", f"/SYSCONFIG={windows(second)}")
    assert system.read_text() == first.read_text(), "an existing config was overwritten"
    switches = ("/ALLUSERS", f"/SYSCONFIG={windows(second)}", "/replacesysconfig")
    install(wine, setup_exe, tmp_path / "3.log", *switches)
    assert system.read_text() == second.read_text(), "/REPLACESYSCONFIG did not replace it"
    uninstaller = wine.drive_c / "Program Files" / "Redaksi" / "unins000.exe"
    assert uninstaller.is_file()
    result = wine.run(str(uninstaller), "/VERYSILENT", "/SUPPRESSMSGBOXES")
    assert result.returncode == 0, result.stderr
    assert not (wine.drive_c / "Program Files" / "Redaksi" / "redaksi.exe").exists()
    assert system.read_text() == second.read_text(), "uninstalling removed IT's config"


def test_both_uninstallers_are_named_where_it_reads_them() -> None:
    """Per-user installs go to {userpf} (%LOCALAPPDATA%\\Programs). wine 8 has no such
    known folder ("Failed to expand shell folder constant autopf"), so that mode is not run
    here: its uninstaller path is checked where IT reads it."""
    script = SCRIPT.read_text(encoding="utf-8")
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    assert "DefaultDirName={autopf}\\Redaksi" in script
    for text in (script, readme):
        assert "%ProgramFiles%\\Redaksi\\unins000.exe" in text
        assert "%LOCALAPPDATA%\\Programs\\Redaksi\\unins000.exe" in text
