"""The store's size and upkeep (store size, vacuum)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime

from edge.cli import services
from edge.cli.commands import Commands
from edge.cli.console import EXIT_OK, emit
from edge.store.retention import Retention, TableSize


@dataclass(frozen=True)
class Vacuumed:
    removed: dict[str, int]
    bytes_before: int
    bytes_after: int


def register(commands: Commands) -> None:
    store = commands.group("store", "the SQLite store: its size, and keeping it within store.retention")
    store.add("size", cmd_store_size, "the file's size and the rows of each table that grows with use")
    store.add("vacuum", cmd_store_vacuum, "remove every row past store.retention, then give the freed space back to the disk")


def _retention(args: argparse.Namespace) -> Retention:
    return Retention(services.store(args), services.settings(args).store.retention)


def cmd_store_size(args: argparse.Namespace) -> int:
    retention = _retention(args)
    path, size = retention.db.path, retention.db.file_bytes()
    emit(args, {"path": path, "bytes": size}, f"{path}: {_mb(size)}")
    for table in retention.sizes():
        emit(args, table, _describe(table))
    return EXIT_OK


def cmd_store_vacuum(args: argparse.Namespace) -> int:
    retention = _retention(args)
    before = retention.db.file_bytes()
    removed = retention.prune_all()
    retention.db.vacuum()
    done = Vacuumed(removed, before, retention.db.file_bytes())
    rows = ", ".join(f"{n:,} {table}" for table, n in removed.items()) or "no rows past retention"
    emit(args, done, f"removed {rows}; {_mb(done.bytes_before)} -> {_mb(done.bytes_after)}")
    return EXIT_OK


def _describe(size: TableSize) -> str:
    since = f", oldest {datetime.fromtimestamp(size.oldest):%Y-%m-%d}" if size.oldest is not None else ""
    return f"{size.table:<13} {size.rows:>9,} rows{since} (kept {size.limit})"


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"
