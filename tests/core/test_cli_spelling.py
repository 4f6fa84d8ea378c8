"""``redaksi check`` and ``redaksi words``, run in-process as a newsroom's script would."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from editor.articles import create_article
from editor.cli import main
from editor.database import open_database
from editor.people import create_person
from editor.records import ArticleDraft

SLIPS = """---
title: Kemaren dimana
lang: id
---
Kemaren warga antri di kelurahan dimana bantuan Rp. 4,5 Triliun dibagikan.

```
kemaren dimana
```

Lihat [laporan](https://contoh.id/kemaren) lalu lapor ke kpk pada hari jumat.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def newsroom(sqlite_url: str) -> str:
    db = open_database(sqlite_url)
    create_person(db, "Adi Admin", role="admin")
    create_person(db, "Rina Editor", role="editor")
    create_person(db, "Sarah Gunawan", role="reporter")
    db.close()
    return sqlite_url


def test_check_a_file_prints_each_problem_and_fails(capsys, newsroom, tmp_path: Path) -> None:
    path = tmp_path / "banjir.md"
    path.write_text(SLIPS, encoding="utf-8")
    code, out, err = run(capsys, "--db", newsroom, "check", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}:5:1: style: Kemaren -> Kemarin "
        "(Non-standard form; the standard spelling is “Kemarin” (KBBI).)"
    )
    found = [line.split(": ", 2)[2].split(" (")[0] for line in lines]
    assert found == [
        "Kemaren -> Kemarin",
        "antri -> antre",
        "dimana -> di mana",
        "Rp. -> Rp",
        "Triliun -> triliun",
        "kpk",  # unknown to this newsroom: a plain spelling problem
        "jumat -> Jumat",
    ]
    assert err == "7 problems found.\n"


def test_check_uses_the_newsroom_list_and_its_rupiah_style(capsys, newsroom, tmp_path) -> None:
    assert run(capsys, "--db", newsroom, "words", "add", "KPK", "--as", "rina-editor")[0] == 0
    code, out, _ = run(capsys, "--db", newsroom, "words", "currency", "spaced", "--as", "adi-admin")
    assert (code, out.strip()) == (0, "Rupiah style: spaced.")
    path = tmp_path / "bersih.md"
    path.write_text("Siswa TK Pertiwi menerima Rp 4,5 triliun dari KPK.\n", encoding="utf-8")
    assert run(capsys, "--db", newsroom, "check", str(path)) == (0, "", "")
    path.write_text("Penyidik kpk datang.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", newsroom, "check", str(path), "--json")
    assert code == 1
    assert [(p["text"], p["rule"], p["fixes"]) for p in json.loads(out)] == [
        ("kpk", "newsroom_case", ["KPK"])
    ]


def test_check_an_article_covers_its_fields(capsys, newsroom) -> None:
    db = open_database(newsroom)
    article = create_article(
        db,
        ArticleDraft(
            headline="Warga Antri Sembako",
            body="Pemerintha membagikan bantuan.",
            lead_image_caption="Warga antri sejak kemaren",
        ),
    )
    db.close()
    code, out, _ = run(capsys, "--db", newsroom, "check", str(article.id)[:8], "--suggest")
    assert code == 1
    short = str(article.id)[:8]
    assert f"{short} headline:1:7: style: Antri -> Antre" in out
    assert f"{short} caption:1:7: style: antri -> antre" in out
    assert f"{short} caption:1:19: style: kemaren -> kemarin" in out
    assert f"{short}:1:1: spelling: Pemerintha -> Pemerintah" in out


def test_bad_targets_get_one_clear_message(capsys, newsroom, tmp_path) -> None:
    fifo = tmp_path / "pipa.md"
    os.mkfifo(fifo)
    code, out, err = run(capsys, "--db", newsroom, "check", str(fifo))
    assert (code, out) == (1, "") and "named pipe" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", newsroom, "check", "zzzz")
    assert code == 1 and "not an article id" in err
    code, _, err = run(capsys, "--db", newsroom, "check", str(tmp_path / "tidak-ada.md"))
    assert code == 1 and "cannot be read" in err


def test_words_are_kept_by_editors_only(capsys, newsroom) -> None:
    code, _, err = run(capsys, "--db", newsroom, "words", "add", "Kalijodo")
    assert code == 1 and "--as" in err  # the newsroom has an admin: say who acts
    code, _, err = run(
        capsys, "--db", newsroom, "words", "add", "Kalijodo", "--as", "sarah-gunawan"
    )
    assert code == 1 and "editor or admin" in err
    code, out, _ = run(
        capsys, "--db", newsroom, "words", "add", "Kalijodo", "Basarnas", "--as", "rina-editor"
    )
    assert code == 0 and "Kalijodo, Basarnas" in out
    code, out, _ = run(capsys, "--db", newsroom, "words", "add", "dua kata", "--as", "rina-editor")
    assert code == 1
    code, out, _ = run(capsys, "--db", newsroom, "words", "list")
    assert (
        code == 0 and "Basarnas" in out and "Rina Editor" in out and "Rupiah style: puebi." in out
    )
    code, out, _ = run(
        capsys, "--db", newsroom, "words", "remove", "Kalijodo", "--as", "rina-editor"
    )
    assert code == 0
    code, out, _ = run(capsys, "--db", newsroom, "words", "--json")
    assert [w["word"] for w in json.loads(out)] == ["Basarnas"]
    code, _, err = run(
        capsys, "--db", newsroom, "words", "remove", "Kalijodo", "--as", "rina-editor"
    )
    assert code == 1 and "not in the newsroom's word list" in err
