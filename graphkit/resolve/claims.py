"""Group the attributions of one article into claims (``Attribution.claim``).

- a nested attribution shares the claim of the one it is nested in;
- two attributions whose contents share enough informative content words
  (weighted by how rare each word is in the article) share a claim;
- a denial with no content words in common with anything (a bare "this is
  fake news") joins the nearest attribution it stands next to that has a
  stance-bearing cue (a denial or a claim of the same proposition).

Claim ids are "c1", "c2", ... in text order.

>>> from graphkit.records import Attribution, Span
>>> t = "Troops were sent to the border. Officials confirmed troops were sent to the border."
>>> a = Attribution("a1", Span(0, 0, ""), [Span(0, 30, t[:30])])
>>> b = Attribution("a2", Span(0, 0, ""), [Span(52, 82, t[52:82])])
>>> [x.claim for x in group_claims(t, [a, b], frozenset())]
['c1', 'c1']
"""
from __future__ import annotations

import math
import re
from collections import Counter

from graphkit.records import Attribution

_WORD = re.compile(r"[^\W\d_]{3,}")


def _norm(w: str) -> str:
    w = w.lower()
    for suf in ("nya",):
        if w.endswith(suf) and len(w) > len(suf) + 3:
            return w[: -len(suf)]
    return w


def _words(text: str, atts: list[Attribution], stop: frozenset) -> list[set[str]]:
    return [{_norm(w) for p in a.content for w in _WORD.findall(p.text)} - stop for a in atts]


def group_claims(text: str, atts: list[Attribution], stop: frozenset, threshold: float = 0.45) -> list[Attribution]:
    """Set ``claim`` on every attribution (in place) and return the list.
    Two statements share a claim when they are near-paraphrases: their
    informative words overlap (weighted Dice >= ``threshold``); a statement
    that adds a new proposition to another one is a claim of its own."""
    n = len(atts)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    index = {a.id: i for i, a in enumerate(atts)}
    for i, a in enumerate(atts):
        if a.nested_in in index:
            union(i, index[a.nested_in])
    words = _words(text, atts, stop)
    # document frequency of words over sentences of the text
    sents = re.split(r"(?<=[.!?])\s+|\n+", text)
    df = Counter(w for s in sents for w in {_norm(x) for x in _WORD.findall(s)})
    total = max(1, len(sents))
    weight = {w: math.log(1 + total / max(1, df[w])) for ws in words for w in ws}
    for i in range(n):
        for j in range(i + 1, min(n, i + 40)):
            a, b = words[i], words[j]
            if not a or not b or len(a & b) < 2:
                continue
            inter = sum(weight[w] for w in a & b)
            both = sum(weight[w] for w in a) + sum(weight[w] for w in b)
            if both and 2 * inter / both >= threshold:
                union(i, j)
    # a denial answers the statement right before it ("X claims A. Y denied it")
    for i, a in enumerate(atts):
        if a.stance != "denies" or a.nested_in or i == 0:
            continue
        prev = atts[i - 1]
        if prev.stance == "asserts" and not prev.nested_in and a.cue.start - prev.cue.end < 400 \
                and all(find(j) != find(i) for j in range(n) if j != i):
            union(i, i - 1)
    # bare denials: join the nearest denial next to them
    for i, a in enumerate(atts):
        if a.stance != "denies" or a.nested_in:
            continue
        alone = all(find(j) != find(i) for j in range(n) if j != i)
        if not alone:
            continue
        for j in sorted((j for j in range(n) if j != i), key=lambda j: abs(j - i)):
            if abs(j - i) > 2:
                break
            if atts[j].stance == "denies":
                union(i, j)
                break
    ids: dict[int, str] = {}
    for i, a in enumerate(atts):
        r = find(i)
        if r not in ids:
            ids[r] = f"c{len(ids) + 1}"
        a.claim = ids[r]
    return atts
