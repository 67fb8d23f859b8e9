"""Split a document into chunks that follow its structure and fit the embedder's input.

A chunk never spans two sections unless both are small and share a parent. Inside a section, chunks
break at paragraphs, then sentences, then lines, then words; consecutive chunks of one section share
their trailing sentences. ``count_tokens`` is called once per sentence (with the whitespace before
it) and the counts are summed, so chunking stays linear in the text's length; a real tokenizer's count
should leave out special tokens, which summing would repeat.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from edge.store.documents import Document, Section

WORDPIECES_PER_WORD = 1.25
"""all-MiniLM-L6-v2's tokenizer gives 1.14-1.26 wordpieces per regex word on English docs, code and SciFact abstracts."""
SMALL_SECTION = 0.25
"""A section under this share of max_tokens may share a chunk with its small neighbours."""
HEADING_SEPARATOR = " > "

_WORD = re.compile(r"\w+|[^\w\s]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_BREAK = re.compile(r"""(?:(?<=[.!?…])|(?<=[.!?…]["')\]”’]))\s+(?=[^\sa-z])""")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_SPACE = re.compile(r"\s+")
_SEPARATORS = (_SENTENCE_BREAK, _LINE_BREAK, _SPACE)


def approximate_tokens(text: str) -> int:
    """Wordpiece tokens estimated from words and punctuation marks, without special tokens."""
    return math.ceil(len(_WORD.findall(text)) * WORDPIECES_PER_WORD)


@dataclass(frozen=True)
class Chunk:
    text: str
    """What to embed and index: the heading path (after the document title, if not in the path), a blank line, the body."""
    start: int
    """Offset of the body in ``Document.text``: ``doc.text[start:end]`` is the body."""
    end: int
    heading: tuple[str, ...]
    page: int | None = None
    """The 1-based page the body starts on, for PDFs."""


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    tokens: int


def chunk_document(
    doc: Document,
    max_tokens: int = 200,
    overlap_tokens: int = 40,
    count_tokens: Callable[[str], int] | None = None,
) -> list[Chunk]:
    """Chunks in text order, each at most max_tokens including the heading prefix (unless one character counts more)."""
    if max_tokens < 1 or not 0 <= overlap_tokens < max_tokens:
        raise ValueError(f"need max_tokens >= 1 and 0 <= overlap_tokens < max_tokens, got {max_tokens} and {overlap_tokens}")
    count = count_tokens or approximate_tokens
    chunks: list[Chunk] = []
    for group in _groups(doc, max_tokens, count):
        heading = group[0].heading
        prefix = _prefix(doc.title, heading, max_tokens, count)
        budget = max_tokens - (count(prefix + "\n\n") if prefix else 0)
        if len(group) > 1:
            spans = [_trim(doc.text, group[0].start, group[-1].end)]
        else:
            spans = list(_split(doc.text, group[0].start, group[0].end, budget, overlap_tokens, count))
        for start, end in spans:
            body = doc.text[start:end]
            page = bisect_right(doc.pages, start) if doc.pages else None
            chunks.append(Chunk(f"{prefix}\n\n{body}" if prefix else body, start, end, heading, page))
    return chunks


def _prefix(title: str | None, heading: tuple[str, ...], max_tokens: int, count: Callable[[str], int]) -> str:
    parts = heading if not title or title in heading else (title, *heading)
    for candidate in (parts, heading, heading[-1:], ()):
        prefix = HEADING_SEPARATOR.join(candidate)
        if not prefix or count(prefix) <= max_tokens // 2:
            return prefix
    return ""


def _groups(doc: Document, max_tokens: int, count: Callable[[str], int]) -> Iterator[list[Section]]:
    """Sections to chunk alone, or runs of small sections that fit one chunk under the first one's parent heading.

    A top-level section's parent is itself, so chapters are never merged, and text before the first heading stays alone.
    """
    small = max_tokens * SMALL_SECTION
    group: list[Section] = []
    group_tokens = 0
    for section in doc.sections:
        tokens = count(doc.text[section.start : section.end])
        if group and tokens < small:
            parent = group[0].heading[:-1] or group[0].heading
            joined = group_tokens + count(doc.text[group[-1].end : section.start]) + tokens
            prefix = _prefix(doc.title, group[0].heading, max_tokens, count)
            budget = max_tokens - (count(prefix + "\n\n") if prefix else 0)
            if parent and section.heading[: len(parent)] == parent and joined <= budget:
                group.append(section)
                group_tokens = joined
                continue
        if group:
            yield group
        group, group_tokens = [section], tokens
        if tokens >= small:
            yield group
            group = []
    if group:
        yield group


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _parts(text: str, start: int, end: int, separator: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Non-blank spans of text[start:end] between matches of separator, whitespace trimmed."""
    for match in separator.finditer(text, start, end):
        span = _trim(text, start, match.start())
        if span[0] < span[1]:
            yield span
        start = match.end()
    span = _trim(text, start, end)
    if span[0] < span[1]:
        yield span


def _pieces(
    text: str, start: int, end: int, lead: int, budget: int, count: Callable[[str], int], level: int = 0
) -> Iterator[_Piece]:
    """Sentences of a paragraph, each split further (lines, words, characters) until it fits the budget.

    A piece's count includes the whitespace before it, from ``lead`` on, so a run of pieces never counts less than their text.
    """
    for s, e in _parts(text, start, end, _SEPARATORS[level]):
        tokens = count(text[lead:e])
        if tokens <= budget:
            yield _Piece(s, e, tokens)
        elif level + 1 < len(_SEPARATORS):
            yield from _pieces(text, s, e, lead, budget, count, level + 1)
        else:
            yield from _characters(text, s, e, lead, budget, count)
        lead = e


def _characters(text: str, start: int, end: int, lead: int, budget: int, count: Callable[[str], int]) -> Iterator[_Piece]:
    """A single word over budget (a URL, a hash, base64): the longest prefixes that fit."""
    while start < end:
        low, high = start + 1, end
        while low < high:
            mid = (low + high + 1) // 2
            if count(text[lead:mid]) <= budget:
                low = mid
            else:
                high = mid - 1
        yield _Piece(start, low, count(text[lead:low]))
        start = lead = low


def _split(text: str, start: int, end: int, budget: int, overlap: int, count: Callable[[str], int]) -> Iterator[tuple[int, int]]:
    """Spans of one section: whole paragraphs while they fit, else sentences, each span starting with the last one's tail."""
    current: list[_Piece] = []
    tokens = 0

    def restart(need: int) -> None:
        nonlocal current, tokens
        tail: list[_Piece] = []
        kept = 0
        for piece in reversed(current[1:]):
            if kept + piece.tokens > overlap:
                break
            tail.insert(0, piece)
            kept += piece.tokens
        if not tail and len(current) > 1 and current[-1].tokens <= 2 * overlap:
            tail, kept = [current[-1]], current[-1].tokens
        while tail and kept + need > budget:
            kept -= tail.pop(0).tokens
        current, tokens = tail, kept

    lead = start
    for p_start, p_end in _parts(text, start, end, _PARAGRAPH_BREAK):
        paragraph = list(_pieces(text, p_start, p_end, lead, budget, count))
        lead = p_end
        size = sum(p.tokens for p in paragraph)
        if current and tokens + size > budget and (size <= budget or tokens >= budget // 2):
            yield current[0].start, current[-1].end
            restart(size if size <= budget else paragraph[0].tokens)
        if tokens + size <= budget:
            current.extend(paragraph)
            tokens += size
            continue
        for piece in paragraph:
            if current and tokens + piece.tokens > budget:
                yield current[0].start, current[-1].end
                restart(piece.tokens)
            current.append(piece)
            tokens += piece.tokens
    if current:
        yield current[0].start, current[-1].end
