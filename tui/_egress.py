"""What leaves the device, shown the same way before (the consent dialog) and after (the mark on an answer):
each masked message under its role."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from edge.privacy import EgressRecord
from edge.router import CloudTrace
from tui._text import entities, size


class MessagesView(Vertical):
    def __init__(self, messages: list[dict[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="messages")
        self.messages = messages

    def compose(self) -> ComposeResult:
        for message in self.messages:
            yield Static(message["role"], classes="role", markup=False)
            yield Static(message["content"], classes="content", markup=False)

    @property
    def text(self) -> str:
        return "\n".join(f"{m['role']}: {m['content']}" for m in self.messages)


def record_line(record: EgressRecord) -> str:
    return (
        f"to {record.host} · model {record.model} · masked: {entities(record.entities)} · "
        f"{size(record.payload_bytes)} · {record.outcome}"
    )


class EgressView(Vertical):
    """The masked messages the cloud model answered, and every other request that left for this answer
    (a cloud call that failed after sending still sent its bytes)."""

    BORDER_TITLE = "↑ LEFT THE DEVICE · masked"

    def __init__(self) -> None:
        super().__init__(classes="egress")
        self.trace: CloudTrace | None = None
        self.records: list[EgressRecord] = []
        self.display = False

    def show(self, trace: CloudTrace | None, records: list[EgressRecord]) -> None:
        if (trace, records) != (self.trace, self.records):
            self.trace, self.records = trace, list(records)
            self.display = self.sent
            self.refresh(recompose=True)

    @property
    def sent(self) -> bool:
        return self.trace is not None or bool(self.records)

    @property
    def others(self) -> list[EgressRecord]:
        return [r for r in self.records if self.trace is None or r.id != self.trace.egress_id]

    @property
    def text(self) -> str:
        lines = []
        if self.trace is not None:
            trace = self.trace
            lines.append(f"to {trace.host} · model {trace.model} · masked: {entities(trace.entities)}")
            lines += [f"{m['role']}: {m['content']}" for m in trace.sent]
            if trace.leaks:
                lines.append(f"the reply carried personal data the request did not: {entities(trace.leaks)}")
        lines += [record_line(r) for r in self.others]
        return "\n".join(lines)

    def compose(self) -> ComposeResult:
        trace = self.trace
        if trace is not None:
            yield Static(
                Content.from_markup(
                    "to [b]$host[/] · model [b]$model[/] · masked: $masked",
                    host=trace.host,
                    model=trace.model,
                    masked=entities(trace.entities),
                ),
                classes="head",
            )
            yield MessagesView(trace.sent)
            if trace.leaks:
                yield Static(f"the reply carried personal data the request did not: {entities(trace.leaks)}", classes="leaks")
        for record in self.others:
            yield Static(record_line(record), classes="head", markup=False)
