"""The knowledge base (kb add, list, remove, stats, search, reindex) and the answer cache (cache stats, clear)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from edge.cli import services
from edge.cli.commands import Commands
from edge.cli.console import EXIT_FAILED, EXIT_OK, each, emit, plain, shorten
from edge.errors import InputError
from edge.store.cache import AnswerCache
from edge.store.knowledge import IngestProgress, KnowledgeBase, SearchFilter


def register(commands: Commands) -> None:
    kb = commands.group("kb", "the knowledge base: your documents, searchable offline")
    p = kb.add("add", cmd_kb_add, "index .txt, .md, .html and .pdf files and folders (recursively); unchanged ones are skipped")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--prune", action="store_true", help="also drop documents under these folders whose files are gone")
    kb.add("list", cmd_kb_list, "the indexed documents")
    p = kb.add("remove", cmd_kb_remove, "drop documents by path, folder or id (the files stay on disk)")
    p.add_argument("targets", nargs="*", metavar="PATH|ID")
    p.add_argument("--missing", action="store_true", help="drop every document whose file is gone")
    kb.add("stats", cmd_kb_stats, "documents, chunks, tokens, embedder, size")
    p = kb.add("search", cmd_kb_search, "search the documents: by meaning, by words, or both")
    p.add_argument("queries", nargs="+", metavar="QUERY", help="query, or - to read one per line from stdin")
    p.add_argument("--k", type=int, default=10, help="results per query (default 10)")
    p.add_argument("--mode", choices=["dense", "bm25", "hybrid"], default="hybrid")
    p.add_argument("--kind", action="append", default=[], choices=["txt", "md", "html", "pdf"], help="only this kind")
    p.add_argument("--source", action="append", default=[], metavar="GLOB", help="only paths matching, e.g. '*/manuals/*'")
    kb.add("reindex", cmd_kb_reindex, "embed every chunk again, after changing the embedder")

    cache = commands.group("cache", "the answer cache")
    cache.add("stats", cmd_cache_stats, "entries and hits: exact, semantic, guarded, stale, misses")
    cache.add("clear", cmd_cache_clear, "forget every cached answer")


def _knowledge(args: argparse.Namespace) -> KnowledgeBase:
    runtime = services.runtime(args, ["embedder"])
    return KnowledgeBase(services.store(args), runtime.embedder, runtime.settings.knowledge)


def cmd_kb_add(args: argparse.Namespace) -> int:
    kb = _knowledge(args)
    with tqdm(unit="file", disable=None, file=sys.stderr, dynamic_ncols=True) as bar:

        def progress(step: IngestProgress) -> None:
            bar.total = step.files_total
            bar.set_postfix_str(f"{step.chunks} chunks", refresh=False)
            bar.update(step.files_done - bar.n)

        report = kb.add(args.paths, prune=args.prune, progress=progress)
    for path, reason in report.failed.items():
        print(f"error: {path}: {reason}", file=sys.stderr)
    rate = f", {report.embedded / report.embed_seconds:.0f} chunks/s embedded" if report.embed_seconds else ""
    summary = (
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.duplicates)} duplicate, {len(report.removed)} removed, {len(report.failed)} failed; "
        f"{report.chunks} chunks in {report.seconds:.1f} s{rate}"
    )
    emit(args, report, summary)
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_kb_list(args: argparse.Namespace) -> int:
    documents = _knowledge(args).documents()
    for doc in documents:
        gone = "  (file is gone: edge kb remove --missing)" if doc.missing else ""
        emit(args, doc, f"{doc.id:>5}  {doc.kind:<4} {doc.chunks:>5} chunks  {doc.source}{gone}")
    if not documents and not args.json:
        print("the knowledge base is empty: add documents with `edge kb add PATH`")
    return EXIT_OK


def cmd_kb_remove(args: argparse.Namespace) -> int:
    if not args.targets and not args.missing:
        raise InputError("nothing to remove", "give paths, folders or ids (see `edge kb list`), or --missing")
    for source in _knowledge(args).remove(args.targets, missing=args.missing):
        emit(args, {"removed": source}, f"removed {source}")
    return EXIT_OK


def cmd_kb_stats(args: argparse.Namespace) -> int:
    stats = _knowledge(args).stats()
    kinds = ", ".join(f"{n} {kind}" for kind, n in stats.by_kind.items()) or "none"
    text = (
        f"{stats.documents} documents ({kinds}), {stats.chunks} chunks, {stats.tokens} tokens; "
        f"embedder {stats.embedder or '-'} ({stats.dim or '-'} dims); store {stats.db_bytes / 1e6:.1f} MB"
    )
    emit(args, stats, text)
    return EXIT_OK


def cmd_kb_search(args: argparse.Namespace) -> int:
    kb = _knowledge(args)
    filters = SearchFilter(sources=tuple(args.source), kinds=tuple(args.kind))

    def run(query: str, _: int) -> None:
        hits = kb.search(query, args.k, args.mode, filters)
        if args.json:
            keys = ("doc_id", "chunk_id", "score", "text", "source", "start", "end", "title", "heading", "page")
            print(json.dumps([{key: getattr(hit, key) for key in keys} for hit in hits], ensure_ascii=False), flush=True)
            return
        if not hits:
            print("no results")
        for rank, hit in enumerate(hits, 1):
            where = f" > {hit.heading}" if hit.heading else f", page {hit.page}" if hit.page else ""
            snippet = " ".join(hit.text.split())
            print(f"{rank:>2}. {hit.score:.3f}  {hit.source}{where}\n    {shorten(snippet, 160)}")

    return each(args, args.queries, run)


def cmd_kb_reindex(args: argparse.Namespace) -> int:
    count = _knowledge(args).reindex()
    emit(args, {"chunks": count}, f"embedded {count} chunks again")
    return EXIT_OK


def _cache(args: argparse.Namespace) -> AnswerCache:
    return services.router(args).cache


def cmd_cache_stats(args: argparse.Namespace) -> int:
    stats = _cache(args).stats()
    row = {**plain(stats), "lookups": stats.lookups, "hit_rate": stats.hit_rate}
    text = (
        f"{stats.entries} answers cached; {stats.lookups} lookups: {stats.exact} exact hits, {stats.semantic} semantic hits, "
        f"{stats.guarded} turned away by the guards, {stats.stale} stale, {stats.misses} misses; hit rate {stats.hit_rate:.1%}"
    )
    emit(args, row, text)
    return EXIT_OK


def cmd_cache_clear(args: argparse.Namespace) -> int:
    count = _cache(args).clear()
    emit(args, {"cleared": count}, f"forgot {count} cached answers")
    return EXIT_OK
