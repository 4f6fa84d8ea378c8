"""The demo newsroom: sections, people and articles from the sample page (filled in next)."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.database import Database


@dataclass
class DemoReport:
    sections: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"Created {len(self.articles)} articles."]


def load_demo(db: Database) -> DemoReport:
    raise NotImplementedError("the demo newsroom is not written yet")
