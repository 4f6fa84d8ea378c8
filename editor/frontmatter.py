"""Front matter: the header block of a Markdown file, as Hugo and Jekyll write it.

Reading accepts YAML between ``---`` lines (Hugo, Jekyll) and TOML between ``+++`` lines
(Hugo). Writing always produces YAML. Parsing uses PyYAML's safe loader only (no Python
objects can be built from a file) and ``tomllib``.

Line endings: Windows (CRLF) and old Mac (CR) line endings are turned into LF on reading,
so the same file checked out on two machines is the same article. Nothing else in the body
changes: trailing spaces (Markdown hard breaks), tabs and blank lines stay as typed. The one
blank line that conventionally separates the header from the body is not part of the body.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml

from editor.i18n import _

#: A header longer than this is almost certainly a missing closing line, not a header.
MAX_HEADER_CHARS = 256 * 1024
#: What a YAML header may grow to once every alias is expanded, counted as one per value
#: plus the characters of its text. A header without aliases stays below it (it is at most
#: MAX_HEADER_CHARS long); aliases reused a few times fit; an alias bomb ("billion laughs",
#: nine lists of nine aliases of the one before) does not, and is refused before anything
#: is built from it, so no later step can expand it.
MAX_EXPANDED_SIZE = 2 * MAX_HEADER_CHARS

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """The safe loader, except that times stay text: the importer reads them itself, so a
    bad date is reported with its line and a naive time gets the newsroom's zone."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


_TOML_POSITION = re.compile(r"\(at line (\d+)")


class FrontMatterError(ValueError):
    """The file cannot be read as front matter plus body; ``line`` is 1-based in the file."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class Document:
    """A parsed file: header values, the file line of each top-level key, and the body."""

    fields: dict[str, Any]
    body: str
    key_lines: dict[str, int] = field(default_factory=dict)


def decode(data: bytes) -> str:
    """UTF-8 text with LF line endings; binary junk is refused with the line where it starts."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FrontMatterError(
            _(
                "not UTF-8 text (byte 0x{byte:02x} at offset {start}). Save the file as "
                "UTF-8, or leave binary files out of the import."
            ).format(byte=data[error.start], start=error.start),
            line,
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise FrontMatterError(
            _(
                "contains NUL bytes, so it is a binary file, not Markdown. Leave it out "
                "of the import."
            ),
            text.count("\n", 0, nul) + 1,
        )
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _split(text: str) -> tuple[str, str, str]:
    """(delimiter, header text, body). The header starts on file line 2."""
    first_line = text.split("\n", 1)[0].rstrip()
    if first_line not in ("---", "+++"):
        raise FrontMatterError(
            _(
                "has no front matter. Start the file with a line '---', then 'title: "
                "...', then another '---' line before the text."
            ),
            1,
        )
    delimiter = first_line
    start = text.index("\n") + 1 if "\n" in text else len(text)
    # The closing line is the first line that is exactly the delimiter (spaces allowed after).
    closing = re.compile(rf"^{re.escape(delimiter)}[ \t]*$", re.MULTILINE)
    match = closing.search(text, start, start + MAX_HEADER_CHARS + len(delimiter) + 2)
    if match is not None and not text.startswith("\n", match.end()) and match.end() < len(text):
        match = None  # cut off by the search limit in the middle of a longer line
    if match is None:
        if len(text) - start <= MAX_HEADER_CHARS:
            message = _(
                "the front matter opened with '{delimiter}' on line 1 is never closed. "
                "Add a line '{delimiter}' after the last header line."
            )
        else:
            message = _(
                "the front matter opened with '{delimiter}' on line 1 is never closed in "
                "its first 256 KB. Add a line '{delimiter}' after the last header line."
            )
        raise FrontMatterError(message.format(delimiter=delimiter), 1)
    header = text[start : match.start()]
    body = text[match.end() :]
    body = body.removeprefix("\n")  # the end of the closing line itself
    body = body.removeprefix("\n")  # the conventional blank separator line
    return delimiter, header, body


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a header whose aliases expand beyond MAX_EXPANDED_SIZE or refer to themselves.

    Walks the composed nodes (an alias is the same node object reached twice) without
    recursion, computing each node's expanded size once.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # on the current path: meeting one again is a loop
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(node))
        elif key in sizes:
            continue
        elif key in open_nodes:
            raise FrontMatterError(
                _(
                    "the front matter has an alias that contains itself, so it never ends. "
                    "Write the value out instead of the '*' alias."
                ),
                node.start_mark.line + 2,
            )
        elif isinstance(node, yaml.ScalarNode):
            size = 1 + len(node.value)
        else:
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
            continue
        if size > MAX_EXPANDED_SIZE:
            raise FrontMatterError(
                _(
                    "the front matter's aliases ('*' references) expand to more than "
                    "{limit:,} values and characters. Write the values out, or use fewer "
                    "aliases."
                ).format(limit=MAX_EXPANDED_SIZE),
                node.start_mark.line + 2,
            )
        sizes[key] = size


def _yaml_fields(header: str) -> tuple[dict[str, Any], dict[str, int]]:
    loader = _Loader(header)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_expansion(node)
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else 1
        problem = error.problem or error.context or "unreadable"
        raise FrontMatterError(
            _(
                "the front matter is not valid YAML: {problem}. Check indentation, and "
                "put text containing ':' or '#' in quotes."
            ).format(problem=problem),
            line,
        ) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(
            _("the front matter is not valid YAML: {error}").format(error=error), 2
        ) from None
    except RecursionError:  # the pure-Python parser, when libyaml is missing
        raise _too_deep() from None
    finally:
        loader.dispose()
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            _("the front matter must be 'key: value' lines, not a single value or a list."), 2
        )
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines.setdefault(str(key_node.value), key_node.start_mark.line + 2)
    return {str(key): value for key, value in data.items()}, lines


def _too_deep() -> FrontMatterError:
    return FrontMatterError(
        _("the front matter nests lists or tables too deeply to read. Flatten it."), 2
    )


def _toml_fields(header: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = tomllib.loads(header)
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise _too_deep() from None
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        line = int(found.group(1)) + 1 if found else 2
        raise FrontMatterError(
            _("the front matter is not valid TOML: {error}").format(error=error), line
        ) from None
    lines: dict[str, int] = {}
    for number, raw in enumerate(header.split("\n"), start=2):
        key = raw.split("=", 1)[0].strip().strip('"')
        if "=" in raw and key in data:
            lines.setdefault(key, number)
    return data, lines


def parse(text: str) -> Document:
    """Split decoded text into header fields and body; raise FrontMatterError when unreadable."""
    delimiter, header, body = _split(text)
    fields, lines = _yaml_fields(header) if delimiter == "---" else _toml_fields(header)
    return Document(fields=fields, body=body, key_lines=lines)


class _Dumper(yaml.SafeDumper):
    """Readable YAML: multi-line text as ``|`` blocks, lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_time(dumper: yaml.SafeDumper, value: datetime) -> yaml.ScalarNode:
    # ISO 8601 with its offset, which YAML reads back as the same aware time.
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(datetime, _represent_time)


def render(fields: dict[str, Any], body: str) -> str:
    """A complete file: YAML header in the given key order, a blank line, the body as is."""
    header = yaml.dump(
        fields,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    return f"---\n{header}---\n\n{body}"


def read_settings(text: str, *, toml: bool) -> dict[str, Any]:
    """A site generator's settings file (Hugo's ``config.toml``, Jekyll's ``_config.yml``),
    read within the header's bounds; FrontMatterError when it cannot be read."""
    return (_toml_fields if toml else _yaml_fields)(text)[0]
