"""Words a person ignored in one article: ``ignored.json`` in their data folder.

"Ignore in this article" is this person's judgement on this computer, like their own
dictionary (``editor.spelling.personal``), so it is kept beside it rather than in the
newsroom's database: the app underlines the words no more when the article is opened
again, and the pre-publish checklist leaves them out when this person publishes (from the
app or the command line). The file maps an article id to its words; a damaged or
oversized file counts as empty, and the oldest articles are forgotten past a bound.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from editor.config import default_data_dir
from editor.errors import ValidationError
from editor.i18n import _
from editor.spelling.personal import MAX_PERSONAL_BYTES, MAX_WORD_CHARS
from editor.userconfig import write_atomically

IGNORED_FILE = "ignored.json"
#: Articles remembered; the ones ignored in longest ago are forgotten first.
MAX_ARTICLES = 2_000
MAX_WORDS_PER_ARTICLE = 500


def ignored_words_path() -> Path:
    return default_data_dir() / IGNORED_FILE


def _load_all(path: Path) -> dict[str, list[str]]:
    try:
        if not path.is_file() or path.stat().st_size > MAX_PERSONAL_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: [w for w in words if isinstance(w, str) and len(w) <= MAX_WORD_CHARS][
            :MAX_WORDS_PER_ARTICLE
        ]
        for key, words in data.items()
        if isinstance(key, str) and isinstance(words, list)
    }


def load_ignored(article_id: uuid.UUID, path: Path | None = None) -> list[str]:
    """The words ignored in the article, or none when the file is missing or damaged."""
    return _load_all(path or ignored_words_path()).get(str(article_id), [])


def ignore_word(article_id: uuid.UUID, word: str, path: Path | None = None) -> list[str]:
    """Ignore ``word`` in the article from now on; returns the article's words.

    Raises ValidationError for what cannot be a word, OSError when the file cannot be
    written.
    """
    # Kept as the checker wrote it (a hint may span "di jual" or end in a space, "Rp "):
    # a problem is left out when its text is one of these.
    if not word.strip() or len(word) > MAX_WORD_CHARS or any(ord(c) < 32 for c in word):
        raise ValidationError(
            _("“{word}” cannot be ignored: it is not a word of the article.").format(
                word=word[:MAX_WORD_CHARS]
            )
        )
    path = path or ignored_words_path()
    everything = _load_all(path)
    key = str(article_id)
    words = everything.pop(key, [])
    if word not in words and len(words) < MAX_WORDS_PER_ARTICLE:
        words.append(word)
    everything[key] = words  # last in the file: ignored in most recently
    while len(everything) > MAX_ARTICLES:
        everything.pop(next(iter(everything)))
    write_atomically(path, json.dumps(everything, ensure_ascii=False, indent=0) + "\n")
    return words
