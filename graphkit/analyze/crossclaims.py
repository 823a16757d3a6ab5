"""Claims across articles: one claim reported by several outlets.

The resolve stage groups statements into claims *per article*.  Here the
per-article claims of a projection are linked when their texts are
near-paraphrases: cosine of sentence vectors (the multilingual encoder of
:mod:`graphkit.resolve.encoder`, so an Indonesian and an English report of
the same claim meet; without it a lexical bag-of-words cosine) at least
``threshold``, plus two guards: texts that both carry numbers must share
one, and texts that both carry names (capitalised words, acronyms) must
share one unless the cosine is at least ``strong``.  Linked claims form a
:class:`ClaimCluster` (connected components, single linkage) that knows its
articles, outlets, the original sources on each side (relays collapsed as in
:func:`graphkit.analyze.claims.claim_reports`; an outlet whose own article is
in the cluster is a relay too) and whether outlets disagree.

Texts are encoded in one batch and compared with one matrix product per
block of rows, so a few thousand statements take seconds.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for art, out, c, text, src, pol in [("a1", "o1", "c1", "Prices rose 5 percent", "p", "asserts"),
...                                     ("a2", "o2", "c2", "prices rose 5 percent", "q", "denies")]:
...     G.add_node(out, type="outlet", label=out.upper())
...     G.add_node(art, type="article", label=art, outlet=out, date="")
...     G.add_node(src, type="person", label=src)
...     G.add_node(c, type="claim", label=text, text=text, article=art)
...     G.add_node("s" + c, type="statement", text=text, article=art, mention="m" + c,
...                source=src, via=[], polarity=pol)
...     _ = G.add_edge("s" + c, c, relation=pol)
>>> (k,) = link_claims(G, encoder=False)
>>> k.outlets, k.contested_across_outlets, k.independent("asserts")
(['O1', 'O2'], True, 1)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence, Union

import networkx as nx

from graphkit.analyze.claims import SIDES, ClaimReport, SourceRef, _collapse_members, claim_reports

Encoder = Callable[[list[str]], Sequence[Sequence[float]]]

THRESHOLD = 0.6          # encoder cosine (measured: paraphrases 0.69-0.94, unrelated <= 0.37)
LEXICAL_THRESHOLD = 0.5  # bag-of-words cosine when no encoder is available
STRONG = 0.8             # above this, texts need not share a name
NEIGHBOURS = 20          # most similar texts kept per text (bounds the work on dense data)
MIN_WORDS = 4            # shorter statement texts ("This is fake news") are not compared

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class ClaimCluster:
    """Per-article claims that state the same thing in several articles."""

    id: str
    text: str                                   # text of the earliest claim
    claims: list[str]                           # per-article claim node ids
    texts: list[str]
    articles: list[str]
    outlets: list[str]                          # labels
    sides: dict[str, list[str]]                 # side -> outlet labels reporting that side
    original: dict[str, list[SourceRef]]        # side -> independent original sources
    relays: list[str]
    similarity: float                           # lowest link similarity that joined it
    first_seen: str = ""

    @property
    def contested(self) -> bool:
        """Some statement asserts it and some statement denies it."""
        return bool(self.sides["asserts"]) and bool(self.sides["denies"])

    @property
    def contested_across_outlets(self) -> bool:
        """Some outlet reports the claim asserted and another outlet reports it denied."""
        a, d = set(self.sides["asserts"]), set(self.sides["denies"])
        return bool(a) and bool(d) and any(x != y for x in a for y in d)

    def independent(self, side: str = "asserts") -> int:
        """Number of independent original sources on a side."""
        return len(self.original[side])

    def as_dict(self) -> dict:
        return {
            "id": self.id, "text": self.text, "claims": self.claims, "texts": self.texts,
            "articles": self.articles, "outlets": self.outlets,
            "outlets_by_side": self.sides,
            "contested": self.contested, "contested_across_outlets": self.contested_across_outlets,
            "independent_sources": {s: self.independent(s) for s in SIDES},
            "origin": {s: [r.as_dict() for r in self.original[s]] for s in SIDES},
            "relays": self.relays, "similarity": round(self.similarity, 3),
            "first_seen": self.first_seen,
        }


# ---------------------------------------------------------------------------
# texts and vectors

def _texts(G: nx.MultiDiGraph, claim: str) -> list[str]:
    """The claim text and the longer statement texts about it (distinct)."""
    out: list[str] = []
    main = " ".join(str(G.nodes[claim].get("text") or "").split())
    if main:
        out.append(main)
    for stmt, _, d in G.in_edges(claim, data=True):
        if d.get("relation") not in SIDES:
            continue
        t = " ".join(str(G.nodes[stmt].get("text") or "").split())
        if t and t not in out and len(_WORD.findall(t)) >= MIN_WORDS:
            out.append(t)
    return out


def _names(text: str) -> set[str]:
    """Capitalised words after the first word, and acronyms (language-neutral)."""
    words = _WORD.findall(text)
    return {w.casefold() for i, w in enumerate(words)
            if len(w) > 1 and w[0].isupper() and not w.isdigit() and (i > 0 or w.isupper())}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in _NUM.findall(text)}


def guard(a: str, b: str, sim: float, strong: float = STRONG) -> bool:
    """Whether two similar texts may be linked: shared number when both have
    numbers; shared name when both have names (unless ``sim >= strong``).

    >>> guard("rice rose 10 percent", "rice rose 20 percent", 0.83)
    False
    >>> guard("Ann Lee won in Bogor", "Ann Lee menang di Bogor", 0.7)
    True
    """
    return _guard((_numbers(a), _names(a)), (_numbers(b), _names(b)), sim, strong)


def _guard(fa, fb, sim: float, strong: float = STRONG) -> bool:
    (na, ma), (nb, mb) = fa, fb
    if na and nb and not na & nb:
        return False
    if ma and mb and not ma & mb and sim < strong:
        return False
    return True


def _lexical(texts: list[str]):
    import numpy as np

    vocab: dict[str, int] = {}
    rows = []
    for t in texts:
        bag: dict[int, float] = {}
        for w in _WORD.findall(t.casefold()):
            if len(w) > 2 or w.isdigit():
                j = vocab.setdefault(w, len(vocab))
                bag[j] = bag.get(j, 0.0) + 1.0
        rows.append(bag)
    mat = np.zeros((len(texts), max(len(vocab), 1)), dtype=np.float32)
    for i, bag in enumerate(rows):
        for j, v in bag.items():
            mat[i, j] = v
    return mat


def _vectors(texts: list[str], encoder) -> tuple[object, bool]:
    """Unit row vectors of ``texts`` and whether they come from an encoder."""
    import numpy as np

    mat = None
    semantic = False
    if encoder is not False and texts:
        try:
            if encoder is None:
                from graphkit.resolve.encoder import default_vectors

                wv = default_vectors()
                if wv is not None:
                    wv.prepare(texts)
                    if all(t in wv.cache for t in texts):
                        mat = np.stack([wv.cache[t] for t in texts])
            else:
                mat = np.asarray(encoder(texts), dtype=np.float32)
            semantic = mat is not None
        except Exception:  # noqa: BLE001 - fall back to words
            mat, semantic = None, False
    if mat is None:
        mat = _lexical(texts)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1.0, norms), semantic


# ---------------------------------------------------------------------------

class _Union:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def similar_pairs(texts: list[str], owners: list[str], threshold: Optional[float] = None,
                  encoder: Union[Encoder, None, bool] = None, block: int = 1024,
                  neighbours: int = NEIGHBOURS) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, cosine)`` of texts of different owners at least
    ``threshold`` apart that pass :func:`guard`; each text keeps at most its
    ``neighbours`` most similar texts.  ``encoder``: None for the default
    encoder, False for words only, or a callable.

    >>> similar_pairs(["the dam failed today", "the dam failed today", "cats"], ["a", "b", "c"],
    ...               encoder=False)
    [(0, 1, 1.0)]
    """
    import numpy as np

    if len(texts) < 2:
        return []
    V, semantic = _vectors(texts, encoder)
    if threshold is None:
        threshold = THRESHOLD if semantic else LEXICAL_THRESHOLD
    codes: dict[str, int] = {}
    own = np.asarray([codes.setdefault(o, len(codes)) for o in owners])
    feats: dict[int, tuple] = {}

    def feat(i: int):
        f = feats.get(i)
        if f is None:
            f = feats[i] = (_numbers(texts[i]), _names(texts[i]))
        return f

    found: dict[tuple[int, int], float] = {}
    k = min(neighbours, len(texts))
    for s in range(0, len(texts), block):
        S = V[s:s + block] @ V.T
        S[own[s:s + block, None] == own[None, :]] = -1.0      # same article: never
        top = np.argpartition(-S, k - 1, axis=1)[:, :k] if k < len(texts) else \
            np.tile(np.arange(len(texts)), (S.shape[0], 1))
        for i, row in enumerate(top):
            gi = s + i
            for j in row.tolist():
                sim = float(S[i, j])
                if sim < threshold or (min(gi, j), max(gi, j)) in found:
                    continue
                if _guard(feat(gi), feat(j), sim):
                    found[(min(gi, j), max(gi, j))] = round(min(sim, 1.0), 4)
    return sorted((i, j, v) for (i, j), v in found.items())


def link_claims(G: nx.MultiDiGraph, threshold: Optional[float] = None,
                encoder: Union[Encoder, None, bool] = None,
                reports: Optional[list[ClaimReport]] = None) -> list[ClaimCluster]:
    """Clusters of per-article claims of ``G`` that are near-paraphrases of
    each other in different articles (clusters of one article are left out),
    most independent sources first.  ``threshold``: cosine needed (default
    :data:`THRESHOLD` with the encoder, :data:`LEXICAL_THRESHOLD` without);
    ``encoder``: None (default encoder), False (words only) or a callable.

    >>> link_claims(nx.MultiDiGraph())
    []
    """
    claims = [c for c, d in G.nodes(data=True) if d.get("type") == "claim"]
    if len({G.nodes[c].get("article") for c in claims}) < 2:
        return []
    texts: list[str] = []
    owner_claim: list[str] = []
    owner_article: list[str] = []
    for c in claims:
        for t in _texts(G, c):
            texts.append(t)
            owner_claim.append(c)
            owner_article.append(str(G.nodes[c].get("article", c)))
    uf = _Union(claims)
    link_sim: dict[str, float] = {}
    for i, j, sim in similar_pairs(texts, owner_article, threshold=threshold, encoder=encoder):
        a, b = owner_claim[i], owner_claim[j]
        uf.join(a, b)
        for c in (a, b):
            link_sim[c] = min(link_sim.get(c, 1.0), sim) if c in link_sim else sim
    groups: dict[str, list[str]] = {}
    for c in claims:
        groups.setdefault(uf.find(c), []).append(c)
    by_id = {r.id: r for r in (reports if reports is not None else claim_reports(G))}
    out = [_cluster(G, members, by_id, link_sim) for members in groups.values()
           if len({G.nodes[c].get("article") for c in members}) > 1]
    out.sort(key=lambda k: (-k.independent("asserts") - k.independent("denies"), -len(k.outlets), k.id))
    return out


def _outlet_label(G: nx.MultiDiGraph, article: str) -> str:
    o = G.nodes[article].get("outlet") if article in G else None
    return str(G.nodes[o].get("label", o)) if o and o in G else "?"


def _cluster(G, members: list[str], by_id: dict[str, ClaimReport], link_sim: dict) -> ClaimCluster:
    def when(c):
        a = G.nodes[c].get("article", "")
        return (str(G.nodes[a].get("date", "")) if a in G else "") or "~", c

    members = sorted(members, key=when)
    articles = sorted({str(G.nodes[c].get("article", "")) for c in members})
    own_outlets = {G.nodes[a].get("outlet") for a in articles if a in G} - {None}
    sides: dict[str, set[str]] = {s: set() for s in SIDES}
    original: dict[str, dict[str, SourceRef]] = {s: {} for s in SIDES}
    relays: set[str] = set()
    for c in members:
        for stmt, _, d in G.in_edges(c, data=True):
            if d.get("relation") in SIDES:
                sides[d["relation"]].add(_outlet_label(G, G.nodes[stmt].get("article", "")))
        rep = by_id.get(c)
        if rep is None:
            continue
        relays.update(rep.relays)
        for side in SIDES:
            for r in rep.original[side]:
                if r.id in own_outlets:      # an outlet whose own report is in the cluster
                    relays.add(r.label)
                    continue
                ref = original[side].get(r.id)
                if ref is None:
                    ref = original[side][r.id] = SourceRef(r.id, r.label, r.type, r.anonymous)
                ref.statements.extend(r.statements)
                ref.paths.extend(r.paths)
                ref.merged.extend(m for m in r.merged if m not in ref.merged)
    dates = sorted(d for d in (str(G.nodes[a].get("date", "")) for a in articles if a in G) if d)
    texts = [str(G.nodes[c].get("text", "")) for c in members]
    return ClaimCluster(
        id=members[0], text=texts[0], claims=members, texts=texts, articles=articles,
        outlets=sorted({_outlet_label(G, a) for a in articles}),
        sides={s: sorted(v) for s, v in sides.items()},
        original={s: _collapse_members(G, list(original[s].values())) for s in SIDES},
        relays=sorted(relays), similarity=min((link_sim.get(c, 1.0) for c in members), default=1.0),
        first_seen=dates[0] if dates else "")


__all__ = ["ClaimCluster", "link_claims", "similar_pairs", "guard", "THRESHOLD", "LEXICAL_THRESHOLD"]
