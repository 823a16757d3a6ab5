"""Hybrid extraction: the rule extractor's attributions and the stacked CRF's, merged.

The learned tagger (:mod:`graphkit.extract.learned`) reads the rule
extractor's spans as features.  :func:`combine` merges the two outputs
(by default every rule attribution plus the learned ones that overlap no
rule cue or content; ``prefer="learned"`` starts from the learned ones
instead).  Stance, certainty, ``direct``, the sentence and ``nested_in`` come
from the rule attribution with an overlapping cue; where there is none,
stance and certainty come from the rule engine's functions
(:mod:`graphkit.extract.stance`) applied to the learned spans, and
``nested_in`` from span containment.

:func:`run` is what ``graphkit.extract.extract(article, method=...)`` calls
for the methods other than "rules".

>>> from graphkit.records import Article
>>> t = "The ministry denied the report."
>>> [a.stance for a in run(Article(text=t, lang="en"), "en", "hybrid")]
['denies']
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Optional, Sequence

from graphkit.extract import learned
from graphkit.extract.lexicon import lexicon
from graphkit.extract.sentences import sentences
from graphkit.extract.stance import certainty, stance
from graphkit.records import Article, Attribution, Span

__all__ = ["run", "combine"]


PREFER = "rules"   # see combine(); "learned" is the stacked-CRF-first alternative


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _bounds(a: Attribution) -> tuple[int, int]:
    return min(p.start for p in a.content), max(p.end for p in a.content)


def _containing(a: Attribution, others: Sequence[Attribution],
                bounds: Optional[Sequence[Optional[tuple[int, int]]]] = None) -> Optional[Attribution]:
    """The attribution with the smallest content range holding ``a``'s cue (and source).

    ``bounds`` are the content ranges of ``others`` (None where one has no content).
    """
    if bounds is None:
        bounds = [_bounds(o) if o.content else None for o in others]
    best, size = None, None
    cs, ce = a.cue.start, a.cue.end
    ss = a.source.start if a.source is not None else None
    for o, b in zip(others, bounds):
        if b is None or o is a:
            continue
        s, e = b
        if s <= cs and ce <= e and (ss is None or s <= ss) and (size is None or e - s < size):
            best, size = o, e - s
    return best


def _extra_rules(rules: Sequence[Attribution], found: Sequence[Attribution]) -> list[Attribution]:
    """Rule attributions the learned ones leave out: a cue inside a learned
    content (nested speech, which a one-label-per-token tagger cannot
    give), a content holding a learned cue (the outer report), or no overlap
    with any learned span."""
    fcues = [f.cue for f in found]
    fcont = [p for f in found for p in f.content]
    out = []
    for r in rules:
        if any(_overlaps(r.cue, c) for c in fcues):
            continue
        nested = any(_overlaps(r.cue, p) for p in fcont)
        outer = any(p.start <= c.start and c.end <= p.end for p in r.content for c in fcues)
        free = not any(_overlaps(p, q) for p in r.content for q in fcont)
        if nested or outer or free:
            out.append(r)
    return out


def combine(text: str, lang: str, rules: Sequence[Attribution], found: Sequence[Attribution],
            prefer: str = PREFER) -> list[Attribution]:
    """The rule attributions ``rules`` and the learned ones ``found``, merged.

    ``prefer="rules"``: every rule attribution, plus the learned ones whose
    cue and content overlap no rule cue or content.  ``prefer="learned"``:
    the learned attributions (taking the rule source where they have none,
    and the rule content where it holds another learned cue), plus the rule
    attributions they leave out (nested, outer or disjoint ones).  Either
    way stance, certainty, sentence, ``direct`` and nesting come from the
    rule engine.

    >>> t = "Ann denied it rained."
    >>> r = [Attribution("a1", Span.of(t, 4, 10), [Span.of(t, 11, 20)], Span.of(t, 0, 3), stance="denies")]
    >>> f = [Attribution("a1", Span.of(t, 4, 10), [Span.of(t, 11, 21)])]
    >>> [(a.stance, a.content[0].text, a.source.text) for a in combine(t, "en", r, f, "learned")]
    [('denies', 'it rained.', 'Ann')]
    """
    if prefer not in ("rules", "learned"):
        raise ValueError(f"prefer must be 'rules' or 'learned', not {prefer!r}")
    lex = None
    out: list[Attribution] = []
    rule_of: dict[int, Attribution] = {}
    sents: dict[int, list[Span]] = {}
    found = [f for f in found if f.content]
    fcues = [f.cue for f in found]
    if prefer == "rules":
        taken = sorted((sp.start, sp.end) for r in rules for sp in [r.cue, *r.content])
        ends = list(accumulate((e for _, e in taken), max))   # furthest end among spans starting before

        def free(x: Span) -> bool:
            i = bisect_left(taken, (x.end, -1))       # spans starting before x ends
            return i == 0 or ends[i - 1] <= x.start
        found = [f for f in found if all(free(x) for x in [f.cue, *f.content])]
        extra = list(rules)
    else:
        extra = _extra_rules(rules, found)
    own = {id(r) for r in extra}
    for f in list(found) + extra:
        if id(f) in own:
            r: Optional[Attribution] = f
        elif prefer == "rules":
            r = None            # a kept learned cue overlaps no rule cue (see free above)
        else:
            r = next((r for r in rules if _overlaps(r.cue, f.cue)), None)
        a = Attribution(id="", cue=f.cue, content=list(f.content), source=f.source, direct=f.direct)
        if r is not None:
            if r is not f and a.source is None and r.source is not None:
                a.source = r.source
            if r is not f and any(p.start <= c.start and c.end <= p.end and not _overlaps(c, f.cue)
                                  for p in r.content for c in fcues):
                a.content = list(r.content)
            a.stance, a.certainty, a.sentence = r.stance, r.certainty, r.sentence
            if any(_overlaps(p, q) for p in a.content for q in r.content):
                a.direct = r.direct
            rule_of[id(a)] = r
        else:
            if lex is None:
                lex = lexicon(lang)
            cls = lex.cue_class(f.cue.text) or "speech"
            a.stance = stance(text, lex, cls, f.cue, f.content)
            regions = list(f.content)
            if f.source is not None and f.source.end <= f.cue.start:
                regions.append(Span.of(text, f.source.end, f.cue.start))
            a.certainty = certainty(text, lex, regions, cue=f.cue)
            a.sentence = _sentence_at(text, f.cue.start, sents)
        out.append(a)
    out.sort(key=lambda a: (min(s.start for s in a.spans()), a.cue.start))
    for i, a in enumerate(out):
        a.id = f"a{i + 1}"
    by_rule = {r.id: a for a in out for r in [rule_of.get(id(a))] if r is not None}
    bounds = None
    for a in out:
        r = rule_of.get(id(a))
        parent = by_rule.get(r.nested_in) if r is not None and r.nested_in else None
        if parent is a or (parent is None and (r is None or r.nested_in)):
            if bounds is None:
                bounds = [_bounds(o) if o.content else None for o in out]
            parent = _containing(a, out, bounds)
        a.nested_in = parent.id if parent is not None else None
    return out


def _sentence_at(text: str, pos: int, cache: dict[int, list[Span]]) -> Optional[Span]:
    """The sentence of ``text`` (:func:`~graphkit.extract.sentences.sentences`) holding offset ``pos``.

    Sentences never cross a line break, so only the line of ``pos`` is split
    (``cache`` keeps the sentences of each line split so far, by line start).

    >>> _sentence_at("Hi there. It rained.\\nNo.", 12, {}).text
    'It rained.'
    """
    start = text.rfind("\n", 0, pos) + 1
    got = cache.get(start)
    if got is None:
        end = text.find("\n", pos)
        got = cache[start] = sentences(text, [Span(start, len(text) if end < 0 else end, "")])
    return next((s for s in got if s.start <= pos < s.end), None)


def run(article: Article, lang: str, method: str) -> list[Attribution]:
    """Attributions by ``method``: "learned" (the CRF's spans alone) or
    "hybrid" (CRF spans + rule facts; the rules alone when no model for
    ``lang`` is available).

    >>> run(Article(text="", lang="en"), "en", "hybrid")
    []
    """
    from graphkit.extract import extract_text

    text = article.text or ""
    if not text:
        return []
    body = article.body_spans()
    if method == "learned":
        if not learned.available(lang):
            raise ValueError(f"no learned attribution model for language {lang!r}")
        # the CRF's spans; stance, certainty and nesting computed from them alone
        return combine(text, lang, [], learned.extract_learned(article, extract_text(text, lang, body), lang))
    rules = extract_text(text, lang, body)
    if not learned.available(lang):
        return rules
    return combine(text, lang, rules, learned.extract_learned(article, rules, lang))
