"""Notes the user asked edge to remember answer later questions, as a document of the knowledge base does."""

import pytest

from edge.errors import RoleUnavailable
from edge.router import Handled, Router
from edge.store.database import Database

pytestmark = pytest.mark.models


@pytest.fixture
def router(runtime, tmp_path):
    with Router(runtime, db=Database(tmp_path / "edge.db")) as r:
        yield r


def test_a_note_remembered_answers_a_later_question(router):
    router.ask("remember that the spare key is under the blue pot")
    router.ask("remember that my car is parked on level 3")
    reply = router.ask("where is the spare key")
    assert reply.handler is Handled.DOCUMENTS and "under the blue pot" in reply.text
    assert "on level 3" in router.ask("where did i park my car").text


def test_deleting_the_notes_removes_their_document(router):
    router.ask("remember that the spare key is under the blue pot")
    assert router.knowledge.document_count == 1 and len(list(router.note_documents.folder.glob("*.md"))) == 1
    router.ask("delete the note about the spare key")
    assert router.knowledge.document_count == 0 and not list(router.note_documents.folder.glob("*.md"))


def test_notes_that_cannot_be_indexed_now_are_indexed_on_the_next_change(router, monkeypatch):
    add = router.knowledge.add

    def unavailable(paths, **kwargs):
        raise RoleUnavailable("the embedder is not loaded", "run edge doctor")

    monkeypatch.setattr(router.knowledge, "add", unavailable)
    assert router.ask("remember that the spare key is under the blue pot").text == "Noted."
    assert router.knowledge.document_count == 0 and not list(router.note_documents.folder.glob("*.md"))
    monkeypatch.setattr(router.knowledge, "add", add)
    router.ask("remember that my car is parked on level 3")
    assert router.knowledge.document_count == 2
    assert "under the blue pot" in router.ask("where is the spare key").text
