"""The checklist's alt text item: every picture an article shows has a description.

A reader who cannot see the photo hears its alt text instead; a picture without one is
read out as its file name or skipped. The description of a library picture lives in the
media library (``redaksi media describe``, the app's media dialog), where every article
that shows the picture shares it. A picture in the body may carry its own in the Markdown
(``![Banjir di Pluit](media:…)``), which wins on that page.

Checked: the lead image and every picture in the body. A lead image given as a path in
the media folder, from before the library (or an import that could not find the file),
has nowhere to keep a description: its page falls back on the caption, which says what
the story is about rather than what the photo shows. So it fails until the picture is
added to the library, described, and chosen as the lead image (an editor may publish
past it with a reason). A lead image given as a web address is not checked here: it
stays on the other site, described there.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.i18n import _, ngettext
from editor.media.refs import REF_IN_TEXT, is_media_ref, parse_media_ref
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


def _is_file_path(lead_image: str) -> bool:
    text = lead_image.strip()
    return bool(text) and not is_media_ref(text) and not text.startswith(("https://", "http://"))


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
    elif _is_file_path(record.lead_image):
        missing.append(
            _(
                "the lead image {path} (a file from before the media library keeps none: "
                "add it with redaksi media add FILE --alt TEXT or the media library, and "
                "choose it as the lead image)"
            ).format(path=record.lead_image.strip())
        )
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
