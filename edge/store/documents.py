"""Read the files a user adds to the knowledge base into plain text with its heading structure.

Offsets in ``Document.text`` are character offsets. For .txt and .md the text is the file's own text
(decoded, newlines normalised to ``\\n`` as ``Path.read_text`` does), so an offset points at the same
character a user sees in the file.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from edge.errors import EdgeError

if TYPE_CHECKING:
    from markdown_it.token import Token

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}
KINDS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
TITLE_MAX_CHARS = 80

logging.getLogger("pypdf").addHandler(logging.NullHandler())  # damaged PDFs become a DocumentError, not stderr noise


class DocumentError(EdgeError):
    """A file cannot be read into the knowledge base."""


@dataclass(frozen=True)
class Section:
    """The body under one heading. Heading lines belong to no section, unless the document is nothing but headings."""

    heading: tuple[str, ...]
    """The heading path from the top, e.g. ``("Install", "On a Raspberry Pi")``; empty before the first heading."""
    start: int
    """Offset of the body's first character in ``Document.text``."""
    end: int
    """Offset just past the body's last character."""


@dataclass(frozen=True)
class Document:
    source: str
    """The file's absolute path."""
    kind: str
    """``"txt"``, ``"md"``, ``"html"`` or ``"pdf"``."""
    title: str | None
    text: str
    """The extracted plain text; Markdown keeps its source text."""
    sections: tuple[Section, ...]
    """Non-empty sections in text order, not overlapping."""
    pages: tuple[int, ...] | None = None
    """PDFs only: the offset in ``text`` where each page starts (page n starts at ``pages[n - 1]``)."""


def read_document(path: Path) -> Document:
    path = Path(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise _unsupported(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(f"cannot read {path}: {e.strerror or e}", "check that the file exists and is readable") from e
    source = str(path.resolve())
    if kind == "pdf":
        doc = _read_pdf(source, data)
    else:
        text = _decode(path, data)
        doc = {"txt": _read_txt, "md": _read_md, "html": _read_html}[kind](source, text)
    if not doc.sections and doc.text.strip():
        doc = replace(doc, sections=(Section((), 0, len(doc.text)),))
    if not doc.sections:
        if kind == "pdf":
            raise DocumentError(f"{path} has no text layer (a scanned PDF?)", "OCR it first, e.g. ocrmypdf in.pdf out.pdf")
        raise DocumentError(f"{path} has no text", "add text to the file or leave it out")
    return doc


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to read: folders expanded recursively in name order, hidden names and other suffixes skipped inside folders."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise DocumentError(f"{path} does not exist", "check the path")
        if path.is_dir():
            for found in _walk(path, set()):
                if found.resolve() not in seen:
                    seen.add(found.resolve())
                    yield found
        elif path.suffix.lower() not in SUFFIXES:
            raise _unsupported(path)
        elif path.resolve() not in seen:
            seen.add(path.resolve())
            yield path


def _walk(folder: Path, visited: set[Path]) -> Iterator[Path]:
    real = folder.resolve()
    if real in visited:
        return
    visited.add(real)
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        raise DocumentError(f"cannot list {folder}: {e.strerror or e}", "check the folder's permissions") from e
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child, visited)
        elif child.is_file() and child.suffix.lower() in SUFFIXES:
            yield child


def _unsupported(path: Path) -> DocumentError:
    return DocumentError(
        f"{path} is not a supported document ({path.suffix or 'no suffix'})",
        f"use one of {', '.join(sorted(SUFFIXES))}, or convert the file to text first",
    )


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise DocumentError(f"{path} is not valid UTF-16 text", "save it as UTF-8") from e
    elif b"\x00" in data:
        raise DocumentError(f"{path} looks binary, not text", "give a text, Markdown, HTML or PDF file")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _short_line(line: str) -> str | None:
    line = line.strip()
    return line if 0 < len(line) <= TITLE_MAX_CHARS and not line.endswith((".", ",", ";", ":")) else None


def _sections(heads: list[tuple[int, str, int, int]], text: str, start: int = 0) -> tuple[Section, ...]:
    """Sections from headings given as (level, text, line start, body start), in order; empty bodies dropped."""
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    path: tuple[str, ...] = ()
    body = start
    for level, title, line_start, body_start in heads:
        sections.append(Section(path, body, line_start))
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        path = tuple(t for _, t in stack)
        body = body_start
    sections.append(Section(path, body, len(text)))
    return tuple(s for s in sections if s.end > s.start and not text[s.start : s.end].isspace())


def _read_txt(source: str, text: str) -> Document:
    first, newline, rest = text.partition("\n")
    title = _short_line(first) if newline and rest.strip() else None
    return Document(source, "txt", title, text, _sections([], text, len(first) + 1 if title else 0))


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)


HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def _read_md(source: str, text: str) -> Document:
    """HTML comments, which no rendering shows, are blanked (their length kept, so offsets still hold)."""
    from markdown_it import MarkdownIt

    text = HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    offset = lambda line: line_starts[line] if line < len(line_starts) else len(text)
    title = None
    skip_lines = 0
    front = FRONT_MATTER.match(text)
    if front:
        skip_lines = front.group(0).count("\n") + (0 if front.group(0).endswith("\n") else 1)
        found = FRONT_TITLE.search(front.group(1))
        title = found.group(1).strip("'\"") if found else None
    tokens = MarkdownIt().parse(text[offset(skip_lines) :])
    heads: list[tuple[int, str, int, int]] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            name = _inline_text(tokens[i + 1]) if i + 1 < len(tokens) else ""
            if not name:
                continue
            first, last = token.map
            heads.append((int(token.tag[1]), name, offset(first + skip_lines), offset(last + skip_lines)))
            if title is None and token.tag == "h1":
                title = name
    return Document(source, "md", title, text, _sections(heads, text, offset(skip_lines)))


def _inline_text(token: Token) -> str:
    parts = [
        c.content if c.type in ("text", "code_inline", "image") else " " if c.type.endswith("break") else ""
        for c in token.children or ()
    ]
    return " ".join("".join(parts).split())


BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "details", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "ul",
}  # fmt: skip
PARAGRAPH_TAGS = {"p", "pre", "blockquote", "table", "ul", "ol", "dl", "figure", "hr", "section", "article"}
LINE_TAGS = {"br", "div", "tr", "li", "dt", "dd"}
SKIP_TAGS = {"script", "style", "nav", "head", "noscript", "template", "svg"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDING_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:[a-z%]*)?\s*(?:;|$))", re.I
)
"""Inline styles that keep an element's text from a reader: such text is not indexed, so it cannot steer answers."""


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    return "hidden" in values or bool(HIDING_STYLE.search(values.get("style") or ""))


HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.size = 0
        self.skip = 0
        self.concealed: list[str] = []
        """Open elements inside one a reader does not see (``hidden``, ``display: none``), outermost first."""
        self.pre = 0
        self.space = False
        self.title: list[str] | None = None
        self.title_text: str | None = None
        self.heading: tuple[int, int, list[str]] | None = None
        self.heads: list[tuple[int, str, int, int]] = []

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    def _break(self, newlines: int) -> None:
        self.space = False
        if not self.parts:
            return
        tail = "".join(self.parts[-3:])
        have = len(tail) - len(tail.rstrip("\n"))
        if have < newlines:
            self._emit("\n" * (newlines - have))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skip = 0
        if tag == "title" and self.title_text is None:
            self.title = []
        if tag in SKIP_TAGS:
            self.skip += 1
        if self.concealed or (_hidden(attrs) and tag not in VOID_TAGS):
            if tag not in VOID_TAGS:
                self.concealed.append(tag)
            return
        if self.skip:
            return
        if tag in HEADING_TAGS:
            self._break(2)
            self.heading = (HEADING_TAGS[tag], self.size, [])
        elif tag in PARAGRAPH_TAGS:
            self._break(2)
        elif tag in LINE_TAGS or tag in BLOCK_TAGS:
            self._break(1)
        elif tag in ("td", "th"):
            self.space = True
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and (tag in LINE_TAGS or tag == "hr"):
            self._break(1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.title_text = " ".join("".join(self.title).split()) or None
            self.title = None
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if self.concealed:
            if tag in self.concealed:
                del self.concealed[len(self.concealed) - self.concealed[::-1].index(tag) - 1 :]
            return
        if self.skip:
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in HEADING_TAGS and self.heading:
            level, start, words = self.heading
            self.heading = None
            name = " ".join("".join(words).split())
            if name:
                self.heads.append((level, name, start, self.size))
            self._break(2)
        elif tag in PARAGRAPH_TAGS:
            self._break(2)
        elif tag in LINE_TAGS or tag in BLOCK_TAGS:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        if self.skip or self.concealed:
            return
        if self.heading:
            self.heading[2].append(data)
        if self.pre:
            self._emit(data)
            self.space = False
            return
        collapsed = " ".join(data.split())
        if not collapsed:
            self.space = self.space or bool(data)
            return
        at_line_start = not self.parts or self.parts[-1].endswith("\n")
        if (self.space or data[0].isspace()) and not at_line_start:
            self._emit(" ")
        self._emit(collapsed)
        self.space = data[-1].isspace()


def _read_html(source: str, html: str) -> Document:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).rstrip()
    return Document(source, "html", parser.title_text, text, _sections(parser.heads, text))


def _read_pdf(source: str, data: bytes) -> Document:
    import pypdf
    from pypdf.errors import DependencyError

    path = Path(source)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{path} is password-protected", "remove the password (e.g. qpdf --decrypt) and add it again")
        texts = [(page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n").strip() for page in reader.pages]
        meta_title = reader.metadata.title if reader.metadata else None
    except DocumentError:
        raise
    except DependencyError as e:
        raise DocumentError(
            f"{path} is encrypted with AES", "remove the encryption (e.g. qpdf --decrypt) or pip install cryptography"
        ) from e
    except Exception as e:  # pypdf raises many exception types for damaged files
        raise DocumentError(
            f"{path} is not a readable PDF ({type(e).__name__}: {e})",
            "check the file opens in a PDF viewer; repair or re-export it",
        ) from e
    pages: list[int] = []
    size = 0
    for i, page_text in enumerate(texts):
        size += 2 if i else 0
        pages.append(size)
        size += len(page_text)
    text = "\n\n".join(texts)
    title = meta_title.strip() if meta_title and meta_title.strip() else None
    if title is None:
        first = next((line for line in text.splitlines() if line.strip()), "")
        title = _short_line(first)
    return Document(source, "pdf", title, text, _sections([], text), tuple(pages))
