"""The grounding stage: an answer from the user's documents, checked against them before it is said.

The extractive reader finds the sentence of the retrieved chunks that answers the question, or judges that none
does and the reply says so. By default (``knowledge.answer`` "extract") that sentence is quoted. With "auto" the
LLM only rephrases it; its answer is said when it keeps to the sentence's values and words and holds the span the
question asks for, and the sentence is quoted otherwise. A question for a name or value whose span the reader could
not single out is answered with the quote: the sentence holds several, and a small model picks one at random.
"llm" gives the LLM all the chunks, escalates an answer that strays from them through the cascade, and quotes the
closest sentence when no model gets it right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import replace

import numpy as np

from edge.router.citations import citations
from edge.router.gateway import Decision
from edge.router.reader import Extract, asked_kinds, best_sentence, read, stem
from edge.router.request import Handled, Reply, Request, Retracted, Token
from edge.router.tiers import LlmTiers, Prompt
from edge.router.values import uncarried, values
from edge.runtime import Runtime
from edge.store.knowledge import Hit, KnowledgeBase
from edge.store.stopwords import NEGATIONS, STOPWORDS

INSTRUCTIONS = (
    "Answer the question in one or two sentences using only the numbered sources. "
    "Cite the source of each fact by its number in square brackets, like [1]."
)
REPHRASE = "Answer the question in one short sentence using only the source."
ANSWER_RELEVANCE = 0.5
"""An answer from the sources less similar than this to the question answers something else."""
GROUNDED_TOKENS = 96
REPHRASED_TOKENS = 48
NOT_IN_DOCUMENTS = "I couldn't find that in your documents, so I won't guess. Try other words, or add the document that says it."
UNSUPPORTED_SHARE = 0.34
"""An answer with more of its content words than this missing from the sources is not grounded in them."""
SOURCE_TALK = frozenset("answer source sources according document documents".split())
"""Words an answer uses to speak of its sources, not of their content."""
_IGNORED = STOPWORDS | NEGATIONS | SOURCE_TALK
_CITATION_MARKS = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")


class Grounding:
    def __init__(self, knowledge: KnowledgeBase, runtime: Runtime, tiers: LlmTiers) -> None:
        self.knowledge = knowledge
        self.runtime = runtime
        self.tiers = tiers

    def answer(self, request: Request, hits: list[Hit], decision: Decision) -> Generator[Token | Retracted, None, Reply]:
        """The checked answer as one token (it cannot be streamed before it is checked), then the reply. When no
        chunk answers the question, it says the documents hold no answer rather than guess."""
        reply = yield from self._answer(request, hits, decision)
        if reply.handler is not Handled.STOPPED:
            yield Token(reply.text)
        return replace(reply, citations=citations(reply.text, hits))

    def _answer(self, request: Request, hits: list[Hit], decision: Decision) -> Generator[Token | Retracted, None, Reply]:
        if not hits:
            return Reply(NOT_IN_DOCUMENTS, decision, Handled.DOCUMENTS, fallbacks=["knowledge: nothing relevant"])
        question = self.knowledge.embed_query(request.text)
        embed = self.runtime.embedder.embed
        mode = self.knowledge.settings.answer
        if mode == "llm":
            return (yield from self._from_chunks(request, hits, decision, question, embed))
        found = read(request.text, question, hits, embed)
        if isinstance(found, str):
            return Reply(NOT_IN_DOCUMENTS, decision, Handled.DOCUMENTS, fallbacks=[f"reader: {found}"])
        if mode == "extract" or (found.span is None and asked_kinds(request.text) is not None):
            return Reply(quoted(found), decision, Handled.DOCUMENTS)
        return (yield from self._rephrased(request, found, decision, question, embed))

    def _rephrased(
        self, request: Request, found: Extract, decision: Decision, question: np.ndarray, embed: Callable[[list[str]], np.ndarray]
    ) -> Generator[Token | Retracted, None, Reply]:
        """The LLM says the found sentence as an answer; the sentence itself when it cannot say it faithfully."""

        def accept(answer: str) -> bool:
            return (
                grounded(answer, [found.sentence], request.text)
                and (found.span is None or carries(answer, found.span))
                and float(embed([answer])[0] @ question) >= ANSWER_RELEVANCE
            )

        messages = grounded_messages(request.text, [found.sentence], REPHRASE)
        prompt = Prompt(messages, accept=accept, stream=False, max_tokens=REPHRASED_TOKENS, max_sentences=1)
        reply = yield from self.tiers.answer(request, decision, prompt)
        if reply.handler is Handled.STOPPED:
            return reply
        if reply.error is None and accept(reply.text):
            return replace(reply, text=f"{_CITATION_MARKS.sub('', reply.text).strip()} [{found.number}]")
        return replace(
            reply,
            text=quoted(found),
            handler=Handled.DOCUMENTS,
            confidence=None,
            error=None,
            fallbacks=[*reply.fallbacks, "llm: answer not in the sentence"],
        )

    def _from_chunks(
        self,
        request: Request,
        hits: list[Hit],
        decision: Decision,
        question: np.ndarray,
        embed: Callable[[list[str]], np.ndarray],
    ) -> Generator[Token | Retracted, None, Reply]:
        texts = [h.text for h in hits]

        def accept(answer: str) -> bool:
            return grounded(answer, texts, request.text) and float(embed([answer])[0] @ question) >= ANSWER_RELEVANCE

        prompt = Prompt(grounded_messages(request.text, texts), accept=accept, stream=False, max_tokens=GROUNDED_TOKENS)
        reply = yield from self.tiers.answer(request, decision, prompt)
        if reply.handler is Handled.STOPPED or reply.error is not None or accept(reply.text):
            return reply
        closest = best_sentence(request.text, question, hits, embed)
        return replace(
            reply,
            text=quoted(closest) if closest else NOT_IN_DOCUMENTS,
            handler=Handled.DOCUMENTS,
            confidence=None,
            fallbacks=[*reply.fallbacks, "llm: answer not in the sources"],
        )


def quoted(found: Extract) -> str:
    """What the documents say, in their words, with the citation."""
    return f'Your documents say: "{found.sentence}" [{found.number}]'


def carries(answer: str, span: str) -> bool:
    """Whether ``answer`` says ``span``: its words, or the same values in other words ("6:40 AM" for "06:40")."""
    if span.lower() in answer.lower():
        return True
    return bool(values(span)) and not uncarried(span, [answer])


def grounded_messages(question: str, sources: list[str], instructions: str = INSTRUCTIONS) -> list[dict[str, str]]:
    """Sources and question in the user turn, where small models attend to them best."""
    numbered = "\n\n".join(f"[{n}] {text}" for n, text in enumerate(sources, 1))
    return [
        {"role": "system", "content": instructions},
        {"role": "user", "content": f"Sources:\n\n{numbered}\n\nQuestion: {question}"},
    ]


def grounded(answer: str, sources: list[str], question: str = "") -> bool:
    """Whether the answer keeps to the sources: each value it states (a time, date, amount, number) equals one of
    theirs, each name it uses is in them or in the question, and most of its words are in them.

    Small models asked to answer from sources still invent figures, names and facts; this catches the plain cases.
    """
    body = _CITATION_MARKS.sub(" ", answer)
    words = _words(body)
    if not words or _repeats(body):
        return False
    if uncarried(body, sources) or _unknown_names(body, " ".join([*sources, question])):
        return False
    source_words = set().union(*(_words(s) for s in sources)) if sources else set()
    missing = [w for w in words if w not in source_words]
    return len(missing) <= UNSUPPORTED_SHARE * len(words)


def _unknown_names(answer: str, known_text: str) -> list[str]:
    """Capitalised words after the first of each sentence (names) that neither the sources nor the question hold."""
    known = {stem(w) for w in re.findall(r"[a-z]+", known_text.lower())}
    names = [
        word
        for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", answer)
        for word in re.findall(r"[A-Za-z]+", sentence)[1:]
        if word[0].isupper() and word.lower() not in STOPWORDS
    ]
    return [n for n in names if stem(n.lower()) not in known]


def _words(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _IGNORED and len(w) > 2]


def _repeats(text: str) -> bool:
    """The same sentence more than once: a small model caught in a loop."""
    sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4]
    return len(sentences) != len(set(sentences))
