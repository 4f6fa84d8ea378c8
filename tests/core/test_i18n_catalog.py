"""The Indonesian catalog of the core's messages: complete, compiled, placeholders intact.

Extraction here is the one resources/locale/README.md documents, so a message added to
the source without a translation (or a .po edited without recompiling) fails.
"""

from __future__ import annotations

import gettext
import string
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
PO = LOCALE / "id" / "LC_MESSAGES" / "redaksi.po"
MO = PO.with_suffix(".mo")
POT = LOCALE / "redaksi.pot"


def _key(msgid: str | tuple[str, ...]) -> str | tuple[str, ...]:
    return msgid if isinstance(msgid, str) else tuple(msgid)


@pytest.fixture(scope="module")
def source_ids() -> set[str | tuple[str, ...]]:
    found = extract_from_dir(str(ROOT / "editor"), method_map=[("**.py", "python")])
    return {_key(message) for _file, _line, message, _comments, _context in found}


@pytest.fixture(scope="module")
def catalog():
    with PO.open("rb") as stream:
        return read_po(stream, locale="id")


def _entries(catalog):
    return [m for m in catalog if m.id]


def test_every_message_in_the_source_has_an_indonesian_translation(source_ids, catalog):
    translated = {
        _key(m.id)
        for m in _entries(catalog)
        if not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))
    }
    missing = sorted(map(str, source_ids - translated))
    assert not missing, f"untranslated (see resources/locale/README.md): {missing}"
    stale = sorted(map(str, {_key(m.id) for m in _entries(catalog)} - source_ids))
    assert not stale, f"no longer in the source, run pybabel update: {stale}"


def test_the_template_is_current(source_ids):
    with POT.open("rb") as stream:
        template = {_key(m.id) for m in read_po(stream) if m.id}
    assert template == source_ids


def test_the_compiled_catalog_matches_the_po(catalog):
    with MO.open("rb") as stream:
        compiled = gettext.GNUTranslations(stream)._catalog  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for message in _entries(catalog):
        if isinstance(message.id, str):
            expected[message.id] = message.string
        else:
            for index, text in enumerate(message.string):
                expected[(message.id[0], index)] = text
    compiled = {key: value for key, value in compiled.items() if key != ""}
    assert compiled == expected, "rebuild the .mo: pybabel compile (resources/locale/README.md)"


def _fields(text: str) -> Counter[tuple[str, str, str]]:
    return Counter(
        (name, conversion or "", spec or "")
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def test_translations_keep_exactly_the_placeholders_of_their_message(catalog):
    wrong = []
    for message in _entries(catalog):
        if isinstance(message.id, str):
            pairs = [(message.id, message.string)]
        else:
            pairs = [(message.id[-1], text) for text in message.string]
        for original, translated in pairs:
            if set(_fields(original)) != set(_fields(translated)):
                wrong.append((original, translated))
    assert not wrong


def test_placeholder_check_catches_a_dropped_or_renamed_field():
    assert set(_fields("{name} is now {role}.")) != set(_fields("{name} kini {peran}."))
    assert set(_fields("at {when:%H:%M}")) != set(_fields("pada {when}"))
