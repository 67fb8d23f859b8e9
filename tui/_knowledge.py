"""The knowledge base panel: the documents, a path box to add files or folders, and the sources the last answer
drawn from documents cited."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from edge.errors import EdgeError
from edge.router import Router
from edge.store import IngestReport
from edge.store.knowledge import IngestProgress
from tui._text import size

if TYPE_CHECKING:
    from edge.router import Citation


def report_text(report: IngestReport) -> str:
    parts = [f"added {len(report.added)}", f"updated {len(report.updated)}", f"unchanged {len(report.unchanged)}"]
    if report.duplicates:
        parts.append(f"duplicates {len(report.duplicates)}")
    parts.append(f"{report.chunks} chunks")
    text = ", ".join(parts)
    failed = [f"{Path(path).name}: {reason}" for path, reason in report.failed.items()]
    return text + ("\nfailed: " + "\n        ".join(failed) if failed else "")


class KnowledgeScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, router: Router, cited: list[Citation]) -> None:
        super().__init__()
        self.router = router
        self.cited = cited
        self.report = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="knowledge"):
            yield Static(id="kb-stats")
            yield DataTable(id="documents", cursor_type="row", zebra_stripes=True)
            yield Input(placeholder="Add a file or folder: type its path and press Enter (txt, md, html, pdf)", id="kb-path")
            yield Static(id="kb-report", markup=False)
            yield Static(self._cited(), id="kb-cited")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "knowledge base"
        table = self.query_one("#documents", DataTable)
        table.add_columns("document", "kind", "chunks", "size", "title")
        self._refresh()
        self.query_one("#kb-report").display = False
        self.query_one("#kb-path", Input).focus()

    @property
    def documents(self) -> list[str]:
        table = self.query_one("#documents", DataTable)
        return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        if path:
            event.input.clear()
            self._say(f"adding {path}…")
            self.add(Path(path).expanduser())

    @work(thread=True, exclusive=True, group="knowledge")
    def add(self, path: Path) -> None:
        def progress(step: IngestProgress) -> None:
            self.app.call_from_thread(self._say, f"adding {path.name}: {step.files_done}/{step.files_total} files")

        try:
            report = self.router.knowledge.add([path], progress=progress)
        except EdgeError as exc:
            self.app.call_from_thread(self._say, str(exc))
            return
        except Exception as exc:
            self.app.call_from_thread(self._say, f"could not add {path} ({type(exc).__name__}: {exc})")
            return
        self.app.call_from_thread(self._added, report)

    def _added(self, report: IngestReport) -> None:
        self._say(report_text(report))
        self._refresh()

    def _say(self, text: str) -> None:
        self.report = text
        widget = self.query_one("#kb-report", Static)
        widget.update(text)
        widget.display = True

    def _refresh(self) -> None:
        knowledge = self.router.knowledge
        stats = knowledge.stats()
        table = self.query_one("#documents", DataTable)
        table.clear()
        for doc in knowledge.documents():
            name = Path(doc.source).name + (" (missing)" if doc.missing else "")
            table.add_row(name, doc.kind, doc.chunks, size(doc.size), doc.title or "", key=str(doc.id))
        embedder = f" · embedder {stats.embedder}" if stats.embedder else ""
        self.query_one("#kb-stats", Static).update(
            Content.from_markup(
                "[b]$docs[/] documents · $chunks chunks · $tokens tokens$embedder",
                docs=str(stats.documents),
                chunks=str(stats.chunks),
                tokens=f"{stats.tokens:,}",
                embedder=embedder,
            )
        )

    def _cited(self) -> Content:
        if not self.cited:
            return Content.from_markup("[b]Sources of the last answer[/]\n[dim]No answer has come from your documents yet.[/]")
        lines = [Content.from_markup("[b]Sources of the last answer[/]")]
        for citation in self.cited:
            mark = "cited" if citation.cited else "given to the model, not cited"
            lines.append(Content.from_markup("$label  [dim]$mark[/]", label=citation.label, mark=mark))
        return Content("\n").join(lines)
