"""Spell checking and house-style hints on Indonesian news text (editor.spelling)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.errors import ValidationError
from editor.spelling.checker import SPELLING, STYLE, Checker, Problem, make_checker
from editor.spelling.house_style import load_house_style, parse_rules

NEWSROOM = ["DPR", "KPK", "Polri", "Pilkada", "Sri Mulyani", "Indrawati", "Pluit", "Gibran"]

# Paragraphs in the style of the sample page, with the slips desk editors fix all day.
SLIPS = (
    "Kemaren sore, ratusan warga antri di kantor kelurahan Pluit dimana bantuan sembako "
    "dibagikan. Menurut Menteri Keuangan Sri Mulyani Indrawati, praktek semacam itu "
    "beresiko karena bisa merubah data penerima."
)
CLEAN = (
    "Siswa TK Pertiwi di Jakarta Utara menerima bantuan senilai Rp 4,5 triliun dari "
    "pemerintah pada Jumat (5/12). KPK dan Polri mengawasi penyalurannya menjelang Pilkada, "
    "kata Ketua DPR."
)


@pytest.fixture
def checker() -> Iterator[Checker]:
    made, messages = make_checker("id", accepted=NEWSROOM, currency="spaced")
    assert messages == []
    yield made


def flagged(problems: list[Problem]) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {p.text: (p.rule, p.fixes) for p in problems}


def test_puebi_slips_are_hinted_with_their_fix(checker: Checker) -> None:
    found = flagged(checker.check_line(SLIPS))
    assert found["Kemaren"] == ("nonstandard", ("Kemarin",))
    assert found["antri"] == ("nonstandard", ("antre",))
    assert found["dimana"] == ("di_apart", ("di mana",))
    assert found["praktek"] == ("nonstandard", ("praktik",))
    assert found["beresiko"] == ("nonstandard", ("berisiko",))
    assert found["merubah"] == ("nonstandard", ("mengubah",))
    # Names in the newsroom's list, and words of news writing, are not flagged.
    for name in ("Pluit", "Sri", "Mulyani", "Indrawati", "sembako"):
        assert name not in found


def test_clean_copy_under_the_house_setting_has_no_problem(checker: Checker) -> None:
    assert checker.check_line(CLEAN) == []


def test_currency_follows_the_setting() -> None:
    puebi, _ = make_checker("id", currency="puebi")
    spaced, _ = make_checker("id", currency="spaced")
    line = "Nilai proyek Rp 4,5 triliun, naik dari Rp3 triliun."
    assert flagged(puebi.check_line(line)) == {"Rp ": ("rupiah-space", ("Rp",))}
    assert flagged(spaced.check_line(line)) == {"Rp": ("rupiah-joined", ("Rp ",))}
    for made, fix in ((puebi, "Rp"), (spaced, "Rp ")):
        found = flagged(made.check_line("Dana Rp. 4,5 Triliun cair."))
        assert found["Rp. "][1] == (fix,)
        assert found["Triliun"] == ("amount-word-case", ("triliun",))


def test_numbers_days_and_prefixes(checker: Checker) -> None:
    line = "Harga naik 4.5 persen menjadi 1,250,000 unit pada jumat, lalu di jual hari minggu."
    found = flagged(checker.check_line(line))
    assert found["4.5"] == ("decimal-separator", ("4,5",))
    assert found["1,250,000"] == ("thousands-separator", ("1.250.000",))
    assert found["jumat"] == ("capitalise", ("Jumat",))
    assert found["di jual"] == ("di_joined", ("dijual",))
    assert found["hari minggu"] == ("hari-minggu", ("hari Minggu",))
    # "di" before a place stays apart; a week ("minggu") is not a day.
    assert checker.check_line("Ia tinggal di rumah itu selama satu minggu.") == []
    assert flagged(checker.check_line("Pertemuan itu digelar Jum'at pagi."))["Jum'at"] == (
        "nonstandard",
        ("Jumat",),
    )


def test_misspelt_words_get_suggestions(checker: Checker) -> None:
    problems = checker.check_line("Pemerintha menaikkan anggaran.")
    assert [(p.text, p.kind) for p in problems] == [("Pemerintha", SPELLING)]
    assert "Pemerintah" in checker.suggestions("Pemerintha")


def test_newsroom_spelling_of_a_name_is_enforced(checker: Checker) -> None:
    found = flagged(checker.check_line("Penyidik kpk dan POLRI memeriksa saksi."))
    assert found["kpk"] == ("newsroom_case", ("KPK",))
    assert found["POLRI"] == ("newsroom_case", ("Polri",))
    assert checker.suggestions("kpk")[0] == "KPK"


def test_code_links_addresses_and_front_matter_are_skipped(checker: Checker) -> None:
    document = "\n".join(
        [
            "---",
            "title: kemaren dimana",
            "---",
            "Baca [laporan kemaren](https://contoh.id/dimana-kemaren) atau www.kemaren.id.",
            "Kirim ke redaksi@kemaren.id, lihat `kemaren_dimana` dan <https://x.id/antri>.",
            "```",
            "kemaren dimana antri",
            "```",
            "Warga antri.",
        ]
    )
    located = checker.check_document(document)
    # The link text is prose; its address, the mail, code and the header are not.
    assert [(loc.line, loc.column, loc.problem.text) for loc in located] == [
        (4, 15, "kemaren"),
        (9, 7, "antri"),
    ]


def test_english_articles_use_the_english_dictionary_without_house_style() -> None:
    english, messages = make_checker("en")
    assert messages == []
    problems = english.check_line("The goverment said kemaren that 4.5 trillion was spent.")
    assert {(p.text, p.kind) for p in problems} == {("goverment", SPELLING), ("kemaren", SPELLING)}


def test_unknown_language_still_gives_a_checker_with_one_message() -> None:
    made, messages = make_checker("jv")
    assert len(messages) == 1 and "jv" in messages[0]
    assert made.check_line("Sugeng enjing") == []


def test_hostile_text_is_handled(checker: Checker) -> None:
    assert checker.check_line("kemaren " * 5000) == []  # past the checked length
    long_word = "a" * 5000
    assert [p.text for p in checker.check_line(long_word + " pemerintah")] == [long_word]
    # Letters the Indonesian dictionary's character set lacks are not flagged.
    assert checker.check_line("Warga keturunan 李 dan Nguyễn hadir.") == []


def test_newsroom_rules_file_extends_the_shipped_rules(tmp_path: Path, monkeypatch) -> None:
    system = tmp_path / "etc" / "config.toml"
    system.parent.mkdir()
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(system))
    (system.parent / "house_style.toml").write_text(
        r"""
[nonstandard.words]
nggak = "tidak"

[[pattern]]
id = "wib"
match = '\b(\d{2})\.(\d{2}) wib\b'
fix = '\g<1>.\g<2> WIB'
reason = "Zona waktu ditulis kapital."
""",
        encoding="utf-8",
    )
    load_house_style.cache_clear()
    try:
        made, messages = make_checker("id")
        assert messages == []
        found = flagged(made.check_line("Kemaren nggak ada rapat pukul 10.00 wib."))
        assert found["nggak"] == ("nonstandard", ("tidak",))
        assert found["10.00 wib"] == ("wib", ("10.00 WIB",))
        assert found["Kemaren"][0] == "nonstandard"  # the shipped rules still apply
        (system.parent / "house_style.toml").write_text("[[pattern]]\nmatch = '('\n")
        load_house_style.cache_clear()
        made, messages = make_checker("id")
        assert len(messages) == 1 and "not a valid regular expression" in messages[0]
        assert flagged(made.check_line("Warga antri."))["antri"][0] == "nonstandard"
    finally:
        load_house_style.cache_clear()


def test_bad_rules_are_refused_with_the_place() -> None:
    with pytest.raises(ValidationError, match="pattern 1"):
        parse_rules([("rules.toml", "[[pattern]]\nid = 'x'\nmatch = 'a'\n")])
    with pytest.raises(ValidationError, match=r"rules\.toml"):
        parse_rules([("rules.toml", "[nonstandard.words]\nx = 1\n")])


def test_kinds_are_spelling_or_style(checker: Checker) -> None:
    kinds = {p.kind for p in checker.check_line("Kemaren pemerintha")}
    assert kinds == {SPELLING, STYLE}


def test_personal_dictionary_takes_one_word_at_a_time(tmp_path: Path) -> None:
    from editor.spelling.personal import add_personal_word, load_personal_words

    path = tmp_path / "words.txt"
    assert add_personal_word(" Kalijodo ", path) == ["Kalijodo"]
    assert add_personal_word("Kalijodo", path) == ["Kalijodo"]
    for bad in ("", "dua kata", "x" * 101, "tab\there"):
        with pytest.raises(ValidationError):
            add_personal_word(bad, path)
    assert load_personal_words(path) == ["Kalijodo"]
    path.write_bytes(b"\xff\xfe not text")
    assert load_personal_words(path) == []  # a damaged file is no dictionary, not a crash
    assert load_personal_words(tmp_path) == []  # nor is a folder
