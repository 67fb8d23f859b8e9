import time
from itertools import pairwise

import pytest

from edge.store.chunking import Chunk, approximate_tokens, chunk_document
from edge.store.documents import Document, Section, read_document
from tests.store.samples import text_pdf
from tests.store.test_documents import GUIDE_MD, PAGE_HTML

SENTENCES = [f"Sentence number {i} says something about topic {i % 7}." for i in range(400)]
"""Each about 12 tokens by the default count."""


def paragraphs(count: int, sentences: int, offset: int = 0) -> str:
    """count paragraphs of whole sentences, separated by blank lines."""
    return "\n\n".join(" ".join(SENTENCES[offset + p * sentences + s] for s in range(sentences)) for p in range(count))


def fixtures(tmp_path) -> list[Document]:
    long_guide = f"# Manual\n\n{paragraphs(6, 8)}\n\n## Details\n\n{paragraphs(3, 20, offset=100)}\n\n## Tiny\n\nOne line.\n"
    files = {
        "guide.md": GUIDE_MD,
        "manual.md": long_guide,
        "tea.html": PAGE_HTML,
        "story.txt": "A story\n\n" + paragraphs(10, 6) + "\n\n" + " ".join(SENTENCES[:60]),
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    (tmp_path / "report.pdf").write_bytes(text_pdf(*(SENTENCES[i * 30] + "\n" + SENTENCES[i * 30 + 1] for i in range(12))))
    return [read_document(tmp_path / name) for name in [*files, "report.pdf"]]


def prefix_of(doc: Document, chunk: Chunk) -> str:
    parts = chunk.heading if not doc.title or doc.title in chunk.heading else (doc.title, *chunk.heading)
    return " > ".join(parts)


def test_every_chunk_is_its_prefix_and_the_exact_text_at_its_offsets(tmp_path):
    for doc in fixtures(tmp_path):
        chunks = chunk_document(doc)
        assert chunks, doc.source
        for chunk in chunks:
            body = doc.text[chunk.start : chunk.end]
            assert body and body == body.strip()
            prefix = prefix_of(doc, chunk)
            assert chunk.text == (f"{prefix}\n\n{body}" if prefix else body)
        assert [c.start for c in chunks] == sorted(c.start for c in chunks)


@pytest.mark.parametrize("max_tokens", [40, 80, 200, 512])
def test_chunks_stay_within_max_tokens_including_the_heading(tmp_path, max_tokens):
    for doc in fixtures(tmp_path):
        for chunk in chunk_document(doc, max_tokens=max_tokens, overlap_tokens=max_tokens // 5):
            assert approximate_tokens(chunk.text) <= max_tokens


def test_a_custom_token_count_is_respected(tmp_path):
    characters = len
    for doc in fixtures(tmp_path):
        for chunk in chunk_document(doc, max_tokens=300, overlap_tokens=60, count_tokens=characters):
            assert len(chunk.text) <= 300


def test_chunks_carry_the_heading_path_and_the_title_when_the_path_lacks_it(tmp_path):
    path = tmp_path / "guide.md"
    path.write_text(GUIDE_MD)
    chunks = chunk_document(read_document(path))
    assert [c.heading for c in chunks] == [(), ("Install",), ("Uninstall",)]
    assert chunks[0].text == "Edge guide\n\nEdge runs models on your device."
    assert chunks[1].text.startswith("Edge guide > Install\n\nPick the line for your machine.\n\n## On a Raspberry Pi")
    assert chunks[2].text == "Edge guide > Uninstall\n\nRemove the folder."


def test_small_sections_under_one_parent_share_a_chunk_but_big_ones_stand_alone(tmp_path):
    text = f"# Manual\n\n{paragraphs(6, 8)}\n\n## Setup\n\nShort setup.\n\n## Usage\n\nShort usage.\n\n# Other\n\nAlone.\n"
    path = tmp_path / "manual.md"
    path.write_text(text)
    chunks = chunk_document(read_document(path))
    assert [c.heading for c in chunks][-2:] == [("Manual", "Setup"), ("Other",)]
    assert chunks[-2].text == "Manual > Setup\n\nShort setup.\n\n## Usage\n\nShort usage."
    assert all("Short setup" not in c.text for c in chunks[:-2])


def test_a_long_section_splits_between_paragraphs_when_they_fit(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(paragraphs(6, 5))
    doc = read_document(path)
    chunks = chunk_document(doc, max_tokens=140, overlap_tokens=0)
    assert len(chunks) == 3
    for chunk in chunks:
        assert chunk.text.count("\n\n") == 1
        assert chunk.text.endswith(".") and chunk.text.split("\n\n")[0].startswith("Sentence number")


def test_consecutive_chunks_of_a_section_share_their_trailing_sentences(tmp_path):
    path = tmp_path / "wall.txt"
    path.write_text(" ".join(SENTENCES[:100]))
    doc = read_document(path)
    chunks = chunk_document(doc, max_tokens=100, overlap_tokens=30)
    assert len(chunks) > 10
    for before, after in pairwise(chunks):
        shared = doc.text[after.start : before.end]
        assert after.start < before.end and 12 <= approximate_tokens(shared) <= 30
        assert shared.startswith("Sentence number") and shared.endswith(".")


def test_no_overlap_is_asked_for_none(tmp_path):
    path = tmp_path / "wall.txt"
    path.write_text(" ".join(SENTENCES[:100]))
    chunks = chunk_document(read_document(path), max_tokens=100, overlap_tokens=0)
    assert all(before.end < after.start for before, after in pairwise(chunks))


def test_a_run_on_sentence_splits_between_words_and_a_huge_word_between_characters(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(" ".join(f"word{i}" for i in range(500)) + "\n\n" + "x" * 5000)
    doc = read_document(path)
    chunks = chunk_document(doc, max_tokens=50, overlap_tokens=10, count_tokens=lambda t: len(t) // 4 + 1)
    assert all(len(c.text) // 4 + 1 <= 50 for c in chunks)
    assert all(doc.text[c.start - 1 : c.start].isspace() or doc.text[c.start - 1 : c.start] in ("", "x") for c in chunks)
    assert "".join(c.text for c in chunks if c.text.startswith("x")) == "x" * 5000


def test_pdf_chunks_know_their_page(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(text_pdf(*(f"{SENTENCES[2 * i]}\n{SENTENCES[2 * i + 1]}" for i in range(10))))
    doc = read_document(path)
    chunks = chunk_document(doc, max_tokens=30, overlap_tokens=0)
    assert [c.page for c in chunks] == list(range(1, 11))


def test_chunking_is_deterministic(tmp_path):
    docs = fixtures(tmp_path)
    assert [chunk_document(d) for d in docs] == [chunk_document(d) for d in docs]


def test_a_document_without_sections_has_no_chunks():
    assert chunk_document(Document("/x.txt", "txt", None, "", ())) == []


def test_invalid_sizes_are_refused():
    doc = Document("/x.txt", "txt", None, "Hello.", (Section((), 0, 6),))
    with pytest.raises(ValueError, match="overlap_tokens"):
        chunk_document(doc, max_tokens=50, overlap_tokens=50)
    with pytest.raises(ValueError, match="max_tokens"):
        chunk_document(doc, max_tokens=0)


def test_five_megabytes_chunk_in_well_under_a_few_seconds():
    text = "\n\n".join(" ".join(SENTENCES[(p + s) % 400] for s in range(7)) for p in range(15_000))
    assert len(text) > 5_000_000
    doc = Document("/big.txt", "txt", None, text, (Section((), 0, len(text)),))
    began = time.perf_counter()
    chunks = chunk_document(doc)
    assert time.perf_counter() - began < 3
    assert len(chunks) > 10_000 and chunks[-1].end == len(text)
