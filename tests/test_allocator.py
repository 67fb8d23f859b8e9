import platform

import pytest

from edge.allocator import limit_malloc_arenas

glibc = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")


@glibc
def test_glibc_takes_the_arena_limit():
    assert limit_malloc_arenas(2) is True


def test_zero_leaves_the_allocator_alone():
    assert limit_malloc_arenas(0) is False


def test_the_users_own_malloc_arena_max_wins(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_malloc_arenas(2) is False
