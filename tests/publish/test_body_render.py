"""Article bodies: one unrenderable body is reported, not fatal; the cache follows the renderer."""

from __future__ import annotations

import html5lib
import pytest

from editor.articles import create_article
from editor.publish.report import PublishReport
from editor.records import ArticleDraft
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import NOW, Newsroom

#: A list nested far deeper than the Markdown parser's recursion can follow.
ABSURD = (
    "".join("  " * level + "- butir\n" for level in range(600))
    + "\nKutipan <b>terdalam</b> & terakhir.\n\nParagraf kedua.\n"
)


def _published_as_plain_text(
    report: PublishReport, slug: str
) -> tuple[dict[str, bytes], str, list[str], list[str]]:
    """The site's files, the article page's path, the problems reported for it and the
    text of each paragraph of its body."""
    files = site_files(report.out_dir)
    (path,) = [p for p in files if slug in p and p.endswith("index.html")]
    reasons = [p.reason for p in report.problems if p.path.strip("/") in path]
    page = html5lib.parse(files[path], namespaceHTMLElements=False)
    body = page.find(".//div[@class='article-body']")
    return files, path, reasons, ["".join(p.itertext()) for p in body.iter("p")]


def test_a_body_too_deep_to_render_is_published_as_plain_text_and_reported(
    room: Newsroom, publish: PublishFn
):
    story = create_article(
        room.db,
        ArticleDraft(
            headline="Kutipan bersarang", body=ABSURD, status="published", published_at=NOW
        ),
    )
    files, path, reasons, texts = _published_as_plain_text(publish(), "kutipan-bersarang")
    assert len(reasons) == 1 and "too deeply" in reasons[0]
    assert texts[-2:] == ["Kutipan <b>terdalam</b> & terakhir.", "Paragraf kedua."]
    assert texts[0].startswith("- butir\n  - butir")  # the text is kept, escaped, not markup
    # Every other article is published as usual.
    (nato,) = [
        p for p in files if p.startswith("read/") and "-nato-" in p and p.endswith("index.html")
    ]
    assert "<p>Pakta Pertahanan Atlantik Utara (NATO)" in files[nato].decode()
    assert str(story.id) in files[path.replace("index.html", "ninjs.json")].decode()


def test_a_body_full_of_unclosed_brackets_is_published_at_once_and_reported(
    room: Newsroom, publish: PublishFn
):
    """Python-Markdown would take minutes over it (upstream #798): the guard refuses it."""
    pasted = "Log server: " + "a [ b " * 5000 + "\n\nParagraf kedua.\n"
    create_article(
        room.db,
        ArticleDraft(headline="Log tempelan", body=pasted, status="published", published_at=NOW),
    )
    _files, _path, reasons, texts = _published_as_plain_text(publish(), "log-tempelan")
    assert len(reasons) == 1 and "5000 “[”" in reasons[0]
    assert texts[0].startswith("Log server: a [ b a [ b") and texts[-1] == "Paragraf kedua."


def test_a_renderer_change_renders_every_body_again(
    room: Newsroom, publish: PublishFn, monkeypatch: pytest.MonkeyPatch
):
    first = publish()
    assert first.bodies_rendered > 0
    again = publish(full=True)
    assert again.bodies_rendered == 0  # all from the cache
    monkeypatch.setattr("editor.publish.body.render_fingerprint", lambda: "renderer 2")
    changed = publish(full=True)
    assert changed.bodies_rendered == first.bodies_rendered
