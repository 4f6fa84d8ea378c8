"""What a story package (``story.redaksi.zip``) holds, and the limits a reader keeps.

```
manifest.json              format, version, when, which articles and pictures
checksums.sha256           SHA-256 of every other file (``sha256sum -c`` reads it)
articles/ID/article.md     Markdown with front matter, for people and other tools
articles/ID/ninjs.json     IPTC ninjs 3.1 of the article
articles/ID/sync.json      what the import uses: the content, the base content it was
                           edited from and the base version (docs/sync.md §4)
media/SHA256.EXT           each picture the article names (``media:SHA256``)
```

The base is what makes a package merge like a sync: importing it is a ``save`` op from
that base (or a ``create`` when the article has none), carried out by
``editor.sync.apply.apply_op``, so the newsroom's copy is merged field by field and
paragraph by paragraph and a clash is kept as a conflict, never lost.
"""

from __future__ import annotations

import re
import uuid

from editor.errors import ValidationError

FORMAT = "redaksi-story-package"
VERSION = 1
SUFFIX = ".redaksi.zip"
MANIFEST = "manifest.json"
CHECKSUMS = "checksums.sha256"
#: Where each article's files sit; names are made here, never taken from a package.
ARTICLE_FILES = ("article.md", "ninjs.json", "sync.json")
MEDIA_NAME = re.compile(r"^media/([0-9a-f]{64})\.(jpg|png|webp|gif)$")
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}

#: A reader's limits: a package is a file from outside.
MAX_PACKAGE_BYTES = 300 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_ARTICLES = 500
#: Unpacked: a text file, and everything together (a zip can claim a thousandfold).
MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 600 * 1024 * 1024

#: Op ids of an imported package: the same package imported twice is one change.
OP_NAMESPACE = uuid.UUID("5d0c6c84-6a8e-4a43-9d0e-2b8f3f7c1a11")


class PackageError(ValidationError):
    """A package that cannot be read or is not intact; the message is one sentence."""


def article_path(article_id: uuid.UUID, name: str) -> str:
    return f"articles/{article_id}/{name}"


def media_path(sha256: str, mime: str) -> str:
    return f"media/{sha256}.{EXTENSIONS.get(mime, 'jpg')}"
