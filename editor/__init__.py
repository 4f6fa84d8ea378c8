"""Redaksi core: the Qt-free newsroom library shared by the GUI, the command line and publish."""

from typing import Any


def __getattr__(name: str) -> Any:
    # The version is read from the installed package's metadata only when asked for:
    # importlib.metadata costs a command like ``redaksi list`` a tenth of its start.
    if name != "__version__":
        raise AttributeError(f"module 'editor' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("redaksi")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found
