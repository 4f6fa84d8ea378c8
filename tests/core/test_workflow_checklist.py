"""The pre-publish checklist as a pure function, and section word budgets."""

from __future__ import annotations

from dataclasses import replace

from editor.articles import get_article
from editor.sections import create_section
from editor.workflow.checklist import (
    checklist_for,
    missing_items,
    run_checklist,
    section_word_target,
    word_budget,
)
from tests.core.test_workflow_support import make_newsroom, ready_story


def missing_keys(record, target=0):
    return {item.key for item in missing_items(run_checklist(record, target))}


def test_a_complete_story_passes(sqlite_db):
    story = ready_story(sqlite_db, make_newsroom(sqlite_db))
    assert missing_keys(story) == set()


def test_each_missing_part_is_named(sqlite_db):
    story = ready_story(sqlite_db, make_newsroom(sqlite_db))
    bare = replace(
        story,
        headline=" ",
        section_id=None,
        bylines=(),
        lead_image="",
        lead_image_caption="",
        lead_image_credit="",
    )
    assert missing_keys(bare) == {
        "headline",
        "section",
        "byline",
        "lead_image",
        "lead_image_caption",
        "lead_image_credit",
    }


def test_tk_counts_only_as_a_whole_word(sqlite_db):
    story = ready_story(sqlite_db, make_newsroom(sqlite_db))
    for clean in ("TKI pulang ke Jawa", "Gedung ATK", "utk", "tk kecil"):
        assert "markers" not in missing_keys(replace(story, body=clean)), clean
    for marked in ("Korban TK orang", "Kutipan: TKTK", "(TK)"):
        assert "markers" in missing_keys(replace(story, body=marked)), marked
    assert "markers" in missing_keys(replace(story, headline="Gempa TK"))


def test_tk_naming_a_kindergarten_is_not_a_marker(sqlite_db):
    story = ready_story(sqlite_db, make_newsroom(sqlite_db))
    kindergartens = (
        "Murid TK Pertiwi menanam pohon.",
        "Sebanyak 40 siswa TK ikut lomba.",
        "Guru TK di Bogor belum digaji.",
        "TK Negeri 2 Bandung dibuka lagi.",
        "Lulusan TK/SD di desa itu.",
    )
    for clean in kindergartens:
        assert "markers" not in missing_keys(replace(story, body=clean)), clean
    for marked in ("Korban TK orang di TK Pertiwi", "Guru TKTK", "Siswa berjumlah TK.", "TK"):
        assert "markers" in missing_keys(replace(story, body=marked)), marked
    # Headlines capitalise every word, so only a school word before TK clears it there.
    assert "markers" in missing_keys(replace(story, headline="Gempa Tewaskan TK Orang"))
    assert "markers" not in missing_keys(replace(story, headline="Ratusan Siswa TK Ikut Lomba"))


def test_note_markers_are_reported_with_their_line(sqlite_db):
    story = ready_story(sqlite_db, make_newsroom(sqlite_db))
    marked = replace(story, body="Satu.\n\nDua [[cek angka]] lagi.", lead="Teras [[x]]")
    problem = next(i for i in run_checklist(marked) if i.key == "markers").problem
    assert "“[[cek angka]]” in the body, line 3" in problem
    assert "“[[x]]” in the lead" in problem


def test_the_word_budget_allows_half_to_one_and_a_half_times_the_target(sqlite_db):
    story = ready_story(sqlite_db, make_newsroom(sqlite_db))
    assert word_budget(0) is None
    assert word_budget(400) == (200, 600)
    assert "length" not in missing_keys(replace(story, word_count=200), 400)
    assert "length" not in missing_keys(replace(story, word_count=600), 400)
    assert "length" in missing_keys(replace(story, word_count=199), 400)
    assert "length" in missing_keys(replace(story, word_count=601), 400)


def test_a_section_without_a_target_uses_its_parent(sqlite_db):
    with sqlite_db.transaction() as session:
        from editor.models import Section

        parent = Section(name="Berita", slug="berita", word_target=300)
        session.add(parent)
        session.flush()
        parent_id = parent.id
    child = create_section(sqlite_db, "Dunia", parent_id=parent_id)
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, section_id=child.id)  # 120 words
    with sqlite_db.transaction() as session:
        assert section_word_target(session, child.id) == 300
    items = checklist_for(sqlite_db, get_article(sqlite_db, story.id))
    length = next(i for i in items if i.key == "length")
    assert not length.ok and "150–450" in length.problem


def test_site_code_an_import_left_is_named_but_quotes_and_code_are_not(sqlite_db):
    story = ready_story(sqlite_db, make_newsroom(sqlite_db))
    body = (
        "Menurut dia, “kami [sic] tidak tahu” [foto].\n\n"
        "{{< gist spf13 7896402 >}}\n\n"
        "Lihat {% post_url 2010-07-21-name %} dan {{ site.title }}.\n\n"
        '[contact-form-7 id="12" title="Kontak"]\n\n[playlist]\n\n'
        "```\n{{< youtube contoh >}}\n```\n\nKode `{% raw %}` di teks.\n"
    )
    item = next(i for i in run_checklist(replace(story, body=body)) if i.key == "site_code")
    assert not item.ok
    assert item.problem.endswith(
        "would show as text: {{< gist >}}, {% post_url %}, {{ site.title }}, "
        "[contact-form-7], [playlist]. Replace or remove it"
    )
    plain = replace(story, body="Menurut dia, “kami [sic] tidak tahu” [foto].\n")
    assert "site_code" not in missing_keys(plain)
