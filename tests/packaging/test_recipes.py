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


def load_packaging_module(name: str) -> ModuleType:
    """packaging/NAME.py, imported under its own name (its dataclasses need sys.modules)."""
    import sys

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils")
def test_a_library_newer_than_the_oldest_release_stops_the_build(tmp_path: Path) -> None:
    """What broke Ubuntu 22.04: a bundled libstdc++ from a newer system. This machine's own
    libstdc++ stands in for it when it needs more than 22.04's glibc 2.35."""
    elf_needs = load_packaging_module("elf_needs")
    system_libstdcxx = Path(
        subprocess.run(
            ["g++", "-print-file-name=libstdc++.so.6"], capture_output=True, text=True
        ).stdout.strip()
    ).resolve()
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    shutil.copyfile(system_libstdcxx, bundle / "libstdc++.so.6")
    needs = elf_needs.runtime_needs(bundle)
    if needs.glibc <= elf_needs.OLDEST_GLIBC:
        pytest.skip(f"this machine's libstdc++ needs only glibc {needs.glibc_text}")
    assert needs.glibc_file == Path("libstdc++.so.6")
    with pytest.raises(SystemExit, match=r"libstdc\+\+\.so\.6 needs GLIBC_2\.3[6-9]"):
        elf_needs.check_oldest_release(needs)


@pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils")
def test_the_real_minimum_of_glibc_and_libstdcxx_goes_into_depends(tmp_path: Path) -> None:
    elf_needs = load_packaging_module("elf_needs")
    needs = elf_needs.RuntimeNeeds(glibc=(2, 34), glibcxx=(3, 4, 29))
    assert elf_needs.versioned_depends(needs) == {
        "libc6": "libc6 (>= 2.34)",
        "libstdc++6": "libstdc++6 (>= 11)",
    }
    shutil.copyfile("/bin/true", tmp_path / "true")
    measured = elf_needs.runtime_needs(tmp_path)
    assert measured.glibc > (2, 2, 5) and measured.glibc_file == Path("true")
    debian_package = load_packaging_module("debian_package")  # imports elf_needs by name
    line = debian_package.depends_line({"libc6", "libexpat1"}, {"libc6": "libc6 (>= 2.35)"})
    assert line.startswith("libc6 (>= 2.35), libegl1, libexpat1,")
    assert "libc6," not in line


def test_every_release_the_readmes_promise_has_a_bare_root_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A promised release without a mirror here is a skipped test that says so, never a
    test that is left out without a word."""
    from tests.packaging.release_roots import UBUNTU_MIRROR_ENV, supported_releases

    monkeypatch.delenv(UBUNTU_MIRROR_ENV, raising=False)
    releases = {release.name: release for release in supported_releases()}
    assert list(releases) == ["Debian 12", "Debian 13", "Ubuntu 22.04", "Ubuntu 24.04"]
    assert releases["Debian 12"].mirror and not releases["Ubuntu 22.04"].mirror
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert "Debian 12 and 13, Ubuntu 22.04 and later" in readme
    assert "Debian 12 or Ubuntu 22.04+" in (PACKAGING.parent / "README.md").read_text()
    monkeypatch.setenv(UBUNTU_MIRROR_ENV, "http://mirror.example/ubuntu")
    assert {r.mirror for r in supported_releases() if r.name.startswith("Ubuntu")} == {
        "http://mirror.example/ubuntu"
    }
