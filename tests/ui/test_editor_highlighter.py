"""The body's Markdown colours: cheap per line, and aware of the newsroom blocks."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument

from ui.highlighter import MAX_HIGHLIGHT_LINE, MarkdownHighlighter


def formats_of(text: str) -> list[list[tuple[int, int, bool, bool, str]]]:
    document = QTextDocument()
    highlighter = MarkdownHighlighter(document)
    document.setPlainText(text)
    highlighter.rehighlight()
    result = []
    block = document.firstBlock()
    while block.isValid():
        result.append(
            [
                (
                    r.start,
                    r.length,
                    r.format.fontWeight() == QFont.Weight.Bold,
                    r.format.fontItalic(),
                    r.format.foreground().color().name(),
                )
                for r in block.layout().formats()
            ]
        )
        block = block.next()
    return result


def test_headings_bold_and_italic() -> None:
    heading, plain, emphasis = formats_of("## Judul\nteks biasa\nini **tebal** dan *miring*")
    assert heading and heading[0][:3] == (0, 8, True)
    assert plain == []
    assert emphasis[0][:3] == (len("ini "), len("**tebal**"), True)
    assert emphasis[1][0] == len("ini **tebal** dan ") and emphasis[1][3] is True


def test_newsroom_blocks_are_marked() -> None:
    lines = formats_of(
        "> [!kutipan] Kata-kata\n"
        "Baca juga: [Judul](/read/2026/01/01/abcd1234/judul/)\n"
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
        "Foto: NATO/Net"
    )
    pull, related, embed, credit = (line[0] for line in lines)
    assert pull[2] and pull[1] == len("> [!kutipan] Kata-kata")
    assert related[3] and related[0] == 0
    assert embed[2]
    assert credit[3]
    assert pull[4] == related[4] == embed[4]  # one newsroom colour


def test_fenced_code_is_tracked_across_lines() -> None:
    lines = formats_of("```\n# bukan judul\n```\n# judul")
    inside, after = lines[1][0], lines[3][0]
    assert inside[2] is False  # code, not a heading
    assert after[2] is True


def test_huge_lines_are_left_plain() -> None:
    (line,) = formats_of("**x** " * (MAX_HIGHLIGHT_LINE // 6 + 1))
    assert line == []
