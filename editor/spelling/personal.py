"""A person's own dictionary: ``words.txt`` in their data folder, one word a line.

Kept outside the database on purpose: it is this person's, on this computer, and needs
no role. The newsroom's shared list is in the database (``editor.spelling.words``).
"""

from __future__ import annotations

from pathlib import Path

from editor.config import default_data_dir
from editor.errors import ValidationError
from editor.i18n import _
from editor.userconfig import write_atomically

WORDS_FILE = "words.txt"
#: A personal dictionary is a few hundred words; a bigger file is not one.
MAX_PERSONAL_BYTES = 2 << 20
MAX_WORD_CHARS = 100


def personal_words_path() -> Path:
    return default_data_dir() / WORDS_FILE


def checked_word(word: str) -> str:
    """``word`` stripped, or a ValidationError saying why it cannot be a dictionary entry."""
    word = word.strip()
    if not word or len(word) > MAX_WORD_CHARS or any(c.isspace() or ord(c) < 32 for c in word):
        raise ValidationError(
            _(
                "“{word}” cannot go in a dictionary: give one word of at most {limit} letters."
            ).format(word=word[:MAX_WORD_CHARS], limit=MAX_WORD_CHARS)
        )
    return word


def load_personal_words(path: Path | None = None) -> list[str]:
    """The words, or none when the file is missing, unreadable or not a small text file."""
    path = path or personal_words_path()
    try:
        if not path.is_file() or path.stat().st_size > MAX_PERSONAL_BYTES:
            return []
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def add_personal_word(word: str, path: Path | None = None) -> list[str]:
    """Add ``word`` (once) and return the whole list."""
    word = checked_word(word)
    path = path or personal_words_path()
    words = load_personal_words(path)
    if word not in words:
        words.append(word)
        write_atomically(path, "".join(f"{w}\n" for w in sorted(words, key=str.casefold)))
    return words
