"""`edge kb` and `edge cache` in-process: add, list, search, stats, remove, reindex, and the answer cache."""

import pytest

from tests.cli.runner import edge_cli, jsonl, one_line_error

EMPTY = "the knowledge base is empty: add documents with `edge kb add PATH`"


@pytest.fixture
def store(tmp_path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.mark.models
def test_documents_added_are_listed_searched_counted_and_removed(tmp_path, store):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "brakes.md").write_text("# Brakes\n\nReplace the brake pads every 40,000 km or when they squeal.\n")
    (docs / "tyres.txt").write_text("Check the tyre pressure once a month, and before long trips.\n")

    (report,) = jsonl(edge_cli("kb", "add", "--json", str(docs), env=store))
    assert sorted(report["added"]) == sorted(str(p) for p in docs.iterdir()) and not report["failed"]
    assert "0 added, 0 updated, 2 unchanged" in edge_cli("kb", "add", str(docs), env=store).stdout

    listed = {row["source"]: row for row in jsonl(edge_cli("kb", "list", "--json", env=store))}
    assert set(listed) == {str(docs / "brakes.md"), str(docs / "tyres.txt")}

    (hits,) = jsonl(edge_cli("kb", "search", "--json", "--k", "1", "how often should the brake pads be replaced", env=store))
    assert hits[0]["source"] == str(docs / "brakes.md") and hits[0]["heading"] == "Brakes"
    text = edge_cli("kb", "search", "--kind", "txt", "tyre pressure", env=store).stdout
    assert text.startswith(" 1. ") and "tyres.txt" in text and "brakes.md" not in text

    (stats,) = jsonl(edge_cli("kb", "stats", "--json", env=store))
    assert (stats["documents"], stats["by_kind"]) == (2, {"md": 1, "txt": 1}) and stats["dim"] == 384
    assert jsonl(edge_cli("kb", "reindex", "--json", env=store)) == [{"chunks": stats["chunks"]}]

    removed = edge_cli("kb", "remove", str(docs / "tyres.txt"), env=store)
    assert removed.stdout.strip() == f"removed {docs / 'tyres.txt'}"
    (docs / "brakes.md").unlink()
    assert "(file is gone: edge kb remove --missing)" in edge_cli("kb", "list", env=store).stdout
    assert edge_cli("kb", "remove", "--missing", env=store).returncode == 0
    assert edge_cli("kb", "list", env=store).stdout.strip() == EMPTY


def test_kb_remove_with_nothing_to_remove_names_the_fix(store):
    result = edge_cli("kb", "remove", env=store)
    assert result.returncode == 1 and "--missing" in one_line_error(result)


@pytest.mark.models
def test_the_answer_cache_starts_empty_and_clears(store):
    (stats,) = jsonl(edge_cli("cache", "stats", "--json", env=store))
    assert (stats["entries"], stats["lookups"]) == (0, 0)
    assert edge_cli("cache", "clear", env=store).stdout.strip() == "forgot 0 cached answers"
