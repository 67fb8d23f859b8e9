"""Open SQLite with sqlite-vec loaded, whichever Python SQLite binding can load extensions.

Some Python builds (pyenv's default, macOS's system Python) compile ``sqlite3`` without
extension loading; Debian's and Raspberry Pi OS's have it. sqlean-py is a drop-in with
wheels for x86_64 and aarch64 that always can.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from types import ModuleType

from edge.errors import MissingExtra


def _can_load(module: ModuleType) -> bool:
    return hasattr(module.Connection, "enable_load_extension")


@cache
def sqlite_driver() -> ModuleType:
    """The stdlib ``sqlite3`` when it loads extensions, else ``sqlean``."""
    if _can_load(sqlite3):
        return sqlite3
    try:
        import sqlean
    except ImportError:
        raise MissingExtra("sqlean-py", None, "SQLite extension loading on this Python") from None
    return sqlean


def connect(path: str | Path = ":memory:", **options: object) -> sqlite3.Connection:
    """A connection with sqlite-vec loaded; ``options`` go to the driver's ``connect``."""
    import sqlite_vec

    conn = sqlite_driver().connect(str(path), isolation_level=None, **options)
    conn.enable_load_extension(True)
    sqlite_vec.load(conn)
    conn.enable_load_extension(False)
    return conn
