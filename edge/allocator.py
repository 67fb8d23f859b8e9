"""glibc's malloc gives new threads their own arenas, up to eight per core, and memory freed in an arena mostly
stays with it. edge starts threads per turn (the answer, its speech, transcription), so a long-running process
grew by fragmentation alone: 1,100 MB after 50 turns of the soak and still climbing (0.2 MB a turn) against
1,005 MB and flat with two arenas. Limiting them is set once, before the engines start their threads."""

from __future__ import annotations

import ctypes
import os
import platform

M_ARENA_MAX = -8
"""mallopt's parameter number, from glibc's malloc.h."""


def limit_malloc_arenas(arenas: int) -> bool:
    """True when glibc took the limit; False on other C libraries, with 0, or when MALLOC_ARENA_MAX is set (the
    user's own choice, which glibc already applied)."""
    if arenas <= 0 or platform.system() != "Linux" or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_ARENA_MAX, arenas))
