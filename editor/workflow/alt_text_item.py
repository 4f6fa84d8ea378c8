"""The checklist's alt text item: every picture an article shows has a description.

A reader who cannot see the photo hears its alt text instead; a picture without one is
read out as its file name or skipped. The description of a library picture lives in the
media library (``redaksi media describe``, the app's media dialog), where every article
that shows the picture shares it. A picture in the body may carry its own in the Markdown
(``![Banjir di Pluit](media:…)``), which wins on that page.

Checked: the lead image when it is a library picture, and every picture in the body. A
lead image given as a path or an address from before the library keeps its caption as
its alt text on the page and is not checked here.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.i18n import _, ngettext
from editor.media.refs import REF_IN_TEXT, parse_media_ref
from editor.media.tables import MediaItem
from editor.records import ArticleRecord
from editor.workflow.checklist import ChecklistItem

KEY = "alt_text"
#: What the app writes where the alt text goes until someone describes the photo (in
#: English and Indonesian): a placeholder describes nothing.
PLACEHOLDERS = frozenset({"photo description", "deskripsi foto"})
#: ``![alt](target`` in Markdown: the alt text and where the picture comes from.
_BODY_PICTURE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)")


def _library_alt(session: Session, hashes: set[str]) -> dict[str, str]:
    if not hashes:
        return {}
    rows = session.execute(
        select(MediaItem.sha256, MediaItem.alt_text).where(MediaItem.sha256.in_(sorted(hashes)))
    )
    return {sha: alt or "" for sha, alt in rows}


def _described(alt: str) -> str:
    alt = alt.strip()
    return "" if alt.lower() in PLACEHOLDERS else alt


def alt_text_item(session: Session, record: ArticleRecord) -> ChecklistItem:
    """Passes when every checked picture has a description; names those without."""
    lead = parse_media_ref(record.lead_image)
    body = [
        (_described(alt), target, REF_IN_TEXT.fullmatch(target))
        for alt, target in _BODY_PICTURE.findall(record.body)
    ]
    hashes = {match.group(1) for _alt, _target, match in body if match}
    if lead:
        hashes.add(lead)
    library = _library_alt(session, hashes)
    missing: list[str] = []
    if lead and not library.get(lead, "").strip():
        missing.append(_("the lead image"))
    for alt, target, match in body:
        if alt or (match and library.get(match.group(1), "").strip()):
            continue
        shown = f"media:{match.group(1)[:12]}" if match else target
        missing.append(_("the body picture {picture}").format(picture=shown))
    if not missing:
        return ChecklistItem(KEY, True)
    problem = ngettext(
        "no alt text for {pictures}: describe what it shows for readers who cannot see it "
        "(redaksi media describe PICTURE --alt TEXT, or ![description](…) in the body)",
        "no alt text for {pictures}: describe what they show for readers who cannot see "
        "them (redaksi media describe PICTURE --alt TEXT, or ![description](…) in the body)",
        len(missing),
    ).format(pictures=", ".join(missing))
    return ChecklistItem(KEY, False, problem)
