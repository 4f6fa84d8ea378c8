"""Site-generator code left in an article's text: Hugo shortcodes, Jekyll's Liquid and
WordPress shortcodes. Redaksi runs none of it, so a page would show it as literal text.

``find_site_code`` names what a body still holds (the pre-publish checklist and the import
report use it); code blocks and inline code are left out, as that is where a technical
site shows such code on purpose. WordPress's form is only named when it is unmistakable
(attributes, a closing tag, or one of WordPress's own names), so "[sic]" or "[foto]" in a
quote is not taken for one.
"""

from __future__ import annotations

import re

#: ``{{< name … >}}``, ``{{% name … %}}`` and their closing tags.
HUGO = re.compile(r"\{\{([<%])\s*/?\s*(?P<name>[A-Za-z][\w./-]*)[^\n]*?\s*[>%]\}\}")
#: Liquid tags ``{% name … %}`` (``{%-`` too) and output ``{{ page.title }}``.
LIQUID_TAG = re.compile(r"\{%-?\s*(?P<name>[A-Za-z]\w*)[^\n]*?-?%\}")
LIQUID_OUTPUT = re.compile(r"\{\{-?\s*(?P<name>[A-Za-z_][\w.]*)[^\n<>%]*?-?\}\}")
#: WordPress: ``[name key="value"]`` or ``[name]…[/name]``.
WORDPRESS = re.compile(r"(?<![\[\\])\[(?P<name>[a-z][a-z0-9_-]*)(?P<attrs>\s+[^\]\n]*=[^\]\n]*)?\]")
#: A kramdown attribute list on its own line (``{: .lead}``, ``{:#intro}``).
KRAMDOWN_IAL = re.compile(r"^[ \t]*\{:[^}\n]*\}[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)[^`\n].*?\1")


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, line) for every line outside fenced code, inline code blanked."""
    lines: list[tuple[int, str]] = []
    fence = ""
    for number, line in enumerate(text.split("\n"), 1):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        lines.append((number, _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)))
    return lines


#: WordPress's own shortcodes, named even bare (``[gallery]``): no quote says "[playlist]".
WORDPRESS_NAMES = frozenset(
    ("audio", "caption", "embed", "gallery", "playlist", "video", "wp_caption")
)


def _wordpress(text: str, line: str) -> list[str]:
    found = []
    for match in WORDPRESS.finditer(line):
        name = match.group("name")
        if match.group("attrs") or name in WORDPRESS_NAMES or f"[/{name}]" in text:
            found.append(f"[{name}]")
    return found


def find_site_code(text: str) -> list[str]:
    """What ``text`` holds of a site generator's code, each kind once, in order:
    ``{{< gist >}}``, ``{% include %}``, ``{{ page.title }}``, ``[contact-form-7]``,
    ``{: …}``."""
    found: dict[str, None] = {}
    curly = "{" in text
    square = "[" in text
    if not curly and not square:  # most bodies: nothing to look for, line by line
        return []
    for _number, line in prose_lines(text):
        if square:
            for name in _wordpress(text, line):
                found[name] = None
        if not curly or "{" not in line:
            continue
        for match in HUGO.finditer(line):
            opening = match.group(1)
            closing = ">" if opening == "<" else "%"
            found["{{" + f"{opening} {match.group('name')} {closing}" + "}}"] = None
        for match in LIQUID_TAG.finditer(line):
            found[f"{{% {match.group('name')} %}}"] = None
        for match in LIQUID_OUTPUT.finditer(line):
            found[f"{{{{ {match.group('name')} }}}}"] = None
        if KRAMDOWN_IAL.match(line):
            found["{: …}"] = None
    return list(found)
