"""House-style hints: PUEBI and the newsroom's own rules, read from a data file.

The rules ship in ``resources/spelling/house_style.toml``; a newsroom adds its own in a
``house_style.toml`` beside the system configuration (``/etc/redaksi`` on Linux), in the
same format: its word lists extend the shipped ones, its patterns come after them and
replace a shipped pattern of the same ``id``. The file documents each kind of rule.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from editor.errors import ValidationError
from editor.i18n import _, current_language
from editor.spelling.prose import WORD, overlaps
from editor.sysconfig import read_bounded_text, system_config_path

RULES_FILE = "house_style.toml"
#: The two ways of writing rupiah amounts (the ``house.currency_style`` setting).
CURRENCY_STYLES = ("puebi", "spaced")
DEFAULT_CURRENCY_STYLE = "puebi"


@dataclass(frozen=True)
class Hint:
    """A stretch of a line that house style writes otherwise."""

    start: int
    end: int
    rule: str
    fix: str
    reason: str


@dataclass(frozen=True)
class _Pattern:
    id: str
    regex: re.Pattern[str]
    fix: str | None
    translate: tuple[str, str] | None
    currency: str | None
    lowercase: bool
    in_headline: bool
    reason: dict[str, str]

    def replacement(self, match: re.Match[str]) -> str:
        if self.translate is not None:
            text = match.group().translate(str.maketrans(*self.translate))
        else:
            try:
                text = match.expand(self.fix or "")
            except (re.error, IndexError):  # a newsroom's fix names a group it lacks
                return match.group()
        return text.lower() if self.lowercase else text


@dataclass
class HouseStyle:
    nonstandard: dict[str, str] = field(default_factory=dict)
    di_apart: set[str] = field(default_factory=set)
    di_joined_not_after: set[str] = field(default_factory=set)
    capitalise: set[str] = field(default_factory=set)
    #: Words taken as correct though the dictionary lacks them.
    accepted: set[str] = field(default_factory=set)
    patterns: list[_Pattern] = field(default_factory=list)
    reasons: dict[str, dict[str, str]] = field(default_factory=dict)

    def hints(
        self,
        line: str,
        mask: list[tuple[int, int]],
        *,
        currency: str = DEFAULT_CURRENCY_STYLE,
        headline: bool = False,
        spell: Callable[[str], bool] | None = None,
    ) -> list[Hint]:
        """Every hint for ``line`` outside ``mask``; overlapping hints keep the first."""
        found: list[Hint] = []
        taken: list[tuple[int, int]] = list(mask)

        def add(start: int, end: int, rule: str, fix: str, reason: str) -> None:
            if not overlaps(start, end, taken):
                found.append(Hint(start, end, rule, fix, reason))
                taken.append((start, end))

        tokens = list(WORD.finditer(line))
        for index, token in enumerate(tokens):
            word = token.group()
            lower = word.lower().replace("’", "'")
            right = self.nonstandard.get(lower)
            if right is not None:
                add(
                    token.start(),
                    token.end(),
                    "nonstandard",
                    _keep_case(word, right),
                    self._reason("nonstandard", _keep_case(word, right)),
                )
                continue
            if lower.startswith("di") and lower[2:] in self.di_apart and word[:1] in "dD":
                fixed = f"{word[:2]} {word[2:]}"
                add(token.start(), token.end(), "di_apart", fixed, self._reason("di_apart", fixed))
                continue
            if lower in self.capitalise and word == lower and not headline:
                fixed = word[:1].upper() + word[1:]
                add(
                    token.start(),
                    token.end(),
                    "capitalise",
                    fixed,
                    self._reason("capitalise", fixed),
                )
                continue
            if (
                lower == "di"
                and spell is not None
                and index + 1 < len(tokens)
                and line[token.end() : tokens[index + 1].start()] == " "
            ):
                following = tokens[index + 1].group()
                joined = word + following
                if (
                    following.islower()
                    and following not in self.di_joined_not_after
                    and following not in self.di_apart
                    and spell(joined)
                ):
                    add(
                        token.start(),
                        tokens[index + 1].end(),
                        "di_joined",
                        joined,
                        self._reason("di_joined", joined),
                    )
        for pattern in self.patterns:
            if pattern.currency is not None and pattern.currency != currency:
                continue
            if headline and not pattern.in_headline:
                continue
            for match in pattern.regex.finditer(line):
                if match.end() > match.start():
                    fixed = pattern.replacement(match)
                    if fixed != match.group():
                        add(
                            match.start(),
                            match.end(),
                            pattern.id,
                            fixed,
                            _pick(pattern.reason).format(right=fixed),
                        )
        return sorted(found, key=lambda hint: hint.start)

    def _reason(self, rule: str, right: str) -> str:
        return _pick(self.reasons.get(rule, {})).format(right=right)


def _keep_case(written: str, right: str) -> str:
    """``right`` with the capital letter the writer used (a sentence start, a headline)."""
    if written.isupper() and len(written) > 1:
        return right.upper()
    if written[:1].isupper():
        return right[:1].upper() + right[1:]
    return right


def _pick(reason: dict[str, str]) -> str:
    return reason.get(current_language()) or reason.get("en") or next(iter(reason.values()), "")


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("{where} must be a list of strings.").format(where=where))
    return value


def _reason_of(table: dict[str, Any], where: str) -> dict[str, str]:
    reason = table.get("reason", {})
    if isinstance(reason, str):
        return {"en": reason}
    if not isinstance(reason, dict) or not all(isinstance(v, str) for v in reason.values()):
        raise ValidationError(
            _(
                "{where}: reason must be text, or one text per language (reason.id, reason.en)."
            ).format(where=where)
        )
    return reason


def _add_rules(style: HouseStyle, data: dict[str, Any], source: str) -> None:
    """Add the rules of one parsed file to ``style``; ValidationError names what is wrong."""
    nonstandard = data.get("nonstandard", {})
    if nonstandard:
        words = nonstandard.get("words", {})
        if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
            raise ValidationError(
                _(
                    "{source}: [nonstandard.words] must map words to their standard form: "
                    'kemaren = "kemarin".'
                ).format(source=source)
            )
        style.nonstandard.update({k.lower().replace("’", "'"): v for k, v in words.items()})
        style.reasons.setdefault("nonstandard", {}).update(_reason_of(nonstandard, source))
    for key, target in (
        ("di_apart", style.di_apart),
        ("capitalise", style.capitalise),
    ):
        table = data.get(key, {})
        if table:
            target.update(
                w.lower() for w in _strings(table.get("words", []), f"{source}: {key}.words")
            )
            style.reasons.setdefault(key, {}).update(_reason_of(table, source))
    accepted = data.get("accepted", {})
    if accepted:
        style.accepted.update(_strings(accepted.get("words", []), f"{source}: accepted.words"))
    joined = data.get("di_joined", {})
    if joined:
        style.di_joined_not_after.update(
            _strings(joined.get("not_after", []), f"{source}: di_joined.not_after")
        )
        style.reasons.setdefault("di_joined", {}).update(_reason_of(joined, source))
    patterns = data.get("pattern", [])
    if not isinstance(patterns, list):
        raise ValidationError(
            _("{source}: [[pattern]] must be a list of tables.").format(source=source)
        )
    for number, table in enumerate(patterns, 1):
        where = _("{source}, pattern {number}").format(source=source, number=number)
        rule = _pattern(table, where)
        style.patterns = [p for p in style.patterns if p.id != rule.id] + [rule]


def _pattern(table: object, where: str) -> _Pattern:
    if not isinstance(table, dict) or not isinstance(table.get("match"), str):
        raise ValidationError(_("{where}: a pattern needs match = '…'.").format(where=where))
    try:
        regex = re.compile(table["match"])
    except re.error as error:
        raise ValidationError(
            _("{where}: the pattern {pattern} is not a valid regular expression: {error}.").format(
                where=where, pattern=table["match"], error=error
            )
        ) from error
    fix = table.get("fix")
    translate = table.get("translate")
    if translate is not None and (
        not isinstance(translate, list)
        or len(translate) != 2
        or not all(isinstance(t, str) for t in translate)
        or len(translate[0]) != len(translate[1])
    ):
        raise ValidationError(
            _('{where}: translate must be two strings of equal length: [",", "."].').format(
                where=where
            )
        )
    if (fix is None) == (translate is None) or (fix is not None and not isinstance(fix, str)):
        raise ValidationError(
            _("{where}: give either fix = '…' or translate = […].").format(where=where)
        )
    currency = table.get("currency")
    if currency is not None and currency not in CURRENCY_STYLES:
        raise ValidationError(
            _("{where}: currency must be one of {styles}.").format(
                where=where, styles=", ".join(CURRENCY_STYLES)
            )
        )
    return _Pattern(
        id=str(table.get("id") or table["match"]),
        regex=regex,
        fix=fix,
        translate=(translate[0], translate[1]) if translate else None,
        currency=currency,
        lowercase=bool(table.get("lowercase", False)),
        in_headline=bool(table.get("headline", True)),
        reason=_reason_of(table, where),
    )


def shipped_rules_path() -> Path:
    return Path(str(resources.files("resources") / "spelling" / RULES_FILE))


def newsroom_rules_path() -> Path:
    return system_config_path().parent / RULES_FILE


def parse_rules(texts: Iterable[tuple[str, str]]) -> HouseStyle:
    """Rules from (source name, TOML text) pairs, later ones extending earlier ones."""
    style = HouseStyle()
    for source, text in texts:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ValidationError(
                _("{source} is not valid TOML: {error}.").format(source=source, error=error)
            ) from error
        _add_rules(style, data, source)
    return style


@cache
def load_house_style() -> tuple[HouseStyle, tuple[str, ...]]:
    """The shipped rules with the newsroom's own; and a message for each problem.

    A damaged newsroom file is reported and left out: the shipped rules still apply.
    """
    shipped = shipped_rules_path()
    style = parse_rules([(str(shipped), shipped.read_text(encoding="utf-8"))])
    extra = newsroom_rules_path()
    try:
        text = read_bounded_text(extra)
    except FileNotFoundError:
        return style, ()
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return style, (
            _("The newsroom's house-style rules {path} were not read: {error}.").format(
                path=extra, error=error
            ),
        )
    try:
        _add_rules(style, tomllib.loads(text), str(extra))
    except (tomllib.TOMLDecodeError, ValidationError) as error:
        style = parse_rules([(str(shipped), shipped.read_text(encoding="utf-8"))])
        return style, (
            _("The newsroom's house-style rules {path} were not used: {error}").format(
                path=extra, error=error
            ),
        )
    return style, ()
