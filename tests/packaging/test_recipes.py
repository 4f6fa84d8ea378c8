"""Fast checks of the packaging recipes that need no build: desktop entry, maintainer
scripts, the one version, the Windows script's install modes."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

import editor

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("redaksi_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_package_version_is_the_version_the_app_reports() -> None:
    build = load_build_script()
    assert build.project_version() == editor.__version__
    assert build.check_installed_version() == editor.__version__


def test_project_version_is_read_from_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "redaksi"\nversion = "2.3.4"\n')
    assert load_build_script().project_version(pyproject) == "2.3.4"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "redaksi.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.parametrize("script", ["postinst", "prerm", "postrm"])
def test_maintainer_scripts_are_valid_sh_and_stay_inside_dpkg_root(script: str) -> None:
    path = PACKAGING / "debian" / script
    subprocess.run(["sh", "-n", str(path)], check=True)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/sh\n")
    for line in text.splitlines():
        if "/opt/redaksi" in line or "/usr/share/" in line:
            assert "$DPKG_ROOT/" in line or line.lstrip().startswith("#"), line


def test_windows_installer_offers_both_install_modes_and_takes_the_version() -> None:
    script = (PACKAGING / "windows" / "redaksi.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequiredOverridesAllowed=dialog commandline" in script
    assert "AppVersion={#AppVersion}" in script  # passed in from pyproject, never typed here
    assert "DefaultDirName={autopf}\\Redaksi" in script  # Program Files or the user's folder
