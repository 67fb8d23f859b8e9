"""The SQLite file that holds knowledge, caches, memory and logs (with the sqlite-vec extension)."""

from edge.store.connection import connect, sqlite_driver

__all__ = ["connect", "sqlite_driver"]
