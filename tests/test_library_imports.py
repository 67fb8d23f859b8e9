"""Packages imported from several threads at once: the engines load in parallel, and Python's per-module import
locks deadlock when one thread imports a package while another imports one of its submodules first."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from importlib.machinery import ModuleSpec, SourceFileLoader
from importlib.util import spec_from_file_location
from pathlib import Path
from typing import Any

import pytest

from edge.library_imports import import_serially


class SlowToCreate(SourceFileLoader):
    """Loads the package, slowly: the moment in which the importing thread holds the package's lock but has not yet
    put the package in ``sys.modules`` is stretched, so that the two threads meet in it."""

    def __init__(self, name: str, path: str) -> None:
        super().__init__(name, path)
        self.creating = threading.Event()

    def create_module(self, spec: ModuleSpec) -> None:
        self.creating.set()
        time.sleep(0.3)


class SlowPackageFinder:
    def __init__(self, name: str, folder: Path) -> None:
        self.name, self.folder = name, folder
        self.loader = SlowToCreate(name, str(folder / "__init__.py"))

    def find_spec(self, name: str, *_: Any) -> ModuleSpec | None:
        if name != self.name:
            return None
        return spec_from_file_location(name, self.loader.path, loader=self.loader, submodule_search_locations=[str(self.folder)])


@pytest.fixture
def package(tmp_path: Path) -> Iterator[tuple[str, SlowToCreate]]:
    """A package whose ``__init__`` imports its submodule: the shape of faster_whisper (``__init__`` →
    ``transcribe`` → ``vad``), whose submodule ``vad`` the voice detector imports on its own."""
    name = f"package_{tmp_path.name.replace('-', '_')}"
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("from . import sub\n")
    (folder / "sub.py").write_text("value = 1\n")
    finder = SlowPackageFinder(name, folder)
    sys.meta_path.insert(0, finder)  # type: ignore[arg-type]
    yield name, finder.loader
    sys.meta_path.remove(finder)  # type: ignore[arg-type]
    for module in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
        del sys.modules[module]


def test_a_package_and_its_submodule_imported_from_two_threads_at_once_do_not_deadlock(package):
    name, loader = package
    errors: list[BaseException] = []

    def load(module: str) -> None:
        try:
            import_serially(module)
        except BaseException as exc:
            errors.append(exc)

    whole = threading.Thread(target=load, args=(name,))
    whole.start()
    assert loader.creating.wait(5)
    part = threading.Thread(target=load, args=(f"{name}.sub",))
    part.start()
    whole.join(10)
    part.join(10)
    assert errors == []
    assert sys.modules[f"{name}.sub"].value == 1


def test_a_package_that_is_not_installed_is_left_to_the_callers_own_import():
    import_serially("no_such_package_for_edge")
    with pytest.raises(ImportError):
        __import__("no_such_package_for_edge")
