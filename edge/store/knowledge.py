"""The knowledge base: the user's documents, chunked and indexed twice — vectors in sqlite-vec for meaning,
FTS5 with BM25 for words — and searched by either or both.

Each file is written in its own transaction: an ingest killed half-way leaves whole documents or none,
and running it again finishes the rest. A file whose size and modification time did not change is
not read again; one whose bytes did not change is not chunked again; a chunk whose text was seen
before reuses its vector.
"""

from __future__ import annotations

import contextlib
import copy
import fnmatch
import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from edge.config import KnowledgeSettings
from edge.engines import Embedder
from edge.errors import InputError
from edge.store import snapshots
from edge.store.chunking import Chunk, chunk_document
from edge.store.database import Database, StoreError, inserted_id
from edge.store.documents import Document, DocumentError, iter_paths, read_document
from edge.store.fusion import convex
from edge.store.keywords import KeywordSearch
from edge.store.matching import DocumentMatch, search_words, word_match
from edge.store.vectors import VectorIndex, VectorSpace, as_blob, drop_space, mismatch, open_space

SearchMode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[SearchMode, ...] = ("dense", "bm25", "hybrid")
TABLE = "chunk_vectors"
EMBED_BATCH = 512
"""Chunks gathered across files before one embedder call, so length-sorted batches pad little. While one
group is embedded, the next files are read and chunked and the group before is written."""


@dataclass(frozen=True)
class Hit:
    doc_id: int
    chunk_id: int
    score: float
    text: str
    source: str
    start: int
    end: int
    """Character offsets of the chunk in the document's extracted text."""
    title: str | None = None
    heading: str = ""
    page: int | None = None
    similarity: float | None = None
    """Cosine similarity to the query (dense and hybrid), comparable across queries, unlike ``score``."""


@dataclass(frozen=True)
class SearchFilter:
    """Restricts a search to some documents. Empty fields do not restrict."""

    sources: tuple[str, ...] = ()
    """Glob patterns matched against the document's path, e.g. ``*/manuals/*`` or ``*.pdf``."""
    kinds: tuple[str, ...] = ()
    """txt, md, html, pdf."""
    doc_ids: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources or self.kinds or self.doc_ids)

    def sql(self, alias: str = "d") -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.sources:
            clauses.append("(" + " OR ".join(f"{alias}.source GLOB ?" for _ in self.sources) + ")")
            params += list(self.sources)
        if self.kinds:
            clauses.append(f"{alias}.kind IN ({','.join('?' * len(self.kinds))})")
            params += list(self.kinds)
        if self.doc_ids:
            clauses.append(f"{alias}.id IN ({','.join('?' * len(self.doc_ids))})")
            params += list(self.doc_ids)
        return " AND ".join(clauses) or "1", params


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    source: str
    kind: str
    title: str | None
    chunks: int
    size: int
    sha256: str
    updated_at: float
    missing: bool
    """The file is gone from disk; ``edge kb remove --missing`` drops it."""


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)
    """Files whose bytes equal an indexed document's, mapped to that document: indexed once."""
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    """Files that could not be read, with the reason and the fix. The others are still ingested."""
    chunks: int = 0
    embedded: int = 0
    """Chunks embedded in this run; the rest reused the vector of a chunk with the same text."""
    tokens: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0


@dataclass(frozen=True)
class IngestProgress:
    files_done: int
    files_total: int
    chunks: int
    path: str


@dataclass(frozen=True)
class KnowledgeStats:
    documents: int
    chunks: int
    tokens: int
    by_kind: dict[str, int]
    embedder: str | None
    dim: int | None
    version: int
    """Bumped by every change; answers cached from the knowledge base are stale once it moves."""
    db_bytes: int
    index_bytes: int


@dataclass
class _Pending:
    path: Path
    document: Document
    sha256: str
    size: int
    mtime: float
    chunks: list[Chunk]
    tokens: list[int]
    hashes: list[str]
    vectors: list[np.ndarray | None]
    replaces: int | None


class KnowledgeBase:
    """Documents in the store, searchable by meaning (``dense``), by words (``bm25``) or both (``hybrid``)."""

    def __init__(self, db: Database, embedder: Embedder, settings: KnowledgeSettings) -> None:
        self.db = db
        self.embedder = embedder
        self.settings = settings
        self._space: VectorSpace | None = None
        self._index: VectorIndex | None = None
        self._index_version = -1
        self._lock = threading.Lock()
        self._keywords = KeywordSearch(db)

    @property
    def version(self) -> int:
        return self.db.query("SELECT version FROM kb_state")[0]["version"]

    @property
    def document_count(self) -> int:
        return self.db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"]

    def load(self) -> None:
        """Open the vector space and build the search index now rather than on the first search."""
        if self.document_count:
            self._current_index()

    def _vector_space(self) -> VectorSpace:
        if self._space is None:
            self.embedder.load()
            model = self.embedder.model_info.id if self.embedder.model_info else "embedder"
            space = open_space(self.db, TABLE, model, self.embedder.dim)
            if space is None:
                stored = self.db.query("SELECT model FROM vector_spaces WHERE name = ?", (TABLE,))[0]["model"]
                raise mismatch("knowledge base vectors", stored, model)
            self._space = space
        return self._space

    def _current_index(self) -> VectorIndex:
        with self._lock:
            if self._index is None or self.version != self._index_version:
                self._index, self._index_version, lag = self._read_index()
                self._keep_saved(lag)
            return self._index

    def _read_index(self) -> tuple[VectorIndex, int, int | None]:
        """The index, the version it holds and the changes logged since it was saved (None: never saved)."""
        space = self._vector_space()
        saved = snapshots.load(self.db, space, self.settings.oversample)
        if saved is not None:
            return saved.index, saved.version, saved.lag
        with self.db.reading() as conn:
            version = conn.execute("SELECT version FROM kb_state").fetchone()[0]
            return VectorIndex.load(self.db, space, self.settings.oversample), version, None

    def _save_index(self) -> None:
        with self._lock:
            if self._index is not None:
                self._keep_saved(snapshots.changes_since(self.db, self._vector_space()))

    def _keep_saved(self, lag: int | None) -> None:
        """Save the index when it is large and the store has moved on since the last save; called with
        ``self._lock`` held."""
        index = self._index
        if index is None or not snapshots.due(len(index), lag):
            return
        index = copy.copy(index)
        index.partition()
        if snapshots.save(self.db, self._vector_space(), index, self._index_version):
            self._index = index

    def add(
        self,
        paths: Iterable[str | Path],
        *,
        prune: bool = False,
        progress: Callable[[IngestProgress], None] | None = None,
    ) -> IngestReport:
        """Index files and folders (recursively). ``prune`` also drops documents under the given folders
        whose files are gone."""
        start = time.perf_counter()
        report = IngestReport()
        roots = [Path(p).expanduser().resolve() for p in paths]
        files = list(iter_paths(roots))
        space = self._vector_space()
        batch: list[_Pending] = []
        waiting = 0
        with ThreadPoolExecutor(1, thread_name_prefix="edge-embed") as embedding:
            running: tuple[Future[None], list[_Pending]] | None = None

            def write(ready: tuple[Future[None], list[_Pending]] | None) -> None:
                if ready is not None:
                    ready[0].result()
                    for item in ready[1]:
                        self._write(item, space, report)

            for done, path in enumerate(files, 1):
                try:
                    item = self._prepare(path, report)
                except (DocumentError, OSError) as exc:
                    report.failed[str(path)] = str(exc)
                    item = None
                if item is not None:
                    batch.append(item)
                    waiting += sum(v is None for v in item.vectors)
                if waiting >= EMBED_BATCH or done == len(files):
                    submitted = (embedding.submit(self._embed, batch, report), batch)
                    write(running)
                    running, batch, waiting = submitted, [], 0
                if progress is not None:
                    progress(IngestProgress(done, len(files), report.chunks, str(path)))
            write(running)
        self._save_index()
        if prune:
            folders = [root for root in roots if root.is_dir()]
            gone = [d.source for d in self.documents() if d.missing and any(Path(d.source).is_relative_to(f) for f in folders)]
            report.removed = self.remove(gone)
        report.seconds = round(time.perf_counter() - start, 3)
        return report

    def _prepare(self, path: Path, report: IngestReport) -> _Pending | None:
        source = str(path)
        stat = path.stat()
        rows = self.db.query("SELECT id, sha256, size, mtime FROM documents WHERE source = ?", (source,))
        known = rows[0] if rows else None
        if known and known["size"] == stat.st_size and known["mtime"] == stat.st_mtime:
            report.unchanged.append(source)
            return None
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if known and known["sha256"] == sha:
            self.db.execute("UPDATE documents SET mtime = ? WHERE id = ?", (stat.st_mtime, known["id"]))
            report.unchanged.append(source)
            return None
        twin = self.db.query("SELECT source FROM documents WHERE sha256 = ? AND source != ?", (sha, source))
        if twin and Path(twin[0]["source"]).is_file():
            report.duplicates[source] = twin[0]["source"]
            return None
        document = read_document(path)
        chunks, tokens = self._chunks(document)
        hashes = [hashlib.sha256(c.text.encode()).hexdigest() for c in chunks]
        return _Pending(
            path,
            document,
            sha,
            stat.st_size,
            stat.st_mtime,
            chunks,
            tokens,
            hashes,
            self._known_vectors(hashes),
            known["id"] if known else None,
        )

    def _chunks(self, document: Document) -> tuple[list[Chunk], list[int]]:
        """Chunked by an estimate of the word pieces, and again by the tokenizer's exact count only when a chunk
        came out too long: counting every sentence exactly costs CPU the embedder, running alongside, needs."""
        size, overlap = self.settings.chunk_tokens, self.settings.overlap_tokens
        chunks = chunk_document(document, size, overlap)
        tokens = self.embedder.count_tokens_batch([c.text for c in chunks])
        if tokens and max(tokens) > size:
            chunks = chunk_document(document, size, overlap, count_tokens=self.embedder.count_tokens)
            tokens = self.embedder.count_tokens_batch([c.text for c in chunks])
        return chunks, tokens

    def _known_vectors(self, hashes: list[str]) -> list[np.ndarray | None]:
        """Vectors of chunks already stored with the same text, in one query."""
        if not hashes:
            return []
        table = self._vector_space().table
        rows = self.db.query(
            f"SELECT c.sha256, v.embedding FROM chunks c JOIN {table} v ON v.id = c.id"
            f" WHERE c.sha256 IN ({','.join('?' * len(set(hashes)))})",
            tuple(set(hashes)),
        )
        known = {r["sha256"]: np.frombuffer(r["embedding"], dtype=np.float32) for r in rows}
        return [known.get(sha) for sha in hashes]

    def _embed(self, pending: list[_Pending], report: IngestReport) -> None:
        missing = [(item, i) for item in pending for i, v in enumerate(item.vectors) if v is None]
        if not missing:
            return
        start = time.perf_counter()
        vectors = self.embedder.embed([item.chunks[i].text for item, i in missing])
        report.embed_seconds += time.perf_counter() - start
        for (item, i), vector in zip(missing, vectors, strict=True):
            item.vectors[i] = vector
        report.embedded += len(missing)

    def _write(self, item: _Pending, space: VectorSpace, report: IngestReport) -> None:
        now = time.time()
        doc = item.document
        vectors = [v for v in item.vectors if v is not None]
        with self._lock:
            with self.db.transaction() as conn:
                version_before = conn.execute("SELECT version FROM kb_state").fetchone()[0]
                removed = self._delete_documents(conn, space.table, [item.replaces]) if item.replaces is not None else []
                doc_id = conn.execute(
                    "INSERT INTO documents (source, kind, title, sha256, size, mtime, chunks, added_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (str(item.path), doc.kind, doc.title, item.sha256, item.size, item.mtime, len(item.chunks), now, now),
                ).lastrowid
                ids = []
                for ordinal, (chunk, tokens, sha, vector) in enumerate(
                    zip(item.chunks, item.tokens, item.hashes, vectors, strict=True)
                ):
                    cursor = conn.execute(
                        "INSERT INTO chunks (doc_id, ordinal, text, start, end, heading, page, tokens, sha256)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (doc_id, ordinal, chunk.text, chunk.start, chunk.end, " > ".join(chunk.heading), chunk.page, tokens, sha),
                    )
                    chunk_id = inserted_id(cursor)
                    conn.execute(f"INSERT INTO {space.table} (id, embedding) VALUES (?, ?)", (chunk_id, as_blob(vector)))
                    ids.append(chunk_id)
                conn.execute("UPDATE kb_state SET version = version + 1")
                _audit(conn, "kb.update" if removed else "kb.add", str(item.path))
            self._advance_index(version_before, removed, ids, vectors)
        (report.updated if item.replaces is not None else report.added).append(str(item.path))
        report.chunks += len(ids)
        report.tokens += sum(item.tokens)

    def _advance_index(
        self, version_before: int, removed: list[int], ids: Sequence[int] = (), vectors: Sequence[np.ndarray] = ()
    ) -> None:
        """Bring the in-memory index to the version just committed; called with ``self._lock`` held. The change
        is made to a copy that then replaces the index whole: a search in another thread holds the old index and
        must never see one half-changed (VectorIndex replaces its arrays rather than writing into them)."""
        if self._index is None or self._index_version != version_before:
            return
        index = copy.copy(self._index)
        index.remove(removed)
        if ids:
            index.add(np.array(ids, dtype=np.int64), np.stack(vectors))
        self._index, self._index_version = index, version_before + 1

    def _delete_documents(self, conn: sqlite3.Connection, vector_table: str, doc_ids: list[int]) -> list[int]:
        marks = ",".join("?" * len(doc_ids))
        chunk_ids = [r[0] for r in conn.execute(f"SELECT id FROM chunks WHERE doc_id IN ({marks})", doc_ids)]
        for chunk_id in chunk_ids:
            conn.execute(f"DELETE FROM {vector_table} WHERE id = ?", (chunk_id,))
        conn.execute(f"DELETE FROM chunks WHERE doc_id IN ({marks})", doc_ids)
        conn.execute(f"DELETE FROM documents WHERE id IN ({marks})", doc_ids)
        return chunk_ids

    def remove(self, targets: Iterable[str | int | Path], *, missing: bool = False) -> list[str]:
        """Drop documents by id, path, or folder (everything under it); ``missing`` drops those whose file is gone.
        The files on disk are never touched. Returns the removed sources."""
        documents = self.documents()
        chosen: dict[int, str] = {}
        for target in targets:
            matched = _match(documents, target)
            if not matched:
                raise InputError(f"{target} is not in the knowledge base", "see `edge kb list` for what is")
            chosen.update((d.id, d.source) for d in matched)
        if missing:
            chosen.update((d.id, d.source) for d in documents if d.missing)
        if not chosen:
            return []
        vector_table = self._vector_space().table
        with self._lock:
            with self.db.transaction() as conn:
                version_before = conn.execute("SELECT version FROM kb_state").fetchone()[0]
                removed = self._delete_documents(conn, vector_table, list(chosen))
                conn.execute("UPDATE kb_state SET version = version + 1")
                for source in chosen.values():
                    _audit(conn, "kb.remove", source)
            self._advance_index(version_before, removed)
        self._save_index()
        return sorted(chosen.values())

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Embed every chunk again with the configured embedder (after changing it). Returns the chunk count."""
        self.embedder.load()
        model = self.embedder.model_info.id if self.embedder.model_info else "embedder"
        rows = self.db.query("SELECT id, text FROM chunks ORDER BY id")
        batches = []
        for start in range(0, len(rows), EMBED_BATCH):
            batches.append(self.embedder.embed([r["text"] for r in rows[start : start + EMBED_BATCH]]))
            if progress is not None:
                progress(min(start + EMBED_BATCH, len(rows)), len(rows))
        with self._lock, self.db.transaction() as conn:
            drop_space(conn, TABLE)
            snapshots.forget(conn, TABLE)
            conn.execute(
                f"CREATE VIRTUAL TABLE {TABLE} USING vec0 (id INTEGER PRIMARY KEY, embedding float[{self.embedder.dim}])"
            )
            conn.execute("INSERT INTO vector_spaces (name, model, dim) VALUES (?, ?, ?)", (TABLE, model, self.embedder.dim))
            vectors = np.concatenate(batches) if batches else np.empty((0, self.embedder.dim), dtype=np.float32)
            for row, vector in zip(rows, vectors, strict=True):
                conn.execute(f"INSERT INTO {TABLE} (id, embedding) VALUES (?, ?)", (row["id"], as_blob(vector)))
            conn.execute("UPDATE kb_state SET version = version + 1")
            _audit(conn, "kb.reindex", model)
        self._space, self._index = None, None
        return len(rows)

    def documents(self) -> list[DocumentInfo]:
        rows = self.db.query("SELECT id, source, kind, title, chunks, size, sha256, updated_at FROM documents ORDER BY source")
        return [DocumentInfo(**r, missing=not Path(r["source"]).is_file()) for r in rows]

    def stats(self) -> KnowledgeStats:
        totals = self.db.query("SELECT COUNT(*) AS chunks, COALESCE(SUM(tokens), 0) AS tokens FROM chunks")[0]
        kinds = self.db.query("SELECT kind, COUNT(*) AS n FROM documents GROUP BY kind ORDER BY kind")
        space = self.db.query("SELECT model, dim FROM vector_spaces WHERE name = ?", (TABLE,))
        page = self.db.query("SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()")[0]
        return KnowledgeStats(
            documents=sum(k["n"] for k in kinds),
            chunks=totals["chunks"],
            tokens=totals["tokens"],
            by_kind={k["kind"]: k["n"] for k in kinds},
            embedder=space[0]["model"] if space else None,
            dim=space[0]["dim"] if space else None,
            version=self.version,
            db_bytes=page["bytes"],
            index_bytes=self._index.nbytes if self._index is not None else 0,
        )

    def search(
        self,
        query: str,
        k: int = 10,
        mode: SearchMode = "hybrid",
        filters: SearchFilter | None = None,
    ) -> list[Hit]:
        """The ``k`` best chunks, best first; chunks with the same text count once."""
        if mode not in MODES:
            raise InputError(f"search mode {mode!r} is not one of {', '.join(MODES)}", "use dense, bm25 or hybrid")
        if not query.strip():
            raise InputError("the search query is empty", "give a few words to search for")
        if k < 1:
            raise InputError(f"k must be at least 1, got {k}", "ask for 1 or more results")
        filters = filters or SearchFilter()
        pool = k if mode == "dense" else max(k, self.settings.candidates)
        dense = self._dense(query, pool, filters) if mode != "bm25" else {}
        words = self._bm25(query, pool, filters) if mode != "dense" else {}
        if mode == "dense":
            scores = dense
        elif mode == "bm25":
            scores = words
        else:
            weight = self.settings.hybrid_dense_weight
            scores = convex([dense, words], [weight, 1.0 - weight])
        ranked = sorted(scores, key=lambda i: -scores[i])
        return self._hits(ranked, scores, dense, k)

    def match(self, text: str, vector: np.ndarray | None = None) -> DocumentMatch | None:
        """How closely ``text`` (whose vector may be given) matches the documents; None when there are none."""
        if not self.document_count:
            return None
        index = self._current_index()
        _, scores = index.search(self.embedder.embed([text])[0] if vector is None else vector, 1)
        words, coverage = word_match(self._keywords, search_words(text))
        similarity = float(scores[0]) if len(scores) else 0.0
        return DocumentMatch(round(similarity, 4), round(words, 3), round(coverage, 3))

    def _dense(self, query: str, pool: int, filters: SearchFilter) -> dict[int, float]:
        index = self._current_index()
        allowed = None
        if filters:
            where, params = filters.sql()
            matching = [
                r["id"]
                for r in self.db.query(f"SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE {where}", params)
            ]
            allowed = np.isin(index.ids, np.array(matching, dtype=np.int64))
        vector = self.embed_query(query)
        ids, scores = index.search(vector, pool, allowed)
        return dict(zip(ids.tolist(), scores.tolist(), strict=True))

    def embed_query(self, text: str) -> np.ndarray:
        """The query's vector, from the embedding cache when the same text was embedded before. A store that cannot
        be written (full, busy) costs the cached vector, not the search."""
        model = self._vector_space().model
        sha = hashlib.sha256(text.encode()).hexdigest()
        rows = self.db.query("SELECT vector FROM embedding_cache WHERE model = ? AND sha256 = ?", (model, sha))
        if rows:
            return np.frombuffer(rows[0]["vector"], dtype=np.float32)
        vector = self.embedder.embed([text])[0]
        with contextlib.suppress(StoreError), self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO embedding_cache (model, sha256, vector, added_at) VALUES (?, ?, ?, ?)",
                (model, sha, as_blob(vector), time.time()),
            )
            conn.execute(
                "DELETE FROM embedding_cache WHERE added_at <="
                " (SELECT added_at FROM embedding_cache ORDER BY added_at DESC LIMIT 1 OFFSET ?)",
                (self.settings.embedding_cache_entries,),
            )
        return vector

    def _bm25(self, query: str, pool: int, filters: SearchFilter) -> dict[int, float]:
        where, params = filters.sql()
        return self._keywords.search(search_words(query), pool, where, params)

    def _hits(self, ranked: list[int], scores: dict[int, float], dense: dict[int, float], k: int) -> list[Hit]:
        hits: list[Hit] = []
        seen: set[str] = set()
        for batch in _batches(ranked, 4 * k):
            marks = ",".join("?" * len(batch))
            rows = self.db.query(
                "SELECT c.id, c.doc_id, c.text, c.start, c.end, c.heading, c.page, c.sha256, d.source, d.title"
                f" FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
                batch,
            )
            by_id = {r["id"]: r for r in rows}
            for chunk_id in batch:
                row = by_id.get(chunk_id)
                if row is None or row["sha256"] in seen:
                    continue
                seen.add(row["sha256"])
                hits.append(
                    Hit(
                        doc_id=row["doc_id"],
                        chunk_id=chunk_id,
                        score=round(scores[chunk_id], 6),
                        text=row["text"],
                        source=row["source"],
                        start=row["start"],
                        end=row["end"],
                        title=row["title"],
                        heading=row["heading"],
                        page=row["page"],
                        similarity=round(dense[chunk_id], 4) if chunk_id in dense else None,
                    )
                )
                if len(hits) == k:
                    return hits
        return hits


def _batches(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _match(documents: list[DocumentInfo], target: str | int | Path) -> list[DocumentInfo]:
    if isinstance(target, int) or (isinstance(target, str) and target.isdigit()):
        return [d for d in documents if d.id == int(target)]
    path = Path(target).expanduser().resolve()
    exact = [d for d in documents if d.source == str(path)]
    if exact:
        return exact
    inside = [d for d in documents if Path(d.source).is_relative_to(path)]
    return inside or [d for d in documents if fnmatch.fnmatch(d.source, str(target))]


def _audit(conn: sqlite3.Connection, event: str, detail: str) -> None:
    conn.execute("INSERT INTO audit (at, event, detail) VALUES (?, ?, ?)", (time.time(), event, detail))


__all__ = ["Hit", "IngestProgress", "IngestReport", "KnowledgeBase", "SearchFilter"]
