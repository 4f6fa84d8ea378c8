"""Golden files: each tests/golden/render/*.md renders to exactly the bytes in its .html.

After an intended change to the renderer, regenerate and review the diff::

    REDAKSI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/core/test_render_golden.py
    git diff tests/golden/render

A file named ``*.en.md`` is rendered as an English article, every other as Indonesian.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.render import markdown_to_html

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "render"
CASES = sorted(GOLDEN.glob("*.md"))
UPDATE = os.environ.get("REDAKSI_UPDATE_GOLDEN") == "1"


def _language(source: Path) -> str:
    return "en" if source.name.endswith(".en.md") else "id"


def test_every_newsroom_block_has_a_golden_file() -> None:
    names = {case.name for case in CASES}
    for needed in (
        "plain.md",
        "tables.md",
        "footnotes.md",
        "figures.md",
        "pullquotes.md",
        "related.md",
        "embeds.md",
        "raw-html.md",
        "sample-article.md",
    ):
        assert needed in names


@pytest.mark.parametrize("source", CASES, ids=[case.stem for case in CASES])
def test_golden_render(source: Path) -> None:
    expected_path = source.with_suffix(".html")
    actual = markdown_to_html(source.read_text(encoding="utf-8"), language=_language(source))
    if UPDATE:
        expected_path.write_text(actual, encoding="utf-8", newline="\n")
        pytest.skip(f"rewrote {expected_path.name}: review the diff before committing")
    assert expected_path.exists(), (
        f"{expected_path.name} is missing: run with REDAKSI_UPDATE_GOLDEN=1 to create it, "
        "then read it"
    )
    expected = expected_path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{source.name} no longer renders to {expected_path.name}; if the change is "
        "intended, regenerate with REDAKSI_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("source", CASES, ids=[case.stem for case in CASES])
def test_rendering_twice_gives_the_same_bytes(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    assert markdown_to_html(text) == markdown_to_html(text)
