"""Chunking, for any Markdown or plain text: every chunk's offsets slice its body back out of the document, the
body ends the chunk's text, chunks come in text order, and every word of every section lands in a chunk."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edge.store.chunking import chunk_document
from edge.store.documents import DocumentError, read_document

WORD = st.one_of(
    st.sampled_from("the valve opens at 06:40 every morning and runs for 12 minutes Marigold berth 17".split()),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=8),
)
SENTENCE = st.lists(WORD, min_size=1, max_size=30).map(lambda words: " ".join(words) + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=8).map(" ".join)
HEADING = st.tuples(st.integers(1, 4), st.lists(WORD, min_size=1, max_size=4).map(" ".join)).map(
    lambda h: "#" * h[0] + " " + h[1]
)
MARKDOWN = st.lists(st.one_of(PARAGRAPH, HEADING, st.just("")), min_size=1, max_size=20).map("\n\n".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKDOWN, kind=st.sampled_from(["md", "txt"]), max_tokens=st.integers(8, 120))
def test_chunk_offsets_slice_the_body_back_out_of_the_document(tmp_path, text, kind, max_tokens):
    path = tmp_path / f"doc.{kind}"
    path.write_text(text, encoding="utf-8")
    if not text.strip():
        with pytest.raises(DocumentError, match="has no text"):
            read_document(path)
        return
    doc = read_document(path)
    chunks = chunk_document(doc, max_tokens=max_tokens, overlap_tokens=max_tokens // 4)
    for chunk in chunks:
        assert 0 <= chunk.start < chunk.end <= len(doc.text)
        assert chunk.text.endswith(doc.text[chunk.start : chunk.end])
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)
    covered = "".join(doc.text[c.start : c.end] for c in chunks)
    for section in doc.sections:
        for word in re.findall(r"\S+", doc.text[section.start : section.end]):
            assert word in covered
