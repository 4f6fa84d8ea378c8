"""The compiled Jinja templates and the shipped site files (resources/templates, resources/site)."""

from __future__ import annotations

import hashlib
import importlib
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template


def resource_dir(name: str) -> Path:
    """The folder ``resources/<name>``.

    Looked up through the package's search path: importlib.resources.files refuses the
    namespace path an editable install gives ``resources``.
    """
    package = importlib.import_module("resources")
    for base in list(getattr(package, "__path__", [])):
        candidate = Path(base) / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The resources/{name} folder is missing; reinstall Redaksi.")


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
        auto_reload=False,
    )


def template(name: str) -> Template:
    return environment().get_template(name)


@lru_cache(maxsize=1)
def templates_fingerprint() -> str:
    """Changes whenever a template or the stylesheet changes: every page depends on them."""
    hasher = hashlib.blake2b(digest_size=16)
    for folder in ("templates", "site"):
        root = resource_dir(folder)
        for path in sorted(root.rglob("*")):
            if path.is_file():
                hasher.update(path.relative_to(root).as_posix().encode())
                hasher.update(path.read_bytes())
    return hasher.hexdigest()
