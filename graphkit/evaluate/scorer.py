"""The scoring protocol of ``../shared/eval/README.md``, as pure functions.

No I/O here: documents come in as text plus gold and predicted
:class:`Item` lists (offsets only), scores come out as counts that add up
over a corpus (micro-average).

>>> text = "Ann said it rains."
>>> gold = [Item(cue=(4, 8), content=((9, 17),), source=(0, 3))]
>>> doc = score_document(text, gold, gold)
>>> aggregate([doc]).attribution.f1
1.0
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

Interval = tuple[int, int]
Pieces = tuple[Interval, ...]       # a span: sorted, merged, non-empty intervals

ROLES = ("source", "cue", "content")
STRIP = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000" \
    "\"“”„‘’'«»,.:;"
_TOKEN = re.compile(r"\w+")


def _pieces(value) -> tuple[Interval, ...]:
    """Accept ``(start, end)`` or a list of them; return a tuple of intervals."""
    if value is None:
        return ()
    if len(value) == 2 and all(isinstance(v, int) for v in value):
        return ((int(value[0]), int(value[1])),)
    return tuple((int(s), int(e)) for s, e in value)


@dataclass(frozen=True)
class Item:
    """One attribution as offsets; each role may have several pieces.

    ``cue``, ``content`` and ``source`` take ``(start, end)`` or a sequence
    of them (stored as tuples of intervals).  ``entity`` and ``via`` are only
    used for chain checks (gold side); ``required=False`` marks an optional
    gold item.

    >>> Item(cue=(4, 8), content=[(9, 12), (14, 17)]).content
    ((9, 12), (14, 17))
    >>> Item(cue=(4, 8), content=(9, 17)).source is None
    True
    """

    cue: tuple[Interval, ...]
    content: tuple[Interval, ...]
    source: Optional[tuple[Interval, ...]] = None
    required: bool = True
    id: str = ""
    entity: Optional[str] = None
    via: tuple[str, ...] = ()
    facts: tuple[tuple[str, object], ...] = ()     # gold attributes: stance, certainty, direct, type, anonymous

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue", _pieces(self.cue))
        object.__setattr__(self, "content", _pieces(self.content))
        object.__setattr__(self, "source", _pieces(self.source) or None)
        object.__setattr__(self, "via", tuple(self.via))


# --------------------------------------------------------------------------- spans

def normalise(text: str, start: int, end: int) -> Interval:
    """Strip white space and ``" “ ” „ ‘ ’ ' « » , . : ;`` from both ends;
    a span that would become empty keeps its bounds.

    >>> t = '“Yes,” he said: ok'
    >>> normalise(t, 0, 6), normalise(t, 14, 15)
    ((1, 4), (14, 15))
    """
    s, e = max(0, start), min(len(text), end)
    while s < e and (text[s] in STRIP or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in STRIP or text[e - 1].isspace()):
        e -= 1
    return (s, e) if s < e else (start, end)


def merge(intervals: Iterable[Interval]) -> Pieces:
    """Sorted, merged intervals (a set of character positions).

    >>> merge([(5, 8), (0, 3), (2, 4), (8, 9)])
    ((0, 4), (5, 9))
    """
    ivs = [i for i in intervals if i[1] > i[0]]
    if len(ivs) <= 1:
        return tuple(ivs)
    out: list[list[int]] = []
    for s, e in sorted(ivs):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


def span_of(text: str, intervals: Iterable[Interval]) -> Pieces:
    """Normalise each piece, then join them into one position set.

    >>> span_of('say: "a b", ok', [(5, 11)])
    ((6, 9),)
    """
    return merge(normalise(text, s, e) for s, e in intervals)


def tokens(text: str, span: Pieces) -> frozenset[Interval]:
    """``\\w+`` matches inside the span, identified by document position.

    >>> sorted(tokens("ab cd ef", ((0, 4),)))
    [(0, 2), (3, 4)]
    """
    return frozenset((m.start(), m.end()) for s, e in span for m in _TOKEN.finditer(text, s, e))


def overlaps(a: Pieces, b: Pieces) -> bool:
    """True when two spans share a character.

    >>> overlaps(((0, 3),), ((2, 5),)), overlaps(((0, 2),), ((2, 5),))
    (True, False)
    """
    return shared(a, b) > 0


def shared(a: Pieces, b: Pieces) -> int:
    """Number of character positions two spans share.

    >>> shared(((0, 3), (5, 9)), ((2, 6),))
    2
    """
    n = 0
    for s1, e1 in a:
        for s2, e2 in b:
            n += max(0, min(e1, e2) - max(s1, s2))
    return n


def jaccard(ta: frozenset, tb: frozenset, a: Pieces, b: Pieces) -> float:
    """Token-level Jaccard; spans without tokens (a bare ``:``) score 1 when
    they cover the same characters, else 0.

    >>> jaccard(frozenset({1, 2}), frozenset({2, 3}), (), ((0, 1),))
    0.3333333333333333
    """
    union = len(ta | tb)
    if union == 0:
        return 1.0 if a == b else 0.0
    return len(ta & tb) / union


def token_f1(ta: frozenset, tb: frozenset, a: Pieces, b: Pieces) -> float:
    """Token-level F1 (Dice) of two token sets, same convention as :func:`jaccard`.

    >>> token_f1(frozenset({1, 2}), frozenset({2, 3}), (), ())
    0.5
    """
    total = len(ta) + len(tb)
    if total == 0:
        return 1.0 if a == b else 0.0
    return 2 * len(ta & tb) / total


def prf(tp: float, n_pred: float, n_gold: float, p_sum: Optional[float] = None,
        r_sum: Optional[float] = None) -> "PRF":
    """P/R/F1 from counts; empty denominators give 0 unless both are empty.

    >>> prf(1, 2, 4)
    PRF(p=0.5, r=0.25, f1=0.3333333333333333)
    >>> prf(0, 0, 0).f1
    1.0
    """
    if n_pred == 0 and n_gold == 0:
        return PRF(1.0, 1.0, 1.0)
    p = (tp if p_sum is None else p_sum) / n_pred if n_pred else 0.0
    r = (tp if r_sum is None else r_sum) / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f)


@dataclass(frozen=True)
class PRF:
    """Precision, recall, F1."""

    p: float
    r: float
    f1: float

    def as_dict(self) -> dict:
        return {"p": self.p, "r": self.r, "f1": self.f1}


# --------------------------------------------------------------------------- roles

@dataclass
class RoleCounts:
    """Additive counts for one role: exact hits and pooled overlap scores."""

    n_pred: int = 0
    n_gold: int = 0
    exact: int = 0
    p_sum: float = 0.0       # sum over predicted spans of best Jaccard with gold
    r_sum: float = 0.0       # sum over gold spans of best Jaccard with predictions

    def add(self, other: "RoleCounts") -> None:
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        self.exact += other.exact
        self.p_sum += other.p_sum
        self.r_sum += other.r_sum

    def exact_prf(self) -> PRF:
        return prf(self.exact, self.n_pred, self.n_gold)

    def overlap_prf(self) -> PRF:
        return prf(0, self.n_pred, self.n_gold, self.p_sum, self.r_sum)


def _role_spans(text: str, items: Sequence[Item], role: str) -> set[Pieces]:
    out: set[Pieces] = set()
    for it in items:
        if role == "source":
            if it.source is None:
                continue
            sp = span_of(text, it.source)
        elif role == "cue":
            sp = span_of(text, it.cue)
        else:
            sp = span_of(text, it.content)
        if sp:
            out.add(sp)
    return out


def score_role(text: str, gold: Sequence[Item], pred: Sequence[Item], role: str) -> RoleCounts:
    """Exact and overlap counts for one role in one document.

    Optional gold spans are not gold; a predicted span that matches an optional
    span better than any required one is left out.

    >>> t = "Ann said it rains."
    >>> g = [Item(cue=(4, 8), content=((9, 17),))]
    >>> p = [Item(cue=(4, 8), content=((9, 11),))]
    >>> c = score_role(t, g, p, "content")
    >>> c.exact, c.p_sum, c.r_sum
    (0, 0.5, 0.5)
    """
    req = _role_spans(text, [g for g in gold if g.required], role)
    opt = _role_spans(text, [g for g in gold if not g.required], role) - req
    preds = _role_spans(text, pred, role)
    tok = {sp: tokens(text, sp) for sp in req | opt | preds}
    opt_best = _Best(opt, tok)
    req_best = _Best(req, tok)
    kept = [sp for sp in preds if not (opt and opt_best(sp) > req_best(sp))]
    kept_best = _Best(kept, tok)
    c = RoleCounts(n_pred=len(kept), n_gold=len(req))
    c.exact = sum(1 for sp in kept if sp in req)
    c.p_sum = sum(req_best(sp)[1] for sp in kept)
    c.r_sum = sum(kept_best(sp)[1] for sp in req)
    return c


class _Best:
    """Best (exact, Jaccard) of a span against a set of spans, through a
    token index: spans that share no token have Jaccard 0 unless equal."""

    def __init__(self, spans: Iterable[Pieces], tok: dict[Pieces, frozenset]) -> None:
        self.spans = set(spans)
        self.tok = tok
        self.index: dict[Interval, list[Pieces]] = {}
        for sp in self.spans:
            for t in tok[sp]:
                self.index.setdefault(t, []).append(sp)

    def __call__(self, sp: Pieces) -> tuple[bool, float]:
        if sp in self.spans:
            return (True, 1.0)
        mine = self.tok[sp]
        cands = {o for t in mine for o in self.index.get(t, ())}
        return (False, max((jaccard(mine, self.tok[o], sp, o) for o in cands), default=0.0))


# --------------------------------------------------------------------------- attributions

@dataclass
class Match:
    """A matched pair (indices into the gold and predicted lists)."""

    gold: int
    pred: int
    content_f1: float


@dataclass
class DocScore:
    """Everything scored for one document (counts add up over a corpus)."""

    name: str
    roles: dict[str, RoleCounts]
    tp: int                      # matched required gold items
    n_pred: int                  # predictions, minus those matching optional gold
    n_gold: int                  # required gold items
    matches: list[Match] = field(default_factory=list)
    optional_matches: list[Match] = field(default_factory=list)
    misses: list[int] = field(default_factory=list)        # required gold indices
    false_positives: list[int] = field(default_factory=list)  # prediction indices


@dataclass
class _Prepared:
    cue: Pieces
    content: Pieces
    source: Optional[Pieces]
    content_tokens: frozenset


def _prepare(text: str, it: Item) -> _Prepared:
    content = span_of(text, it.content)
    src = span_of(text, it.source) if it.source is not None else None
    return _Prepared(span_of(text, it.cue), content, src or None, tokens(text, content))


def pair_quality(g: _Prepared, p: _Prepared) -> Optional[tuple[float, int]]:
    """(content F1, cue overlap) when the pair may match, else None."""
    cue_shared = shared(g.cue, p.cue)
    if cue_shared == 0:
        return None
    if g.source is not None and (p.source is None or not overlaps(g.source, p.source)):
        return None
    f1 = token_f1(g.content_tokens, p.content_tokens, g.content, p.content)
    if f1 < 0.5:
        return None
    return f1, cue_shared


def _greedy(golds: list[int], preds: set[int], gp: list[_Prepared], pp: list[_Prepared]) -> list[Match]:
    # content F1 >= 0.5 needs a shared token (or two token-less contents)
    index: dict[Interval, set[int]] = {}
    tokenless = set()
    for pi in preds:
        if not pp[pi].content_tokens:
            tokenless.add(pi)
        for t in pp[pi].content_tokens:
            index.setdefault(t, set()).add(pi)
    cands = []
    for gi in golds:
        toks = gp[gi].content_tokens
        near = set().union(*(index.get(t, ()) for t in toks)) if toks else tokenless
        for pi in sorted(near):
            q = pair_quality(gp[gi], pp[pi])
            if q is not None:
                cands.append((-q[0], -q[1], gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for f1, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append(Match(gi, pi, -f1))
    return out


def score_document(text: str, gold: Sequence[Item], pred: Sequence[Item], name: str = "") -> DocScore:
    """Role and attribution counts for one document.

    >>> t = "Ann said it rains. Bob said no."
    >>> g = [Item(cue=(4, 8), content=((9, 17),), source=(0, 3)),
    ...      Item(cue=(23, 27), content=((28, 30),), source=(19, 22), required=False)]
    >>> p = [Item(cue=(4, 8), content=((9, 14),), source=(0, 3)),
    ...      Item(cue=(23, 27), content=((28, 30),), source=(19, 22))]
    >>> d = score_document(t, g, p)
    >>> d.tp, d.n_pred, d.n_gold, d.roles["source"].exact
    (1, 1, 1, 1)
    """
    gp = [_prepare(text, g) for g in gold]
    pp = [_prepare(text, p) for p in pred]
    required = [i for i, g in enumerate(gold) if g.required]
    optional = [i for i, g in enumerate(gold) if not g.required]
    free = set(range(len(pred)))
    matches = _greedy(required, free, gp, pp)
    free -= {m.pred for m in matches}
    opt_matches = _greedy(optional, free, gp, pp) if optional else []
    free -= {m.pred for m in opt_matches}
    matched_gold = {m.gold for m in matches}
    return DocScore(
        name=name,
        roles={r: score_role(text, gold, pred, r) for r in ROLES},
        tp=len(matches),
        n_pred=len(pred) - len(opt_matches),
        n_gold=len(required),
        matches=matches,
        optional_matches=opt_matches,
        misses=[i for i in required if i not in matched_gold],
        false_positives=sorted(free),
    )


# --------------------------------------------------------------------------- corpus

@dataclass
class Scores:
    """Micro-averaged corpus scores."""

    documents: int
    attribution: PRF
    roles: dict[str, dict[str, PRF]]
    counts: dict[str, dict[str, float]]

    def as_dict(self) -> dict:
        """The ``--json`` shape (plus counts)."""
        out: dict = {"documents": self.documents, "attribution": self.attribution.as_dict()}
        for r in ROLES:
            out[r] = {k: v.as_dict() for k, v in self.roles[r].items()}
        out["counts"] = self.counts
        return out


def aggregate(docs: Sequence[DocScore]) -> Scores:
    """Micro-average: sum counts; pool per-span overlap scores.

    >>> aggregate([]).attribution.f1
    1.0
    """
    tp = sum(d.tp for d in docs)
    n_pred = sum(d.n_pred for d in docs)
    n_gold = sum(d.n_gold for d in docs)
    roles: dict[str, dict[str, PRF]] = {}
    counts: dict[str, dict[str, float]] = {"attribution": {"tp": tp, "pred": n_pred, "gold": n_gold}}
    for r in ROLES:
        c = RoleCounts()
        for d in docs:
            c.add(d.roles[r])
        roles[r] = {"exact": c.exact_prf(), "overlap": c.overlap_prf()}
        counts[r] = {"exact": c.exact, "pred": c.n_pred, "gold": c.n_gold}
    return Scores(len(docs), prf(tp, n_pred, n_gold), roles, counts)
