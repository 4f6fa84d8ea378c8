"""requirements.lock matches pyproject.toml, and this environment was installed from it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.version import Version

from tests.packaging.lock_check import pins, problems, read

ROOT = Path(__file__).resolve().parents[2]

PYPROJECT = """
[project]
name = "redaksi"
dependencies = ["Markdown>=3.6", "psycopg[binary]>=3.1"]
[project.optional-dependencies]
dev = ["pytest>=8"]
"""
LOCK = """\
markdown==3.11.4 \\
    --hash=sha256:aa
    # via redaksi (pyproject.toml)
psycopg==3.3.9 \\
    --hash=sha256:bb
    # via redaksi (pyproject.toml)
psycopg-binary==3.3.9 ; implementation_name != 'pypy' \\
    --hash=sha256:cc
    # via psycopg
pytest==9.2.0 \\
    --hash=sha256:dd
    # via redaksi (pyproject.toml)
"""


def test_the_lock_matches_pyproject() -> None:
    assert problems(*read(ROOT)) == [], "run: bash scripts/lock.sh (see README.md)"


def test_this_environment_has_the_locked_versions() -> None:
    """bootstrap.sh installs the lock, not whatever PyPI offers today."""
    _pyproject, lock = read(ROOT)
    differ = []
    for name, entries in pins(lock).items():
        for pin in entries:
            if pin.marker is not None and not pin.marker.evaluate():
                continue
            try:
                installed = Version(version(name))
            except PackageNotFoundError:
                installed = None
            if installed != pin.version:
                differ.append(f"{name}: locked {pin.version}, installed {installed}")
    assert differ == [], "run: bash scripts/bootstrap.sh"


def test_a_consistent_example_has_no_problems() -> None:
    assert problems(PYPROJECT, LOCK) == []


def test_a_new_requirement_missing_from_the_lock_is_found() -> None:
    edited = PYPROJECT.replace('"pytest>=8"', '"pytest>=8", "nh3>=0.2"')
    assert problems(edited, LOCK) == ["nh3 is required but not in the lock"]


def test_a_range_that_excludes_the_locked_version_is_found() -> None:
    edited = PYPROJECT.replace("Markdown>=3.6", "Markdown>=3.6,<3.11.4")
    (problem,) = problems(edited, LOCK)
    assert "markdown==3.11.4" in problem


def test_a_dropped_requirement_still_locked_is_found() -> None:
    edited = PYPROJECT.replace('dev = ["pytest>=8"]', "dev = []")
    assert problems(edited, LOCK) == [
        "pytest is locked for pyproject.toml, which no longer asks for it"
    ]


def test_an_extra_whose_packages_are_missing_is_found() -> None:
    without_binary = LOCK.split("psycopg-binary")[0] + "pytest" + LOCK.split("\npytest")[1]
    assert problems(PYPROJECT, without_binary) == ["psycopg[binary]'s packages are not in the lock"]


def test_a_pin_without_hashes_is_found() -> None:
    assert problems(PYPROJECT, LOCK.replace("    --hash=sha256:dd\n", "")) == [
        "pytest==9.2.0 has no hash"
    ]
