"""Words as the full-text index stores them, from FTS5's own tokenizer: counting a word in a text with these
stems agrees with the index exactly, where a separate stemmer would differ on some words."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from edge.store.connection import sqlite_driver

TOKENIZER = "porter unicode61 remove_diacritics 2"
"""The tokenizer of ``chunks_fts``."""
CACHE_WORDS = 50_000


class Stemmer:
    def __init__(self, tokenizer: str = TOKENIZER) -> None:
        self._conn = sqlite_driver().connect(":memory:", check_same_thread=False)
        self._conn.execute(f"CREATE VIRTUAL TABLE words USING fts5 (word, tokenize = '{tokenizer}')")
        self._conn.execute("CREATE VIRTUAL TABLE tokens USING fts5vocab (words, 'instance')")
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def stems(self, words: Sequence[str]) -> list[tuple[str, ...]]:
        """The tokens each word is indexed as: one stem for a plain word, none for punctuation, several for
        ``foo_bar``."""
        with self._lock:
            missing = [w for w in dict.fromkeys(words) if w not in self._cache]
            if missing:
                if len(self._cache) + len(missing) > CACHE_WORDS:
                    self._cache.clear()
                self._conn.executemany("INSERT INTO words (rowid, word) VALUES (?, ?)", enumerate(missing))
                found: dict[int, list[str]] = {}
                for row, term in self._conn.execute("SELECT doc, term FROM tokens ORDER BY doc, offset"):
                    found.setdefault(row, []).append(term)
                self._conn.execute("DELETE FROM words")
                self._cache.update((word, tuple(found.get(i, ()))) for i, word in enumerate(missing))
            return [self._cache[w] for w in words]
