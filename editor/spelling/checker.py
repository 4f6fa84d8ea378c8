"""The spell checker and house-style hints together: text in, ``Problem`` values out.

One ``Checker`` serves one language with one set of accepted words (the newsroom's list,
the person's own, the ones ignored in this article). ``check_line`` is what the editor
calls for the paragraph being typed; ``check_document`` and ``check_article`` serve the
command line and the pre-publish checklist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from editor.i18n import _
from editor.records import ArticleRecord
from editor.spelling.dictionary import DictionaryUnavailable, SpellDictionary, load_dictionary
from editor.spelling.house_style import DEFAULT_CURRENCY_STYLE, HouseStyle, load_house_style
from editor.spelling.prose import LineKind, line_kinds, overlaps, prose_mask, words

SPELLING = "spelling"
STYLE = "style"
#: Lines longer than this are left unchecked (a pasted data dump is not prose).
MAX_CHECKED_LINE = 20_000
#: Distinct words whose verdict is remembered before the memory starts over.
MAX_VERDICTS = 100_000


@dataclass(frozen=True)
class Problem:
    """A misspelt word or a house-style hint, by its place in the checked line."""

    start: int
    end: int
    text: str
    #: SPELLING or STYLE.
    kind: str
    #: "spelling", "newsroom_case" or the house-style rule's id.
    rule: str
    reason: str
    #: The replacement a style hint offers (spelling suggestions are asked for on demand).
    fixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Located:
    """A problem in an article: which field, which line (1-based) and column (1-based)."""

    field: str
    line: int
    column: int
    problem: Problem


def _needs_no_check(word: str) -> bool:
    # Single letters and abbreviations in capitals (TK, DPR, NATO) are not checked against
    # the dictionary: the newsroom list says how an abbreviation is written.
    return len(word) < 2 or (word.isupper() and len(word) <= 6)


class Checker:
    def __init__(
        self,
        dictionary: SpellDictionary | None,
        style: HouseStyle | None,
        *,
        accepted: Iterable[str] = (),
        currency: str = DEFAULT_CURRENCY_STYLE,
    ) -> None:
        self.dictionary = dictionary
        self.style = style
        self.currency = currency
        self._accepted: set[str] = set()
        #: Lowercase form → the newsroom's spelling, for words with capitals in them.
        self._canonical: dict[str, str] = {}
        #: Each distinct word's verdict (a problem at offset 0, or None): an article
        #: repeats its words, and a keystroke re-checks the whole paragraph.
        self._verdicts: dict[str, Problem | None] = {}
        self.accept(accepted)

    def accept(self, entries: Iterable[str]) -> None:
        """Take words as correct from now on (a list entry may hold several: a full name)."""
        self._verdicts.clear()
        for entry in entries:
            for word in entry.replace("’", "'").split():
                self._accepted.add(word)
                if word != word.lower():
                    self._canonical.setdefault(word.lower(), word)

    def is_accepted(self, word: str) -> bool:
        word = word.replace("’", "'")
        return word in self._accepted or (
            word[:1].isupper() and word[:1].lower() + word[1:] in self._accepted
        )

    def check_line(self, line: str, *, headline: bool = False) -> list[Problem]:
        """Problems in one line of prose (a paragraph of Markdown, a headline)."""
        if not line or len(line) > MAX_CHECKED_LINE:
            return []
        mask = prose_mask(line)
        problems: list[Problem] = []
        taken: list[tuple[int, int]] = []
        if self.style is not None:
            for hint in self.style.hints(
                line,
                mask,
                currency=self.currency,
                headline=headline,
                spell=self._known_or_accepted if self.dictionary else None,
            ):
                problems.append(
                    Problem(
                        hint.start,
                        hint.end,
                        line[hint.start : hint.end],
                        STYLE,
                        hint.rule,
                        hint.reason,
                        (hint.fix,),
                    )
                )
                taken.append((hint.start, hint.end))
        for span in words(line, mask):
            if overlaps(span.start, span.end, taken):
                continue
            verdict = self._verdicts.get(span.text, ...)
            if verdict is ...:
                verdict = self._word_problem(0, len(span.text), span.text)
                if len(self._verdicts) > MAX_VERDICTS:
                    self._verdicts.clear()
                self._verdicts[span.text] = verdict
            if verdict is not None:
                problems.append(replace(verdict, start=span.start, end=span.end))
        return sorted(problems, key=lambda p: p.start)

    def _known_or_accepted(self, word: str) -> bool:
        return self.is_accepted(word) or (
            self.dictionary is not None and self.dictionary.known(word)
        )

    def _word_problem(self, start: int, end: int, word: str) -> Problem | None:
        if self.is_accepted(word):
            return None
        canonical = self._canonical.get(word.lower())
        if canonical is not None:
            return Problem(
                start,
                end,
                word,
                STYLE,
                "newsroom_case",
                _("The newsroom writes “{word}”.").format(word=canonical),
                (canonical,),
            )
        if self.dictionary is None or _needs_no_check(word) or self.dictionary.known(word):
            return None
        return Problem(
            start,
            end,
            word,
            SPELLING,
            SPELLING,
            _("“{word}” is not in the dictionary.").format(word=word),
        )

    def suggestions(self, word: str) -> list[str]:
        """Spellings to offer for ``word``: the newsroom's form first, then Hunspell's."""
        offered: list[str] = []
        canonical = self._canonical.get(word.lower())
        if canonical is not None:
            offered.append(canonical)
        if self.dictionary is not None:
            offered += [s for s in self.dictionary.suggestions(word) if s not in offered]
        return offered

    def check_document(self, text: str, *, field: str = "body") -> list[Located]:
        """Problems in a Markdown document, skipping code fences and front matter."""
        lines = text.split("\n")
        found: list[Located] = []
        for number, (line, kind) in enumerate(zip(lines, line_kinds(lines), strict=True), 1):
            if kind == LineKind.PROSE:
                for problem in self.check_line(line):
                    found.append(Located(field, number, problem.start + 1, problem))
        return found

    def check_article(self, record: ArticleRecord) -> list[Located]:
        """Problems in the headline, kicker, lead, lead-image caption and body."""
        found: list[Located] = []
        for field, text, headline in (
            ("headline", record.headline, True),
            ("kicker", record.kicker, True),
            ("lead", record.lead, False),
            ("caption", record.lead_image_caption, False),
        ):
            for number, line in enumerate(text.split("\n"), 1):
                for problem in self.check_line(line, headline=headline):
                    found.append(Located(field, number, problem.start + 1, problem))
        return found + self.check_document(record.body)


def make_checker(
    language: str,
    *,
    accepted: Iterable[str] = (),
    currency: str = DEFAULT_CURRENCY_STYLE,
) -> tuple[Checker, list[str]]:
    """A checker for an article language, and messages for whatever could not be loaded.

    Without a dictionary the checker still gives house-style hints; house style is
    Indonesian, so English articles get spelling only.
    """
    messages: list[str] = []
    try:
        dictionary: SpellDictionary | None = load_dictionary(language)
    except DictionaryUnavailable as error:
        dictionary = None
        messages.append(str(error))
    style: HouseStyle | None = None
    if language == "id":
        style, problems = load_house_style()
        messages += problems
    checker = Checker(dictionary, style, accepted=accepted, currency=currency)
    if style is not None:
        checker.accept(style.accepted)
    return checker, messages
