"""Renderer behaviour beyond the golden files: isolation between calls, threads, edge cases."""

from __future__ import annotations

import inspect
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

import editor.render
from editor.errors import ValidationError
from editor.render import html_to_text, markdown_to_html, markdown_to_text, render_fingerprint
from editor.render.embeds import recognise
from editor.render.fingerprint import fingerprint_of
from editor.text import word_count


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


def test_footnotes_of_one_article_never_leak_into_the_next() -> None:
    first = markdown_to_html("Satu[^a].\n\n[^a]: Catatan satu.")
    second = markdown_to_html("Dua tanpa catatan.")
    third = markdown_to_html("Tiga[^b].\n\n[^b]: Catatan tiga.")
    assert 'id="fn:a"' in first
    assert "footnote" not in second
    assert "Catatan satu" not in third
    assert third.count('class="footnote-ref"') == 1


def test_reference_links_do_not_leak_between_articles() -> None:
    markdown_to_html("[situs][s]\n\n[s]: https://example.id/")
    assert "href" not in markdown_to_html("[situs][s]")


def test_footnote_numbers_follow_the_order_of_reference() -> None:
    html = markdown_to_html("B[^zeta] lalu A[^alpha].\n\n[^alpha]: A.\n[^zeta]: Z.")
    refs = [attrs["href"] for tag, attrs in tags(html) if tag == "a"]
    assert refs[:2] == ["#fn:zeta", "#fn:alpha"]
    assert html.index('id="fn:zeta"') < html.index('id="fn:alpha"')


def test_rendering_in_parallel_threads_matches_rendering_alone() -> None:
    articles = [
        f"# Judul {n}\n\nParagraf {n}[^{n}].\n\n> [!quote] Kutipan {n}.\n> — Sumber {n}\n\n"
        f"![Foto {n}](/media/{n}.jpg)\nKeterangan {n}.\nFoto: Agen {n}\n\n[^{n}]: Catatan {n}."
        for n in range(24)
    ]
    alone = [markdown_to_html(text) for text in articles]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(markdown_to_html, articles * 3))
    assert together == alone * 3


def test_english_footnote_back_link_title() -> None:
    html = markdown_to_html("Text[^1].\n\n[^1]: Note.", language="en")
    assert 'title="Back to footnote 1 in the text"' in html


def test_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="use one of en, id"):
        markdown_to_html("teks", language="fr")


def test_empty_and_blank_bodies_render_to_nothing() -> None:
    assert markdown_to_html("") == ""
    assert markdown_to_html("  \n\n\t\n") == ""
    assert markdown_to_text("") == ""


def test_headings_start_at_level_two() -> None:
    html = markdown_to_html("# Satu\n\n## Dua\n\nSetext\n======\n\n`<h1>` dalam kode")
    assert [tag for tag, _ in tags(html)][:3] == ["h2", "h2", "h2"]
    assert "<h1" not in html
    assert "&lt;h1&gt;" in html


def test_figure_needs_the_image_alone_on_its_first_line() -> None:
    inline = markdown_to_html("Lihat ![ikon](/i.png) di sini.\nFoto: Bukan kredit")
    assert "<figure" not in inline
    assert "Foto: Bukan kredit" in inline
    figure = markdown_to_html("![Banjir](/banjir.jpg)\nFOTO:  ANTARA/Rizky ")
    assert '<span class="credit">ANTARA/Rizky</span>' in figure


def test_figure_caption_keeps_markdown_but_alt_stays_plain() -> None:
    html = markdown_to_html("![Gedung *baru*](/g.jpg)\nGedung _baru_ DPR.")
    img = next(attrs for tag, attrs in tags(html) if tag == "img")
    assert img["alt"] == "Gedung *baru*"
    assert "<em>baru</em> DPR." in html


def test_pull_quote_needs_its_marker() -> None:
    assert 'class="pullquote"' in markdown_to_html("> [!Kutipan] Kami siap.")
    assert 'class="pullquote"' not in markdown_to_html("> Kami siap.\n> [!quote] bukan awal")
    assert 'class="pullquote"' not in markdown_to_html("[!quote] tanpa tanda kutip")


def test_pull_quote_attribution_needs_a_quote_before_it() -> None:
    html = markdown_to_html("> [!quote]\n> — Hanya nama")
    assert "<figcaption>" not in html
    assert "— Hanya nama" in html


def test_related_links_accept_semicolons_and_keep_commas_inside_titles() -> None:
    html = markdown_to_html("baca juga: [Satu, dua](/read/1/); [Tiga](/read/3/)")
    items = [attrs["href"] for tag, attrs in tags(html) if tag == "a"]
    assert items == ["/read/1/", "/read/3/"]
    assert html.count("<li>") == 2
    assert "Satu, dua" in html
    assert '<p class="related-label">Baca juga</p>' in html


@pytest.mark.parametrize(
    ("pasted", "kind", "url"),
    [
        ("https://youtube.com/watch?v=dQw4w9WgXcQ", "youtube",
         "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("http://youtu.be/dQw4w9WgXcQ?t=3", "youtube",
         "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://www.youtube.com/live/Ab_cd-EF12x?si=x", "youtube",
         "https://www.youtube.com/watch?v=Ab_cd-EF12x"),
        ("https://mobile.twitter.com/kompascom/statuses/123456789", "x",
         "https://x.com/kompascom/status/123456789"),
        ("  <https://x.com/a_b/status/42/photo/1>  ", "x", "https://x.com/a_b/status/42"),
    ],
)  # fmt: skip
def test_embed_addresses_are_rebuilt_from_their_ids(pasted: str, kind: str, url: str) -> None:
    embed = recognise(pasted)
    assert embed is not None
    assert (embed.kind, embed.url) == (kind, url)


@pytest.mark.parametrize(
    "pasted",
    [
        "https://www.youtube.com/",
        "https://www.youtube.com/channel/UC123456",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/?https://youtu.be/dQw4w9WgXcQ",
        "https://x.com/NATO",
        "https://x.com/NATO/status/abc",
        "javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ",
        "lihat https://youtu.be/dQw4w9WgXcQ",
    ],
)
def test_other_addresses_are_not_embeds(pasted: str) -> None:
    assert recognise(pasted) is None


def test_an_embed_address_inside_a_paragraph_stays_text() -> None:
    html = markdown_to_html("Tonton\nhttps://youtu.be/dQw4w9WgXcQ")
    assert "embed" not in html


def test_plain_text_is_the_prose_a_reader_reads() -> None:
    text = markdown_to_text(
        "# Judul\n\nNATO **membuka** kantor[^1] di [Tokyo](/read/x/) &amp; Seoul.\n\n"
        "![Foto](/f.jpg)\nKeterangan foto.\nFoto: NATO/Net\n\n"
        "> [!quote] Kutipan yang diulang.\n\n"
        "Baca juga: [Lain](/read/y/)\n\n"
        "https://youtu.be/dQw4w9WgXcQ\n\n"
        "- satu\n- dua\n\n"
        "[^1]: Catatan kaki."
    )
    assert text == "Judul\n\nNATO membuka kantor di Tokyo & Seoul.\n\nsatu\n\ndua"


def test_plain_text_word_count_ignores_markup() -> None:
    text = markdown_to_text("Satu *dua* [tiga](https://example.id/empat-lima-enam).")
    assert word_count(text) == 3


def test_html_to_text_separates_table_cells() -> None:
    html = markdown_to_html("| Kota | Zona |\n|---|---|\n| Makassar | WITA |")
    assert html_to_text(html) == "Kota Zona\n\nMakassar WITA"


def test_render_fingerprint_changes_when_an_extension_module_changes(tmp_path: Path) -> None:
    package = Path(editor.render.__file__).parent
    copy = tmp_path / "render"
    copy.mkdir()
    for module in package.glob("*.py"):
        shutil.copy(module, copy / module.name)
    assert fingerprint_of(copy) == render_fingerprint()
    figures = copy / "figures.py"
    figures.write_text(figures.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert fingerprint_of(copy) != render_fingerprint()


def test_absurdly_deep_nesting_gets_a_clear_message() -> None:
    deep_list = "".join("  " * level + "- butir\n" for level in range(200))
    # A lower recursion limit reaches the parser's ceiling at 200 levels instead of ~500,
    # which keeps the test fast; the code path is the same.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 250)
    try:
        with pytest.raises(ValidationError, match="too deeply"):
            markdown_to_html(deep_list)
    finally:
        sys.setrecursionlimit(limit)
    # The ordinary depth a reporter uses renders fine, and exactly as before the failure
    # (the instance the failed conversion left half-way is not reused).
    usual = "".join("    " * level + f"- butir {level}\n" for level in range(8))
    assert markdown_to_html(usual).count("<li>") == 8
    with_note = "Satu[^a].\n\n[^a]: Catatan."
    assert markdown_to_html(with_note) == _fresh_markdown_to_html(with_note)


def _fresh_markdown_to_html(markdown: str) -> str:
    """What the renderer gives in a thread that has rendered nothing before."""
    import threading

    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(markdown_to_html(markdown)))
    worker.start()
    worker.join()
    return result[0]


def test_a_paragraph_of_unclosed_brackets_is_refused_before_it_takes_minutes() -> None:
    # Rendered, this paragraph takes Python-Markdown several seconds (upstream #798).
    with pytest.raises(ValidationError, match=r"4000 “\[” that no “\]” closes") as refused:
        markdown_to_html("Log: " + "a [ b " * 4000)
    assert "it begins “Log: a [ b" in str(refused.value)


def test_brackets_prose_uses_are_rendered_as_usual() -> None:
    # Closed brackets, links, footnote references and a few stray "[" are ordinary text.
    text = "[1] " * 4000 + "\n\n" + "Lihat [situs](https://a.id) [^n] dan [catatan.\n\n[^n]: X."
    html = markdown_to_html(text)
    assert html.count("[1]") == 4000 and 'href="https://a.id"' in html
    assert "[catatan." in html
