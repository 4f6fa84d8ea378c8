"""Article rendering: Markdown to sanitised HTML, and to plain text for feeds and snippets."""

from editor.render.fingerprint import render_fingerprint
from editor.render.pipeline import markdown_to_html
from editor.render.plaintext import html_to_text, markdown_to_text

__all__ = ["html_to_text", "markdown_to_html", "markdown_to_text", "render_fingerprint"]
