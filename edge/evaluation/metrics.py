"""Quality metrics shared by the benchmarks and the quality tests."""

from __future__ import annotations

from collections.abc import Sequence


def normalize_words(text: str) -> list[str]:
    """Lower-case words with punctuation removed, as speech metrics compare them."""
    return "".join(c.lower() if c.isalnum() or c.isspace() or c == "'" else " " for c in text).split()


def edit_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    row = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, 1):
        previous, row[0] = row[0], i
        for j, hyp_word in enumerate(hypothesis, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ref_word != hyp_word))
    return row[-1]


def word_error_rate(pairs: Sequence[tuple[str, str]]) -> float:
    """Corpus WER over (reference, hypothesis) texts: total word edits / total reference words."""
    edits = sum(edit_distance(normalize_words(ref), normalize_words(hyp)) for ref, hyp in pairs)
    total = sum(len(normalize_words(ref)) for ref, _ in pairs)
    return edits / total if total else 0.0
