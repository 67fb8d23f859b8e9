"""edge's own endpoints beside OpenAI's: a request's routing decision, and the knowledge base (search, list, add
documents by upload)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from edge.router import Router
from edge.store.documents import SUFFIXES

UPLOAD_NAME = re.compile(r"[^A-Za-z0-9._ -]+")
HIT_FIELDS = ("doc_id", "chunk_id", "score", "text", "source", "start", "end", "title", "heading", "page")
MODES = ("dense", "bm25", "hybrid")


class EdgeRequestError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def decision(router: Router, text: str) -> dict[str, Any]:
    d = router.decide(text)
    fields = ("route", "intent", "skill", "slots", "confidence", "latency_ms", "matched_by", "reason")
    return {name: getattr(d, name) for name in fields}


def search(router: Router, query: str, k: int, mode: str) -> dict[str, Any]:
    if mode not in MODES:
        raise EdgeRequestError(f"mode {mode!r} is not a search mode. Fix: use dense, bm25 or hybrid")
    hits = router.knowledge.search(query, k, mode)  # type: ignore[arg-type]
    return {"object": "list", "data": [{name: getattr(hit, name) for name in HIT_FIELDS} for hit in hits]}


def documents(router: Router) -> dict[str, Any]:
    return {"object": "list", "data": [dataclasses.asdict(doc) for doc in router.knowledge.documents()]}


@dataclass(frozen=True)
class Upload:
    path: Path
    previous: bytes | None
    """What the file held before this upload replaced it, put back if the upload cannot be read."""


async def uploaded(request: Request, folder: Path) -> list[Upload]:
    """The form's files, saved under ``folder`` by their base name made safe; a request never names a path. Nothing
    is saved when one of them is not a kind of document edge reads."""
    async with request.form(max_files=100, max_fields=10) as form:
        files = [value for _, value in form.multi_items() if isinstance(value, UploadFile)]
        if not files:
            raise EdgeRequestError("no file in the form. Fix: send documents as multipart fields named 'file'")
        names = [UPLOAD_NAME.sub("_", Path(upload.filename or "document").name).strip(" .") or "document" for upload in files]
        if refused := [name for name in names if Path(name).suffix.lower() not in SUFFIXES]:
            kinds = ", ".join(sorted(SUFFIXES))
            raise EdgeRequestError(f"{', '.join(refused)}: not a kind of document edge reads. Fix: upload {kinds} files")
        folder.mkdir(parents=True, exist_ok=True)
        saved = []
        for upload, name in zip(files, names, strict=True):
            path = folder / name
            saved.append(Upload(path, path.read_bytes() if path.is_file() else None))
            path.write_bytes(await upload.read())
    return saved


def report(ingested: Any, uploads: list[Upload]) -> Response:
    """The ingest report; an upload that could not be read is not kept, and the file it replaced is put back."""
    for upload in uploads:
        if str(upload.path.resolve()) in ingested.failed:
            if upload.previous is None:
                upload.path.unlink(missing_ok=True)
            else:
                upload.path.write_bytes(upload.previous)
    return JSONResponse(dataclasses.asdict(ingested), status_code=200 if not ingested.failed else 422)
