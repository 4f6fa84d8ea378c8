"""Redaksi core: the Qt-free newsroom library shared by the GUI, the command line and publish."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("redaksi")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
