"""Pasted HTML becomes clean Markdown: real clipboard shapes from LibreOffice Writer and
Google Docs (tests/fixtures/paste), and what a hostile page could put on the clipboard."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.html_markdown import MAX_HTML_CHARS, markdown_from_html

PASTE = Path(__file__).resolve().parents[1] / "fixtures" / "paste"


@pytest.mark.parametrize("fixture", ["libreoffice_writer.html", "libreoffice_writer_export.html"])
def test_libreoffice_writer_keeps_structure_and_drops_fonts_and_colours(fixture):
    # The export is Writer's own HTML filter, which is what Writer puts on the clipboard:
    # its lines break inside runs, a bold word is split over runs, <li> is never closed.
    markdown = markdown_from_html((PASTE / fixture).read_text())
    assert markdown == (
        "# Banjir Rob Rendam Jakarta Utara\n\n"
        "Ribuan rumah di **Jakarta Utara** terendam *banjir rob* sejak Senin pagi, kata "
        "[BMKG](https://www.bmkg.go.id/cuaca/?lokasi=jakut).\n\n"
        "## Warga mengungsi\n\n"
        "> “Air masuk sampai lutut,” kata Siti.\n\n"
        "- Penjaringan\n- Pademangan\n\n"
        "1. Pompa dinyalakan\n2. Posko dibuka\n\n"
        "Cek lagi angka pengungsi."
    )
    for junk in ("Liberation", "font", "#c9211e", "@page", "utm_", "western"):
        assert junk not in markdown


def test_google_docs_bold_and_italic_live_in_styles_and_the_wrapper_is_not_bold():
    markdown = markdown_from_html((PASTE / "google_docs.html").read_text())
    assert markdown == (
        "## Subsidi Listrik Naik\n\n"
        "Pemerintah menyiapkan **Rp 4,5 triliun** mulai *pekan depan*, menurut "
        "[Kementerian ESDM](https://www.esdm.go.id/id/media-center).\n\n"
        "- Rumah tangga 450 VA\n- ***Usaha mikro***\n\n"
        "Subsidi dievaluasi tiap triwulan."
    )
    assert "googleusercontent" not in markdown  # pictures come through the media library


def test_script_and_page_addresses_are_left_out_but_their_words_stay():
    markdown = markdown_from_html(
        "<script>alert(1)</script><style>p{}</style><!-- x --><p>Lihat "
        '<a href="javascript:alert(1)">ini</a> dan <a href="/relatif">itu</a>.</p>'
    )
    assert markdown == "Lihat ini dan itu."


def test_nothing_to_keep_and_oversized_html_give_nothing_so_the_plain_text_is_pasted():
    assert markdown_from_html("") == ""
    assert markdown_from_html('<img src="x.png">') == ""
    assert markdown_from_html("<p>" + "a" * MAX_HTML_CHARS + "</p>") == ""
