"""The grounding stage: an answer from the user's documents, checked against them before it is said.

The LLM gets the sources numbered in its prompt; an answer that strays from them or from the question escalates
through the cascade, and if no model gets it right, the source sentence closest to the question is quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import replace

import numpy as np

from edge.router.citations import citations
from edge.router.gateway import Decision
from edge.router.request import Handled, Reply, Request, Retracted, Token
from edge.router.tiers import LlmTiers, Prompt
from edge.router.values import uncarried
from edge.runtime import Runtime
from edge.store.knowledge import Hit, KnowledgeBase
from edge.store.stopwords import NEGATIONS, STOPWORDS

INSTRUCTIONS = (
    "Answer the question in one or two sentences using only the numbered sources. "
    "Cite the source of each fact by its number in square brackets, like [1]."
)
ANSWER_RELEVANCE = 0.5
"""An answer from the sources less similar than this to the question answers something else."""
GROUNDED_TOKENS = 96
NOT_IN_DOCUMENTS = "I couldn't find that in your documents, so I won't guess. Try other words, or add the document that says it."
UNSUPPORTED_SHARE = 0.34
"""An answer with more of its content words than this missing from the sources is not grounded in them."""
SOURCE_TALK = frozenset("answer source sources according document documents".split())
"""Words an answer uses to speak of its sources, not of their content."""
_IGNORED = STOPWORDS | NEGATIONS | SOURCE_TALK


class Grounding:
    def __init__(self, knowledge: KnowledgeBase, runtime: Runtime, tiers: LlmTiers) -> None:
        self.knowledge = knowledge
        self.runtime = runtime
        self.tiers = tiers

    def answer(self, request: Request, hits: list[Hit], decision: Decision) -> Generator[Token | Retracted, None, Reply]:
        """The checked answer as one token (it cannot be streamed before it is checked), then the reply. With no
        relevant ``hits``, it says the documents hold no answer rather than guess."""
        if not hits:
            reply = Reply(NOT_IN_DOCUMENTS, decision, Handled.DOCUMENTS, fallbacks=["knowledge: nothing relevant"])
            yield Token(reply.text)
            return reply
        question = self.knowledge.embed_query(request.text)
        embed = self.runtime.embedder.embed

        def accept(answer: str) -> bool:
            return grounded(answer, hits, request.text) and float(embed([answer])[0] @ question) >= ANSWER_RELEVANCE

        prompt = Prompt(grounded_messages(request.text, hits), accept=accept, stream=False, max_tokens=GROUNDED_TOKENS)
        reply = yield from self.tiers.answer(request, decision, prompt)
        if reply.handler is Handled.STOPPED:
            return reply
        if reply.error is None and not accept(reply.text):
            reply = replace(
                reply,
                text=quoted_answer(question, hits, embed),
                handler=Handled.DOCUMENTS,
                confidence=None,
                fallbacks=[*reply.fallbacks, "llm: answer not in the sources"],
            )
        yield Token(reply.text)
        return replace(reply, citations=citations(reply.text, hits))


def grounded_messages(question: str, hits: list[Hit]) -> list[dict[str, str]]:
    """Sources and question in the user turn, where small models attend to them best."""
    sources = "\n\n".join(f"[{n}] {h.text}" for n, h in enumerate(hits, 1))
    return [
        {"role": "system", "content": INSTRUCTIONS},
        {"role": "user", "content": f"Sources:\n\n{sources}\n\nQuestion: {question}"},
    ]


def grounded(answer: str, hits: list[Hit], question: str = "") -> bool:
    """Whether the answer keeps to the sources: each value it states (a time, date, amount, number) equals one of
    theirs, each name it uses is in them or in the question, and most of its words are in them.

    Small models asked to answer from sources still invent figures, names and facts; this catches the plain cases.
    """
    body = re.sub(r"\[\d+(?:\s*,\s*\d+)*\]", " ", answer)
    words = _words(body)
    if not words or _repeats(body):
        return False
    sources = [h.text for h in hits]
    if uncarried(body, sources) or _unknown_names(body, " ".join([*sources, question])):
        return False
    source_words = set().union(*(_words(s) for s in sources)) if sources else set()
    missing = [w for w in words if w not in source_words]
    return len(missing) <= UNSUPPORTED_SHARE * len(words)


def _unknown_names(answer: str, known_text: str) -> list[str]:
    """Capitalised words after the first of each sentence (names) that neither the sources nor the question hold."""
    known = {_stem(w) for w in re.findall(r"[a-z]+", known_text.lower())}
    names = [
        word
        for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", answer)
        for word in re.findall(r"[A-Za-z]+", sentence)[1:]
        if word[0].isupper() and word.lower() not in STOPWORDS
    ]
    return [n for n in names if _stem(n.lower()) not in known]


def quoted_answer(question_vector: np.ndarray, hits: list[Hit], embed: Callable[[list[str]], np.ndarray]) -> str:
    """The source sentence closest in meaning to the question, quoted with its citation: what the documents
    say, when the LLM could not say it faithfully."""
    candidates = [(n, s) for n, h in enumerate(hits, 1) for s in _sentences(_body(h.text))]
    if not candidates:
        return ""
    scores = embed([s for _, s in candidates]) @ question_vector
    number, sentence = candidates[int(np.argmax(scores))]
    return f'Your documents say: "{sentence}" [{number}]'


def _body(chunk_text: str) -> str:
    """The chunk without its heading prefix."""
    head, sep, rest = chunk_text.partition("\n\n")
    return rest if sep and len(head) < 200 and not head.rstrip().endswith((".", "!", "?")) else chunk_text


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n{2,}", text)
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 3]


def _words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _IGNORED and len(w) > 2]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _repeats(text: str) -> bool:
    """The same sentence more than once: a small model caught in a loop."""
    sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4]
    return len(sentences) != len(set(sentences))
