"""Untrusted Markdown and raw HTML never reach a page as script.

Each payload (OWASP filter-evasion style, plus the same tricks inside every newsroom
block) goes through the whole renderer; the output is parsed with an HTML parser and
checked for anything that could run: script-capable tags, event handlers, style
attributes, and javascript:/vbscript:/data: URLs however they were disguised.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from editor.render import markdown_to_html
from editor.render.sanitise import ATTRIBUTES, CLASSES, TAGS

PAYLOADS = [
    # Script tags in every disguise.
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    '<script/xss src="http://evil.example/x.js"></script>',
    "<<script>alert(1);//<</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img """><script>alert(1)</script>">',
    "<b <script>alert(1)</script>0",
    '<a href="https://example.id/"><script>alert(1)</script></a>',
    # Images and event handlers.
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
    "&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114"
    "&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114"
    "&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C"
    "&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    '<img dynsrc="javascript:alert(1)">',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<video><source onerror="alert(1)"></video>',
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    '<a href="#" onmouseover="alert(1)">x</a>',
    "<p onclick=alert(1)>x</p>",
    # Links with entity, whitespace and case tricks.
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#x6a;avascript:alert(1)">x</a>',
    '<a href="&#106avascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="java\x00script:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    # The same through Markdown's own link and image syntax.
    "[klik](javascript:alert(1))",
    "[klik](JAVASCRIPT:alert(1))",
    "[klik](jav&#x61;script:alert(1))",
    "[klik](<javascript:alert(1)>)",
    '[klik](https://example.id/ "x\\" onmouseover=\\"alert(1)")',
    "<javascript:alert(1)>",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    # SVG, MathML, frames, objects.
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x=0 y=20>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<IFRAME SRC="https://evil.example/"></IFRAME>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    # Styles and expressions.
    '<div style="background-image: url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    '<xss style="xss:expression(alert(1))">x</xss>',
    "<style>@import 'http://evil.example/x.css';</style>",
    '<a href="https://example.id/" style="position:fixed;top:0">x</a>',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    # Inside every newsroom block.
    "![x](javascript:alert(1))\nKeterangan <img src=x onerror=alert(1)>\nFoto: <script>x</script>",
    "> [!quote] <script>alert(1)</script>\n> — <svg onload=alert(1)>",
    "Baca juga: [x](javascript:alert(1)), [y](vbscript:msgbox(1))",
    'https://www.youtube.com/watch?v=abcdefgh&x="><script>alert(1)</script>',
    "https://x.com/evil/status/1?<script>alert(1)</script>",
    "teks[^1]\n\n[^1]: <script>alert(1)</script> [x](javascript:alert(1))",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    '<div class="embed embed-youtube" onclick="alert(1)"><a href="javascript:alert(1)">x</a></div>',
]

DANGEROUS_TAGS = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "frame", "frameset",
    "applet", "form", "button", "input", "link", "meta", "base", "body", "source", "video",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "background", "lowsrc",
                  "dynsrc", "poster", "xlink:href", "srcdoc", "data"}  # fmt: skip
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data):")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))


def _elements(fragment: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser.elements


def _url_scheme_text(value: str) -> str:
    """What a browser would read as the URL: entities decoded, controls and spaces gone."""
    decoded = html.unescape(html.unescape(value))
    return "".join(ch for ch in decoded if ch > " " and ch != "\x7f").lower()


def assert_harmless(output: str) -> None:
    assert "<script" not in output.lower()
    for tag, attrs in _elements(output):
        assert tag not in DANGEROUS_TAGS, f"<{tag}> survived: {output!r}"
        assert tag in TAGS, f"<{tag}> is not on the allow-list: {output!r}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{name}= survived on <{tag}>: {output!r}"
            assert name != "style", f"style= survived on <{tag}>: {output!r}"
            if name in URL_ATTRIBUTES:
                assert not BAD_SCHEME.match(_url_scheme_text(value or "")), (
                    f"{name}={value!r} survived on <{tag}>"
                )
            if name == "class":
                assert set((value or "").split()) <= CLASSES.get(tag, set()), output
            elif name not in {"rel", "title", "lang"}:
                assert name in ATTRIBUTES.get(tag, set()), f"{name}= on <{tag}>: {output!r}"


def test_there_are_at_least_forty_payloads() -> None:
    assert len(PAYLOADS) >= 40
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_defused(payload: str) -> None:
    assert_harmless(markdown_to_html(payload))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_defused_inside_an_article(payload: str) -> None:
    article = f"Paragraf pembuka.\n\n{payload}\n\nParagraf penutup dengan [tautan](/read/x/)."
    output = markdown_to_html(article)
    assert_harmless(output)
    assert "Paragraf pembuka." in output


@pytest.mark.parametrize(
    "mistake",
    [
        "Tag <style> dalam kalimat",
        "<script>lupa ditutup",
        '<iframe src="https://www.youtube.com/embed/abc">',
        "<textarea>catatan",
        "<title>judul",
        "<svg width=10>",
        "<div>tidak ditutup",
        "<noscript>x",
    ],
)
def test_an_unclosed_tag_never_swallows_the_rest_of_the_article(mistake: str) -> None:
    output = markdown_to_html(f"Paragraf pembuka.\n\n{mistake}\n\nParagraf penutup tetap ada.")
    assert_harmless(output)
    assert "Paragraf penutup tetap ada." in output


def test_a_pasted_tweet_embed_keeps_its_text_and_loses_its_script() -> None:
    pasted = (
        '<blockquote class="twitter-tweet"><p lang="id">NATO buka kantor di Tokyo.</p>'
        '&mdash; NATO (@NATO) <a href="https://twitter.com/NATO/status/1">4 Mei 2023</a>'
        '</blockquote> <script async src="https://platform.twitter.com/widgets.js" '
        'charset="utf-8"></script>\n\nParagraf berikutnya.'
    )
    output = markdown_to_html(pasted)
    assert_harmless(output)
    assert "NATO buka kantor di Tokyo." in output
    assert "script" not in output
    assert "Paragraf berikutnya." in output


def test_checker_catches_what_it_should() -> None:
    """The assertions above would fail on unsafe HTML; prove it so they cannot rot."""
    unsafe = [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href=" VBSCRIPT:x">x</a>',
        '<img src="data:image/png;base64,AAAA">',
        '<p style="color:red">x</p>',
        "<iframe></iframe>",
        '<div class="evil">x</div>',
    ]
    for fragment in unsafe:
        with pytest.raises(AssertionError):
            assert_harmless(fragment)


def test_every_link_gets_noopener_noreferrer() -> None:
    output = markdown_to_html(
        "[a](https://example.id/) <a href='https://example.id/b' rel='opener'>b</a>\n\n"
        "Baca juga: [c](/read/c/)\n\nhttps://youtu.be/dQw4w9WgXcQ"
    )
    links = [attrs for tag, attrs in _elements(output) if tag == "a"]
    assert len(links) == 4
    for attrs in links:
        assert ("rel", "noopener noreferrer") in attrs


def test_safe_urls_and_text_survive_sanitising() -> None:
    output = markdown_to_html(
        "[situs](https://example.id/a?b=1&c=2) [surel](mailto:redaksi@example.id) "
        "[telepon](tel:+62215551234) [lokal](/read/2023/05/04/abc/judul/) [catatan](#bawah)"
        "\n\n5 < 7 dan <b>tebal</b>"
    )
    hrefs = [dict(attrs)["href"] for tag, attrs in _elements(output) if tag == "a"]
    assert hrefs == [
        "https://example.id/a?b=1&c=2",
        "mailto:redaksi@example.id",
        "tel:+62215551234",
        "/read/2023/05/04/abc/judul/",
        "#bawah",
    ]
    assert "5 &lt; 7" in output
    assert "<b>tebal</b>" in output
