"""A guard between a small LLM and the listener: answers that loop or run on are cut at a sentence's end.

SmolLM2-135M, decoding greedily, falls into loops ("They are also found in the sea, and they are found in the
ocean. They are also found in the sea, ..."). The guard holds back the sentence being generated until it ends, so
that a sentence which repeats the answer is never shown: generation stops there and the answer ends with its last
complete sentence. A sentence budget (for voice) ends the answer the same way.

The first sentence is the exception, so the answer starts on screen at once: its words are given out as they come,
all but the last ``HOLD`` and never past a span said twice in a row. Should it still end up cut or refused, the
answer's ``text`` is not what was given out, and the caller withdraws that.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

NGRAM = 4
"""Words in the sequences counted for repetition."""
LOOP_COUNT = 3
"""A sequence said this many times is a loop."""
HOLD = 3
"""Words of the first sentence held back while it is given out word by word."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_LIST_MARK = re.compile(r"(?:\d{1,2}|[a-z])[.)]", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9']+")


class Rambling:
    """Feed it the generated pieces; it gives back the text that may be shown, a whole sentence at a time.

    ``stopped`` says why the answer should end early: "loop" or "budget"; None while it may go on.
    """

    def __init__(self, max_sentences: int | None = None) -> None:
        self.max_sentences = max_sentences
        self.stopped: str | None = None
        self._kept: list[str] = []
        self._pending = ""
        self._given = 0
        """Characters of the pending sentence already given out."""
        self._counts: Counter[tuple[str, ...]] = Counter()
        self._sentences: set[str] = set()
        self._wordless = False

    @property
    def text(self) -> str:
        """The answer: the sentences kept, and once finished its last part."""
        return "".join(self._kept)

    def feed(self, piece: str) -> Iterator[str]:
        """The text ``piece`` lets out: the rest of each sentence it completed that keeps to the rules, and while
        the first sentence is still coming, its words so far."""
        if self.stopped:
            return
        self._pending += piece
        while (end := _sentence_end(self._pending)) is not None:
            sentence, self._pending = self._pending[:end], self._pending[end:]
            given, self._given = self._given, 0
            if not self._accept(sentence):
                return
            yield sentence[given:]
            if self.max_sentences is not None and len(self._kept) >= self.max_sentences:
                self.stopped = "budget"
                return
        if self._loops(_words(self._pending)):
            self.stopped = "loop"
        elif not self._kept:
            yield from self._first_words()

    def _first_words(self) -> Iterator[str]:
        spans = list(_WORD.finditer(self._pending.lower()))
        shown = min(_repetition_start([m.group(0) for m in spans]), len(spans) - HOLD)
        if shown > 0 and (end := spans[shown - 1].end()) > self._given:
            yield self._pending[self._given : end]
            self._given = end

    def finish(self, complete: bool) -> str:
        """The rest to give out once generation has ended: the last sentence, unless the answer stopped early or was
        cut off (``complete`` False) after at least one whole sentence. A loop in the first sentence keeps what came
        before the repetition. Empty when what was given out of the last sentence is not how it ends."""
        rest, self._pending = self._pending, ""
        given, self._given = rest[: self._given], 0
        if self.stopped == "loop" and not self._kept:
            rest = _before_repetition(rest)
            self._kept.append(rest)
        elif self.stopped or not rest.strip() or (not complete and self._kept) or not self._accept(rest):
            rest = ""
        return rest[len(given) :] if rest.startswith(given) else ""

    def _accept(self, sentence: str) -> bool:
        """A sentence that repeats the answer is a loop, and so is a second sentence in a row without a word
        (a count running on: "1. 2. 3. 4. 5. ...")."""
        words = _words(sentence)
        key = " ".join(words)
        wordless = not re.search(r"[^\W\d_]", sentence)
        if len(words) >= NGRAM and key in self._sentences or self._loops(words) or (wordless and self._wordless):
            self.stopped = "loop"
            return False
        self._wordless = wordless
        self._counts.update(_ngrams(words))
        self._sentences.add(key)
        self._kept.append(sentence)
        return True

    def _loops(self, words: list[str]) -> bool:
        """Whether adding ``words`` makes some sequence of NGRAM words occur LOOP_COUNT times."""
        added = Counter(_ngrams(words))
        return any(self._counts[gram] + count >= LOOP_COUNT for gram, count in added.items())


def _sentence_end(text: str) -> int | None:
    """Where the first sentence of ``text`` ends, when it has ended; a list's "1. " does not end one."""
    for end in _SENTENCE_END.finditer(text):
        if not _LIST_MARK.fullmatch(text[: end.start()].strip()):
            return end.end()
    return None


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _ngrams(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + NGRAM]) for i in range(len(words) - NGRAM + 1)]


def _before_repetition(text: str) -> str:
    """``text`` up to where it starts saying again what it just said, ended as a sentence."""
    spans = list(_WORD.finditer(text.lower()))
    k = _repetition_start([m.group(0) for m in spans])
    if k == len(spans):
        return text
    head = text[: spans[k].start()].rstrip(" ,;:-\"'\n")
    return f"{head}." if head and head[-1] not in ".!?" else head


def _repetition_start(words: list[str]) -> int:
    """The index of the first word that starts a span of 2 to 12 words said again right after itself; the
    number of words when there is none."""
    for k in range(2, len(words)):
        if any(words[k : k + p] == words[k - p : k] for p in range(2, min(k, 12) + 1)):
            return k
    return len(words)


def repeated_ngram(text: str) -> str | None:
    """The first sequence of NGRAM words that ``text`` says LOOP_COUNT times or more, for measuring answers."""
    counts = Counter(_ngrams(_words(text)))
    return next((" ".join(g) for g, c in counts.items() if c >= LOOP_COUNT), None)
