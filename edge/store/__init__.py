"""The SQLite file that holds knowledge, caches, memory and logs (with the sqlite-vec extension)."""

from edge.store.cache import AnswerCache, CachedAnswer, CacheStats
from edge.store.connection import connect, sqlite_driver
from edge.store.database import Database, StoreError
from edge.store.documents import Document, DocumentError, read_document
from edge.store.knowledge import Hit, IngestReport, KnowledgeBase, SearchFilter
from edge.store.memory import ConversationMemory, Turn

__all__ = [
    "AnswerCache",
    "CacheStats",
    "CachedAnswer",
    "ConversationMemory",
    "Database",
    "Document",
    "DocumentError",
    "Hit",
    "IngestReport",
    "KnowledgeBase",
    "SearchFilter",
    "StoreError",
    "Turn",
    "connect",
    "read_document",
    "sqlite_driver",
]
