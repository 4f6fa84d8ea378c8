"""What a fresh clone reads first: the package metadata builds without a warning (the
licence is an SPDX expression, not the table setuptools deprecates), and the README and
docs stand alone, every link they make pointing at a file inside the repository."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Markdown links and images: [text](target) and ![alt](target).
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def test_the_package_metadata_builds_without_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    monkeypatch.chdir(ROOT)  # setuptools reads the README relative to the project
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        distribution = apply_configuration(Distribution(), ROOT / "pyproject.toml")
    assert distribution.metadata.license_expression == "GPL-3.0-or-later"
    classifiers = distribution.metadata.get_classifiers()
    assert not [c for c in classifiers if c.startswith("License ::")]  # the expression says it


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("document", documents(), ids=lambda path: path.name)
def test_every_link_of_the_docs_stays_inside_the_repository(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    outside = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue  # a web address or a place in the same page
        path = (document.parent / target.split("#")[0]).resolve()
        if not path.is_relative_to(ROOT) or not path.exists():
            outside.append(target)
    # Paths named in the text count too: a newcomer follows those as well.
    outside += re.findall(r"(?<![\w.])\.\./[\w./-]+", text)
    assert outside == [], f"{document.name} points outside the repository: {outside}"
