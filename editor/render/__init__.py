"""Article rendering: Markdown to sanitised HTML, and to plain text for feeds and snippets.

``markdown_to_html(body, language="id")`` is the one way an article body becomes HTML.
Beside standard Markdown (plus tables, footnotes, fenced code) a reporter can type
these newsroom blocks, each a paragraph of its own:

Figure (``figures.py``)::

    ![Jens Stoltenberg di Tokyo](/media/stoltenberg.jpg)
    Sekjen NATO tiba di Tokyo.            <- caption (optional, any number of lines)
    Foto: NATO/Net                        <- credit (Foto/Kredit/Sumber/Photo/Credit/Source)

Pull quote (``pullquotes.py``)::

    > [!kutipan] Kami tidak akan mundur.  <- or [!quote]
    > — Fumio Kishida                     <- who said it (optional; — or --)

Related articles (``related.py``)::

    Baca juga: [Judul berita](/read/2023/05/04/9f2c/judul-berita/)   <- or "Read also:"

YouTube / X card (``embeds.py``), the address alone on its line::

    https://www.youtube.com/watch?v=dQw4w9WgXcQ
    https://x.com/NATO/status/1653962158335647745

A ``#`` heading renders as ``<h2>`` (the page headline is the only ``<h1>``). Raw HTML
is allowed but cleaned by the allow-list in ``sanitise.py``.
"""

from editor.render.fingerprint import render_fingerprint
from editor.render.pipeline import markdown_to_html
from editor.render.plaintext import html_to_text, markdown_to_text

__all__ = ["html_to_text", "markdown_to_html", "markdown_to_text", "render_fingerprint"]
