"""Hugo shortcodes and Jekyll Liquid tags in an imported body, as Redaksi writes them.

Converted, each on a line of its own (editor.render.figures, editor.render.embeds):

=====================================================  =========================================
``{{< youtube hjD9jTi_DQ4 >}}`` (``id=``), ``{% youtube``  the video's address, an embed card
``{{< x user="u" id="1" >}}``, ``{{< tweet … >}}``,      the post's address on X, an embed card
``{% tweet URL %}``
``{{< figure src= alt= caption= attr= >}}``              a figure: image, caption, ``Foto:`` credit
``{{< highlight go >}}…{{< /highlight >}}``,             a fenced code block in that language
``{% highlight go %}…{% endhighlight %}``
``{% raw %}`` / ``{% endraw %}``                         dropped, what they enclose stays
kramdown ``{: .class}`` lines                            dropped (Redaksi has no attributes)
=====================================================  =========================================

Anything else stays exactly as typed, so nothing is lost, and is named in the import report
and by the pre-publish checklist (editor.shortcodes). Code blocks are left alone: a
technical site shows shortcodes there on purpose.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from editor.i18n import _
from editor.shortcodes import KRAMDOWN_IAL, find_site_code

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
#: A Hugo shortcode or a Liquid tag that is the whole line.
_HUGO_LINE = re.compile(
    r"^[ \t]*\{\{([<%])\s*(?P<close>/)?\s*(?P<name>[\w-]+)(?P<args>.*?)\s*[>%]\}\}[ \t]*$"
)
_LIQUID_LINE = re.compile(r"^[ \t]*\{%-?\s*(?P<name>\w+)(?P<args>.*?)\s*-?%\}[ \t]*$")
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_POST_ID = re.compile(r"^\d{1,25}$")
_USER = re.compile(r"^@?[A-Za-z0-9_]{1,15}$")
_X_URL = re.compile(r"^https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/\S+/status(?:es)?/\d+")
_LANGUAGE = re.compile(r"^[\w+#.-]{1,30}$")


@dataclass
class ConvertedBody:
    markdown: str
    #: How many shortcodes and tags became Redaksi's syntax.
    converted: int = 0
    #: What stays as typed (editor.shortcodes.find_site_code's names).
    kept: list[str] = field(default_factory=list)


def _args(text: str) -> tuple[list[str], dict[str, str]]:
    """Positional and named arguments: ``go "linenos=table"``, ``id="x" user=y``."""
    try:
        words = shlex.split(text.replace("\u201c", '"').replace("\u201d", '"'))
    except ValueError:
        words = text.split()
    positional: list[str] = []
    named: dict[str, str] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if equals and re.fullmatch(r"[A-Za-z_][\w-]*", key):
            named[key.lower()] = value
        else:
            positional.append(word)
    return positional, named


def _youtube(positional: list[str], named: dict[str, str]) -> str | None:
    video = named.get("id") or (positional[0] if positional else "")
    if _YOUTUBE_ID.match(video):
        return f"https://www.youtube.com/watch?v={video}"
    if video.startswith(("https://www.youtube.com/", "https://youtu.be/")):
        return video
    return None


def _post(positional: list[str], named: dict[str, str]) -> str | None:
    if positional and _X_URL.match(positional[0]):
        return positional[0]
    post = named.get("id") or next((p for p in positional if _POST_ID.match(p)), "")
    user = named.get("user") or next((p for p in positional if not _POST_ID.match(p)), "i")
    if not _POST_ID.match(post) or not _USER.match(user):
        return None
    return f"https://x.com/{user.lstrip('@')}/status/{post}"


def _figure(named: dict[str, str]) -> str | None:
    src = named.get("src", "").strip()
    if not src or any(c in src for c in " \n()"):
        return None
    alt = named.get("alt") or named.get("title") or ""
    lines = [f"![{alt.replace(']', '')}]({src})"]
    caption = " ".join((named.get("caption") or named.get("title") or "").split())
    if caption:
        lines.append(caption)
    credit = " ".join(named.get("attr", "").split())
    if credit:
        lines.append(f"Foto: {credit}")
    return "\n".join(lines)


def _language(positional: list[str]) -> str:
    language = positional[0] if positional else ""
    return language if _LANGUAGE.match(language) else ""


class _Body:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.converted = 0
        #: The closing line a code block opened by a shortcode waits for.
        self.closing: re.Pattern[str] | None = None
        #: A converted block was written: the next line of text needs a blank line first.
        self.after_block = False

    def append(self, line: str) -> None:
        if self.after_block and line.strip():
            self.out.append("")
        self.after_block = False
        self.out.append(line)

    def block(self, text: str) -> None:
        """A paragraph of its own: blank lines around it, as the renderer needs."""
        if self.out and self.out[-1].strip():
            self.out.append("")
        self.out.extend(text.split("\n"))
        self.after_block = True
        self.converted += 1

    def line(self, line: str) -> bool:
        """Convert one line; False when it is not a shortcode this knows."""
        if self.closing is not None:
            if self.closing.match(line):
                self.out.append("```")
                self.closing = None
            else:
                self.out.append(line)
            return True
        hugo = _HUGO_LINE.match(line)
        liquid = _LIQUID_LINE.match(line) if hugo is None else None
        found = hugo or liquid
        if found is None or (hugo is not None and hugo.group("close")):
            return False
        name = found.group("name").lower()
        positional, named = _args(found.group("args"))
        if name == "highlight":
            self.append("```" + _language(positional))
            self.converted += 1
            self.closing = (
                re.compile(r"^[ \t]*\{\{[<%]\s*/\s*highlight\s*[>%]\}\}[ \t]*$")
                if hugo
                else re.compile(r"^[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$")
            )
            return True
        if liquid is not None and name in ("raw", "endraw"):
            self.converted += 1
            return True
        made = None
        if name == "youtube":
            made = _youtube(positional, named)
        elif name in ("x", "tweet", "twitter"):
            made = _post(positional, named)
        elif name == "figure" and hugo is not None:
            made = _figure(named)
        if made is None:
            return False
        self.block(made)
        return True


_INDENTED_FENCE = re.compile(r"^(?: {4,}|\t)[ \t]*(?:`{3,}|~{3,})", re.MULTILINE)
_DEFINITION = re.compile(r"^[^\s:][^\n]*\n:[ \t]+\S", re.MULTILINE)


def differences(text: str) -> list[str]:
    """What Hugo's Markdown (Goldmark) shows otherwise than Redaksi's, for the report."""
    found = []
    if _INDENTED_FENCE.search(text):
        found.append(_("an indented ``` fence (a code block inside a list on the old site)"))
    if _DEFINITION.search(text):
        found.append(_("a definition list (Term, then ': definition')"))
    return found


def convert_body(text: str) -> ConvertedBody:
    """``text`` with the shortcodes Redaksi has an equivalent for converted."""
    if "{" not in text:  # every shortcode, tag and attribute list has one
        return ConvertedBody(text, 0, find_site_code(text))
    body = _Body()
    fence = ""
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence or (opening and body.closing is None):
            body.append(line)
            if fence and opening and opening.group(1)[0] == fence[0]:
                fence = ""
            elif not fence and opening:
                fence = opening.group(1)
            continue
        if body.line(line):
            continue
        if KRAMDOWN_IAL.match(line):
            body.converted += 1
            continue
        body.append(line)
    if body.closing is not None:  # never closed: the rest is the code block, as Hugo shows it
        body.out.append("```")
    markdown = "\n".join(body.out)
    return ConvertedBody(markdown, body.converted, find_site_code(markdown))
