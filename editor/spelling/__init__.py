"""Spell checking and house-style hints for articles (Qt-free; the editor and the CLI use it).

- ``prose``: which parts of a Markdown line are prose (code, links, URLs are not).
- ``dictionary``: Hunspell dictionaries shipped in ``resources/dictionaries``.
- ``house_style``: PUEBI and newsroom rules read from ``resources/spelling/house_style.toml``.
- ``checker``: one line, one field or a whole article in, ``Problem`` values out.
- ``words``: the newsroom word list (stored in the database, synced) and the personal one.
- ``personal`` and ``ignored``: the person's own dictionary and the words they ignored in
  an article, files in their data folder.
"""
