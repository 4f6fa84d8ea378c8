"""What a publish hands back, and how it stops when asked to."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import RedaksiError
from editor.i18n import _


class PublishCancelled(RedaksiError):
    """The user cancelled; the previous site is untouched."""


class PublishError(RedaksiError):
    """The publish could not finish; the previous site is untouched."""


@dataclass(frozen=True)
class PublishProblem:
    """Something a publish worked around (a missing image...), with what to do about it."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class PublishReport:
    out_dir: Path
    articles: int = 0
    #: Site paths whose file was rendered or copied anew in this publish.
    written: list[str] = field(default_factory=list)
    #: Site paths carried over unchanged from the previous publish.
    reused: int = 0
    #: Site paths the previous publish had and this one dropped.
    removed: list[str] = field(default_factory=list)
    problems: list[PublishProblem] = field(default_factory=list)
    #: Scheduled articles whose time had come: this publish made them published.
    promoted: list[uuid.UUID] = field(default_factory=list)
    bodies_rendered: int = 0
    bodies_cached: int = 0
    #: Library pictures whose renditions this publish made (the others were cached).
    pictures_made: int = 0
    #: Old addresses of imported articles that now redirect (editor.publish.redirects).
    redirects: int = 0
    full: bool = False
    seconds: float = 0.0

    @property
    def files(self) -> int:
        return len(self.written) + self.reused

    def lines(self) -> list[str]:
        if self.full:
            text = _(
                "Full publish of {articles} articles to {out_dir}: {written} files written, "
                "{reused} unchanged, {removed} removed ({seconds:.2f} s)."
            )
        else:
            text = _(
                "Publish of {articles} articles to {out_dir}: {written} files written, "
                "{reused} unchanged, {removed} removed ({seconds:.2f} s)."
            )
        counts = {"written": len(self.written), "reused": self.reused, "removed": len(self.removed)}
        lines = [
            text.format(
                articles=self.articles, out_dir=self.out_dir, seconds=self.seconds, **counts
            )
        ]
        if self.pictures_made:
            lines.append(
                _("{count} new pictures resized for the site.").format(count=self.pictures_made)
            )
        if self.redirects:
            lines.append(
                _(
                    "{count} old addresses redirect to their articles "
                    "(redirects.nginx.conf and redirects.apache.conf for the web server)."
                ).format(count=self.redirects)
            )
        if self.promoted:
            lines.append(
                _("{count} scheduled articles went live.").format(count=len(self.promoted))
            )
        lines += [_("warning: {problem}").format(problem=problem) for problem in self.problems]
        return lines
