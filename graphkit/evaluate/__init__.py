"""Evaluate graphkit's extraction on an annotated corpus.

``evaluate(docs)`` runs ingest + extract (+ resolve for chain checks) on each
:class:`~graphkit.evaluate.formats.GoldDoc` and scores it with the protocol
of ``../shared/eval/README.md`` (see :mod:`graphkit.evaluate.scorer`).
Readers: :mod:`graphkit.evaluate.formats`; output: :mod:`graphkit.evaluate.report`.

>>> from graphkit.records import Attribution, Span
>>> text = "Ann said it rains."
>>> doc = GoldDoc("d", text, [Item(cue=(4, 8), content=(9, 17), source=(0, 3))])
>>> fake = lambda art: [Attribution("a1", Span.of(text, 4, 8), [Span.of(text, 9, 17)], Span.of(text, 0, 3))]
>>> evaluate([doc], extractor=fake).scores.attribution.f1
1.0
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional, Sequence

from graphkit.evaluate.checks import (AttributeChecks, ChainCheck, ClaimPairs, FieldCheck, PredictedChain,
                                      check_attributes, check_chains, check_claims, compare_metadata,
                                      gold_claim_of, name_key, predicted_facts)
from graphkit.evaluate.formats import FormatError, GoldDoc, read_corpus, read_gold, read_polnear
from graphkit.evaluate.scorer import DocScore, Item, Scores, aggregate, score_document, span_of
from graphkit.extract import language_of
from graphkit.extract.conventions import CONVENTIONS, apply as apply_conventions
from graphkit.records import Article, Attribution

__all__ = ["evaluate", "EvalResult", "DocResult", "GoldDoc", "Item", "FormatError", "EvaluationError",
           "read_corpus", "read_gold", "read_polnear", "to_item", "outlet_aliases", "SCHEME_METHODS"]

Extractor = Callable[[Article], list[Attribution]]
Resolver = Callable[[Article, list[Attribution]], list[Attribution]]


class EvaluationError(RuntimeError):
    """The pipeline needed for evaluation is not available."""


# The extractor that "auto" means for each annotation scheme.  A scheme fixes
# both span conventions and what counts as an attribution: PolNeAR annotates
# beliefs, plans and support too, which the tagger trained on PolNeAR learns
# (graphkit.extract.neural); graphkit's own scheme (reported statements) is
# what the rules are built for (the PolNeAR-trained taggers add beliefs and
# actions there: ``graphkit eval --method hybrid`` on tests/data).
SCHEME_METHODS = {"graphkit": "rules", "polnear": "neural"}


def default_extractor(method: str = "auto", conventions: str = "graphkit") -> Extractor:
    """``graphkit.extract.extract`` with ``method`` (a clear error for an unknown one);
    "auto" is the extractor of the annotation scheme ``conventions``
    (:data:`SCHEME_METHODS`).

    >>> default_extractor("rules").__name__
    'extract_rules'
    >>> default_extractor("auto", "polnear").__name__
    'extract_neural'
    >>> default_extractor("auto", "graphkit").__name__
    'extract_rules'
    """
    from graphkit.extract import METHODS, extract

    if method == "auto":
        method = SCHEME_METHODS.get(conventions, "auto")
    if method == "auto":
        return extract
    if method not in METHODS:
        raise EvaluationError(f"unknown extraction method {method!r} (expected one of {', '.join(METHODS)})")

    def run(article: Article) -> list[Attribution]:
        return extract(article, method=method)

    run.__name__ = f"extract_{method}"
    return run


def default_resolver() -> Resolver:
    """``graphkit.resolve.resolve`` (needed for the chain and claim checks)."""
    from graphkit.resolve import resolve

    return resolve


def _ingest(text: str, source: str) -> Article:
    from graphkit.ingest import article_from_text
    return article_from_text(text, source=source)


@lru_cache(maxsize=1)
def outlet_aliases() -> dict[str, str]:
    """Lower-cased outlet names and aliases (leading "the" dropped) -> canonical key.

    >>> outlet_aliases()[name_key("The Associated Press", {})] == name_key("Associated Press", {})
    True
    """
    from graphkit import lang
    out: dict[str, str] = {}
    for o in lang.load("common", "outlets").get("outlet", []):
        canon = name_key(o.get("name"), {})
        for alias in [o.get("name"), *o.get("aliases", [])]:
            if alias:
                out.setdefault(name_key(alias, {}), canon)
    return out


def to_item(att: Attribution) -> Item:
    """A graphkit attribution as scorer offsets.

    >>> from graphkit.records import Span
    >>> to_item(Attribution("a", Span(4, 8, "said"), [Span(9, 17, "it rains")])).content
    ((9, 17),)
    """
    return Item(cue=(att.cue.start, att.cue.end),
                content=[(c.start, c.end) for c in att.content],
                source=(att.source.start, att.source.end) if att.source is not None else None,
                id=att.id)


@dataclass
class DocResult:
    """One document: gold, graphkit's output, its score and article checks."""

    doc: GoldDoc
    predicted: list[Attribution]
    items: list[Item]
    score: DocScore
    metadata: Optional[list[FieldCheck]] = None
    chains: Optional[list[ChainCheck]] = None
    error: Optional[str] = None
    claims: Optional[ClaimPairs] = None
    attributes: Optional[AttributeChecks] = None


@dataclass
class EvalResult:
    """Scores over the corpus plus the per-document details."""

    docs: list[DocResult]
    scores: Scores
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    conventions: str = "graphkit"


def _chains(doc: GoldDoc, article: Article, atts: list[Attribution], resolver: Resolver) -> list[ChainCheck]:
    resolved = resolver(article, atts)
    outlet = article.metadata.outlet.value if article.metadata.outlet else ""
    preds = []
    for a in resolved:
        label = a.entity.label if a.entity is not None else (a.source.text if a.source else "")
        if not label:
            continue
        src = span_of(doc.text, [(a.source.start, a.source.end)]) if a.source else None
        preds.append(PredictedChain((outlet, *(v.label for v in a.via), label), src, a.id))
    return check_chains(doc.text, doc.chains or [], doc.items, preds, outlet_aliases())


def evaluate(docs: Sequence[GoldDoc], extractor: Optional[Extractor] = None,
             resolver: Optional[Resolver] = None, method: str = "auto",
             conventions: str = "graphkit") -> EvalResult:
    """Run graphkit on every document and score it.

    ``extractor``/``resolver`` default to ``graphkit.extract.extract`` (with
    ``method``: auto, rules, learned, hybrid, neural or neural-hybrid) and ``graphkit.resolve.resolve``.
    ``conventions`` is the annotation scheme of the gold spans ("graphkit" or
    "polnear", :mod:`graphkit.extract.conventions`): extracted spans are
    rewritten to it before scoring.  A document on which the pipeline fails
    counts as predicting nothing and is listed with its error.
    """
    if conventions not in CONVENTIONS:
        raise EvaluationError(f"unknown span conventions {conventions!r} (expected {' or '.join(CONVENTIONS)})")
    extract = extractor or default_extractor(method, conventions)
    resolve = resolver or (default_resolver() if any(d.chains or d.claims is not None for d in docs) else None)
    results: list[DocResult] = []
    notes: list[str] = []
    t_run = t_score = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        error = None
        article: Optional[Article] = None
        try:
            article = _ingest(doc.text, doc.path or doc.name)
            atts = apply_conventions(doc.text, list(extract(article)), language_of(article), conventions)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            atts, error = [], f"{type(exc).__name__}: {exc}"
        chains = None
        if doc.chains is not None and article is not None and error is None:
            if resolve is None:
                notes.append("graphkit.resolve is not available: chains not checked")
            else:
                try:
                    chains = _chains(doc, article, atts, resolve)
                except Exception as exc:  # noqa: BLE001
                    notes.append(f"{doc.name}: resolve failed: {type(exc).__name__}: {exc}")
        resolved = chains is not None
        if doc.claims is not None and article is not None and error is None and resolve is not None \
                and doc.chains is None:
            try:
                resolve(article, atts)
                resolved = True
            except Exception as exc:  # noqa: BLE001
                notes.append(f"{doc.name}: resolve failed: {type(exc).__name__}: {exc}")
        t1 = time.perf_counter()
        items = [to_item(a) for a in atts]
        score = score_document(doc.text, doc.items, items, doc.name)
        meta = None
        if doc.metadata is not None and article is not None:
            meta = compare_metadata(doc.metadata, article.metadata.as_dict())
        t_score += time.perf_counter() - t1
        t_run += t1 - t0
        claims = None
        if doc.claims is not None and resolved:
            ids = [it.id for it in doc.items]
            claims = check_claims(gold_claim_of(doc.claims),
                                  [(ids[m.gold], atts[m.pred].claim) for m in
                                   sorted((*score.matches, *score.optional_matches), key=lambda m: m.gold)])
        attributes = None
        if any(it.facts for it in doc.items) and error is None:
            attributes = check_attributes(
                [(doc.items[m.gold].id, doc.items[m.gold].facts, predicted_facts(atts[m.pred], resolved))
                 for m in sorted((*score.matches, *score.optional_matches), key=lambda m: m.gold)])
        results.append(DocResult(doc, atts, items, score, meta, chains, error, claims, attributes))
    t1 = time.perf_counter()
    scores = aggregate([r.score for r in results])
    t_score += time.perf_counter() - t1
    return EvalResult(results, scores, {"pipeline": t_run, "scoring": t_score}, sorted(set(notes)), conventions)
