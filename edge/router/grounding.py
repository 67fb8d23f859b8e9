"""Answering from the user's documents: the prompt that hands the LLM numbered sources, and the citations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from edge.store.knowledge import Hit
from edge.store.stopwords import NEGATIONS, STOPWORDS

INSTRUCTIONS = (
    "Answer the question in one or two sentences using only the numbered sources. "
    "Cite the source of each fact by its number in square brackets, like [1]."
)
UNSUPPORTED_SHARE = 0.34
"""An answer with more of its content words than this missing from the sources is not grounded in them."""
SOURCE_TALK = frozenset("answer source sources according document documents".split())
"""Words an answer uses to speak of its sources, not of their content."""
_IGNORED = STOPWORDS | NEGATIONS | SOURCE_TALK


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


def grounded_messages(question: str, hits: list[Hit]) -> list[dict[str, str]]:
    """Sources and question in the user turn, where small models attend to them best."""
    sources = "\n\n".join(f"[{n}] {h.text}" for n, h in enumerate(hits, 1))
    return [
        {"role": "system", "content": INSTRUCTIONS},
        {"role": "user", "content": f"Sources:\n\n{sources}\n\nQuestion: {question}"},
    ]


def grounded(answer: str, hits: list[Hit]) -> bool:
    """Whether the answer keeps to the sources: every number in it appears in them, and most of its words do.

    Small models asked to answer from sources still invent figures and facts; this catches the plain cases.
    """
    body = re.sub(r"\[\d+(?:\s*,\s*\d+)*\]", " ", answer)
    words = _words(body)
    if not words or _repeats(body):
        return False
    source_words = set().union(*(_words(h.text) for h in hits)) if hits else set()
    numbers = set(re.findall(r"\d+(?:[.,]\d+)?", body))
    source_text = " ".join(h.text for h in hits)
    if any(n not in source_text for n in numbers):
        return False
    missing = [w for w in words if w not in source_words]
    return len(missing) <= UNSUPPORTED_SHARE * len(words)


def quoted_answer(question_vector: np.ndarray, hits: list[Hit], embed: Callable[[list[str]], np.ndarray]) -> str:
    """The source sentence closest in meaning to the question, quoted with its citation: what the documents
    say, when the LLM could not say it faithfully."""
    candidates = [(n, s) for n, h in enumerate(hits, 1) for s in _sentences(_body(h.text))]
    if not candidates:
        return ""
    scores = embed([s for _, s in candidates]) @ question_vector
    number, sentence = candidates[int(np.argmax(scores))]
    return f'Your documents say: "{sentence}" [{number}]'


def _body(chunk_text: str) -> str:
    """The chunk without its heading prefix."""
    head, sep, rest = chunk_text.partition("\n\n")
    return rest if sep and len(head) < 200 and not head.rstrip().endswith((".", "!", "?")) else chunk_text


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n{2,}", text)
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 3]


def _words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _IGNORED and len(w) > 2]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _repeats(text: str) -> bool:
    """The same sentence more than once: a small model caught in a loop."""
    sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4]
    return len(sentences) != len(set(sentences))


def citations(answer: str, hits: list[Hit]) -> list[Citation]:
    """Every source the LLM was given, numbered as in its prompt; those it cited are marked."""
    cited = {int(n) for group in re.findall(r"\[(\d+(?:\s*,\s*\d+)*)\]", answer) for n in re.findall(r"\d+", group)}
    return [
        Citation(n, h.source, h.title, h.heading, h.page, h.doc_id, h.chunk_id, h.start, h.end, n in cited)
        for n, h in enumerate(hits, 1)
    ]
