"""Citations: the documents an answer was drawn from, numbered as its prompt gave them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edge.store.knowledge import Hit


@dataclass(frozen=True)
class Citation:
    number: int
    source: str
    title: str | None
    heading: str
    page: int | None
    doc_id: int
    chunk_id: int
    start: int
    end: int
    cited: bool
    """The answer refers to this source by its number."""

    @property
    def label(self) -> str:
        where = f", page {self.page}" if self.page else f" ({self.heading})" if self.heading else ""
        return f"[{self.number}] {Path(self.source).name}{where}"


def citations(answer: str, hits: list[Hit]) -> list[Citation]:
    """Every source the LLM was given, numbered as in its prompt; those it cited are marked."""
    cited = {int(n) for group in re.findall(r"\[(\d+(?:\s*,\s*\d+)*)\]", answer) for n in re.findall(r"\d+", group)}
    return [
        Citation(n, h.source, h.title, h.heading, h.page, h.doc_id, h.chunk_id, h.start, h.end, n in cited)
        for n, h in enumerate(hits, 1)
    ]
