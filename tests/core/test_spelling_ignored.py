"""Words ignored in one article: kept for the person on this computer, bounded, and a
damaged file is no file."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from editor.errors import ValidationError
from editor.spelling import ignored
from editor.spelling.ignored import ignore_word, ignored_words_path, load_ignored


def test_words_are_kept_per_article_as_the_checker_wrote_them() -> None:
    first, second = uuid.uuid4(), uuid.uuid4()
    assert load_ignored(first) == []
    ignore_word(first, "Kalijodo")
    ignore_word(first, "Rp ")  # a hint's text, space and all
    ignore_word(first, "di jual")
    ignore_word(first, "Kalijodo")
    ignore_word(second, "kemaren")
    assert load_ignored(first) == ["Kalijodo", "Rp ", "di jual"]
    assert load_ignored(second) == ["kemaren"]
    assert ignored_words_path().is_file()


@pytest.mark.parametrize("bad", ["", "   ", "x" * 101, "baris\nbaru"])
def test_what_is_no_word_is_refused_and_nothing_written(bad: str) -> None:
    with pytest.raises(ValidationError):
        ignore_word(uuid.uuid4(), bad)
    assert not ignored_words_path().exists()


def test_a_damaged_or_foreign_file_counts_as_empty(tmp_path: Path) -> None:
    article = uuid.uuid4()
    path = tmp_path / "ignored.json"
    for text in ("{not json", "[1, 2]", json.dumps({str(article): "Kalijodo"}), "\xff"):
        path.write_text(text, encoding="latin-1")
        assert load_ignored(article, path) == []
    path.write_text(json.dumps({str(article): ["Kalijodo", 7, None, "x" * 500]}))
    assert load_ignored(article, path) == ["Kalijodo"]
    ignore_word(article, "Basarnas", path)  # a damaged file is replaced, not a crash
    assert load_ignored(article, path) == ["Kalijodo", "Basarnas"]


def test_the_oldest_articles_are_forgotten_past_the_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ignored, "MAX_ARTICLES", 3)
    path = tmp_path / "ignored.json"
    articles = [uuid.uuid4() for _ in range(4)]
    for article in articles:
        ignore_word(article, "Kalijodo", path)
    ignore_word(articles[1], "Basarnas", path)  # used again: kept longest
    ignore_word(uuid.uuid4(), "Pluit", path)
    assert [bool(load_ignored(a, path)) for a in articles] == [False, True, False, True]
