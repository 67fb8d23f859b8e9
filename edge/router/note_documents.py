"""The user's notes as documents of the knowledge base: "remember that my car is parked on level 3" is then found by
"where did I park my car" as any document is, by the document-aware routing and the extractive reader.

Each note is a Markdown file of its own in a folder beside the store, so that it is a chunk of its own: in one chunk
with other notes its similarity to a question about it was diluted below the routing threshold. The files follow the
notes whenever they change.
"""

from __future__ import annotations

import os

from edge.errors import EdgeError
from edge.store.database import Database
from edge.store.knowledge import KnowledgeBase


class NoteDocuments:
    def __init__(self, db: Database, knowledge: KnowledgeBase) -> None:
        self.db = db
        self.knowledge = knowledge
        self.folder = db.path.parent / f"{db.path.stem}-notes"

    def sync(self) -> None:
        """Index the notes as they are now. A note that cannot be indexed now (no embedder, a full disk) is tried
        again at the next sync."""
        wanted = {
            self.folder / f"note-{row['id']}.md": f"# Note\n\n{_sentence(row['text'])}\n"
            for row in self.db.query("SELECT id, text FROM notes WHERE list = 'notes'")
        }
        present = set(self.folder.glob("note-*.md")) if self.folder.is_dir() else set()
        gone = sorted(present - set(wanted))
        if gone:
            try:
                self.knowledge.remove(gone)
            except EdgeError:
                return
            for path in gone:
                path.unlink(missing_ok=True)
        new = [path for path, text in wanted.items() if path not in present or path.read_text(encoding="utf-8") != text]
        if not new:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for path in new:
            partial = path.with_suffix(".partial")
            partial.write_text(wanted[path], encoding="utf-8")
            os.replace(partial, path)
        try:
            failed = set(self.knowledge.add(new).failed)
        except EdgeError:
            failed = {str(path) for path in new}
        for path in new:
            if str(path.resolve()) in failed or str(path) in failed:
                path.unlink(missing_ok=True)


def _sentence(note: str) -> str:
    note = " ".join(note.split())
    return note if note.endswith((".", "!", "?")) else f"{note}."
