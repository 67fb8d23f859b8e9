"""Streamed tokens → speakable sentences, so speech can start while the model is still writing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr vs etc e.g i.e approx no fig mt ft inc ltd co".split()
    + "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n\s*\n")
_CLAUSE = re.compile(r"[,;:—](?=\s)")
_JOINER = re.compile(r"\s(?=(?:and|but|or|so|because|which|that|who|when|while|if|as|to|with)\s)", re.IGNORECASE)
_MARKUP = re.compile(r"\*\*|__|`+|^#{1,6}\s*|^\s*[-*+]\s+|\[\d+(?:,\s*\d+)*\]", re.MULTILINE)
_SPACES = re.compile(r"\s+")


def speakable(text: str) -> str:
    """Text as it should be spoken: markdown emphasis, headings, bullets and citation marks removed."""
    return _SPACES.sub(" ", _MARKUP.sub("", text)).strip()


class SentenceChunker:
    """Feed text as it streams; a sentence comes out when the word after it starts (a lowercase word means the
    full stop belonged to an abbreviation).

    The first piece may end early, once it has ``first_words`` words: at a comma, before a joining word ("and",
    "which"), or at any word after twice as many. That gets the first sound out sooner on long opening sentences.
    Abbreviations ("Dr.", "e.g.") and decimals do not end a sentence.
    """

    def __init__(self, first_words: int = 6) -> None:
        self.first_words = first_words
        self._buffer = ""
        self._emitted = 0

    def feed(self, text: str) -> Iterator[str]:
        self._buffer += text
        while (cut := self._cut()) is not None:
            piece, self._buffer = self._buffer[:cut], self._buffer[cut:].lstrip()
            if spoken := speakable(piece):
                self._emitted += 1
                yield spoken

    def flush(self) -> Iterator[str]:
        piece, self._buffer = self._buffer, ""
        if spoken := speakable(piece):
            self._emitted += 1
            yield spoken

    def _cut(self) -> int | None:
        for match in _END.finditer(self._buffer):
            following = self._buffer[match.end() :].lstrip()
            if not following:
                break
            if not self._abbreviation(match.start()) and not following[0].islower():
                return match.end()
        if self._emitted == 0 and self.first_words:
            return self._early_cut()
        return None

    def _early_cut(self) -> int | None:
        for pattern in (_CLAUSE, _JOINER):
            for match in pattern.finditer(self._buffer):
                if len(self._buffer[: match.start()].split()) >= self.first_words:
                    return match.end()
        words = list(re.finditer(r"\S+(?=\s)", self._buffer))
        if len(words) >= 2 * self.first_words:
            return words[2 * self.first_words - 1].end()
        return None

    def _abbreviation(self, dot: int) -> bool:
        if self._buffer[dot] != ".":
            return False
        word = self._buffer[:dot].rsplit(None, 1)[-1].lower() if self._buffer[:dot].strip() else ""
        return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentences(tokens: Iterable[str], first_words: int = 6) -> Iterator[str]:
    chunker = SentenceChunker(first_words)
    for token in tokens:
        yield from chunker.feed(token)
    yield from chunker.flush()
