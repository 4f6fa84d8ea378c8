"""YouTube and X (Twitter) embeds as safe link cards.

A reporter pastes the address on a line of its own::

    https://www.youtube.com/watch?v=dQw4w9WgXcQ

    https://x.com/jensstoltenberg/status/1653962158335647745

and gets ``<div class="embed embed-youtube"><a href="https://www.youtube.com/watch?v=…">
<span class="embed-label">YouTube</span> https://www.youtube.com/watch?v=…</a></div>``
(``embed-x`` for posts on X). No iframe or script reaches the page: the site's CSS styles
the card and readers follow the link. Addresses are rebuilt from the video or post id,
so tracking parameters and anything odd in the pasted text never pass through. An
address in running text stays an ordinary link.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.util import AtomicString

_VIDEO_ID = r"(?P<video>[A-Za-z0-9_-]{6,20})"
YOUTUBE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:"
    rf"youtube\.com/watch\?(?:[^\s#]*&)?v={_VIDEO_ID}"
    rf"|youtube\.com/(?:shorts|embed|live)/{_VIDEO_ID.replace('video', 'path_video')}"
    rf"|youtu\.be/{_VIDEO_ID.replace('video', 'short_video')}"
    r")(?:[?&#][^\s]*)?$"
)
X_POST = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/"
    r"(?P<user>[A-Za-z0-9_]{1,15})/status(?:es)?/(?P<post>\d{1,25})(?:[/?#][^\s]*)?$"
)


@dataclass(frozen=True)
class Embed:
    kind: str  # "youtube" or "x": the CSS class suffix
    label: str
    url: str
    text: str


def recognise(line: str) -> Embed | None:
    """The embed a lone pasted address stands for, or None for any other text."""
    address = line.strip().removeprefix("<").removesuffix(">")
    video = YOUTUBE.match(address)
    if video is not None:
        video_id = next(group for group in video.groups() if group)
        url = f"https://www.youtube.com/watch?v={video_id}"
        return Embed("youtube", "YouTube", url, url)
    post = X_POST.match(address)
    if post is not None:
        user, post_id = post.group("user"), post.group("post")
        return Embed("x", "X", f"https://x.com/{user}/status/{post_id}", f"@{user}")
    return None


class EmbedProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return "\n" not in block.strip() and recognise(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        embed = recognise(blocks.pop(0))
        assert embed is not None  # test() recognised this block
        card = etree.SubElement(parent, "div", {"class": f"embed embed-{embed.kind}"})
        link = etree.SubElement(card, "a", {"href": embed.url})
        label = etree.SubElement(link, "span", {"class": "embed-label"})
        # Atomic: underscores in ids and user names must not turn into emphasis.
        label.text = AtomicString(embed.label)
        label.tail = AtomicString(f" {embed.text}")
        return True


class EmbedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(EmbedProcessor(md.parser), "newsroom-embed", 16.2)
