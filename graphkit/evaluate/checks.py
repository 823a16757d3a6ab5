"""Article-level checks for the gold format: metadata fields and source chains.

Pure functions; the outlet alias table is passed in (see
:func:`graphkit.evaluate.outlet_aliases`).

>>> compare_metadata({"outlet": "X", "authors": ["A"]}, {"outlet": "X", "authors": []})
[FieldCheck(name='outlet', gold='X', predicted='X', ok=True), FieldCheck(name='authors', gold=['A'], predicted=[], ok=False)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from graphkit.evaluate.scorer import Item, Pieces, overlaps, span_of


@dataclass(frozen=True)
class FieldCheck:
    """One metadata field: gold value, graphkit's value, equal or not."""

    name: str
    gold: object
    predicted: object
    ok: bool


def compare_metadata(gold: Mapping, predicted: Mapping) -> list[FieldCheck]:
    """Compare every field of the gold ``metadata`` object (lists as lists).

    >>> compare_metadata({"dateline": "Moskwa"}, {})[0].ok
    False
    """
    out = []
    for name, gval in gold.items():
        pval = predicted.get(name)
        if isinstance(gval, list):
            ok = isinstance(pval, list) and [_clean(x) for x in gval] == [_clean(x) for x in pval]
        else:
            ok = _clean(gval) == _clean(pval)
        out.append(FieldCheck(name, gval, pval, ok))
    return out


def _clean(v: object) -> object:
    return " ".join(v.split()) if isinstance(v, str) else v


def name_key(name: Optional[str], aliases: Mapping[str, str]) -> str:
    """Comparison key of a name: case-insensitive, a leading "the" ignored,
    outlet aliases mapped to their canonical name.

    >>> name_key("the  Daily Planet", {"daily planet": "planet"})
    'planet'
    """
    if not name:
        return ""
    k = re.sub(r"^the\s+", "", " ".join(name.split()).casefold())
    return aliases.get(k, k)


@dataclass(frozen=True)
class PredictedChain:
    """One resolved attribution seen as a chain: outlet, via labels, source."""

    labels: tuple[str, ...]          # [article outlet, *via, source label]
    source: Optional[Pieces] = None  # normalised source span
    attribution: str = ""


@dataclass(frozen=True)
class ChainCheck:
    """A gold chain and whether graphkit found it (and through which attribution)."""

    gold: tuple[str, ...]
    found: bool
    by: str = ""


def check_chains(text: str, gold_chains: Sequence[Sequence[str]], gold_items: Sequence[Item],
                 predicted: Sequence[PredictedChain], aliases: Mapping[str, str]) -> list[ChainCheck]:
    """A gold chain ``[outlet, intermediary..., source]`` is found when a
    predicted chain has the same outlet and intermediaries and ends at a source
    whose label matches the gold entity or whose span overlaps the gold source
    span (of a gold attribution with that entity).

    >>> t = "Ann said it rains."
    >>> g = [Item(cue=(4, 8), content=(9, 17), source=(0, 3), entity="Ann Lee")]
    >>> p = [PredictedChain(("Planet", "Ann"), ((0, 3),), "a1")]
    >>> check_chains(t, [["Planet", "Ann Lee"]], g, p, {})[0].found
    True
    """
    out = []
    for chain in gold_chains:
        if not chain:
            continue
        keys = [name_key(x, aliases) for x in chain]
        spans = _gold_source_spans(text, keys, gold_items, aliases)
        hit = ""
        for pc in predicted:
            pk = [name_key(x, aliases) for x in pc.labels]
            if len(pk) != len(keys) or pk[:-1] != keys[:-1]:
                continue
            if pk[-1] == keys[-1] or (pc.source and any(overlaps(pc.source, s) for s in spans)):
                hit = pc.attribution or "?"
                break
        out.append(ChainCheck(tuple(chain), bool(hit), hit))
    return out


def _gold_source_spans(text: str, keys: list[str], items: Sequence[Item], aliases: Mapping[str, str]) -> list[Pieces]:
    """Source spans of gold items with the chain's entity, preferring those
    with the chain's intermediaries."""
    same = [it for it in items if it.source and name_key(it.entity, aliases) == keys[-1]]
    via = [it for it in same if [name_key(v, aliases) for v in it.via] == keys[1:-1]]
    return [span_of(text, it.source) for it in (via or same) if it.source]


# --------------------------------------------------------------------------- claims

@dataclass(frozen=True)
class ClaimPairs:
    """Pairwise claim-grouping counts for one document (they add up over a corpus).

    Only *matched* attributions take part: the pairs (gold item, prediction)
    that the protocol's attribution matching paired (required and optional
    gold items alike).  For every two matched attributions, the gold says
    "same claim" when both gold items are listed in one gold claim (items in
    no claim are singletons); the prediction says "same claim" when both
    predictions carry the same ``Attribution.claim`` (None is a singleton).

    - ``tp``: pairs that share a claim in gold and in the prediction;
    - ``pred``: pairs that share a claim in the prediction;
    - ``gold``: pairs that share a claim in gold.

    Precision = tp / pred, recall = tp / gold (both 1 when both are 0).
    ``missed`` and ``spurious`` name the pairs by their gold ids.
    """

    tp: int = 0
    pred: int = 0
    gold: int = 0
    missed: tuple[tuple[str, str], ...] = ()
    spurious: tuple[tuple[str, str], ...] = ()


def gold_claim_of(claims: Sequence[Mapping]) -> dict[str, str]:
    """Gold item id -> gold claim id, from the gold ``claims`` list.

    >>> gold_claim_of([{"id": "C1", "attributions": ["A1", "A2"]}, {"id": "C2", "attributions": ["A3"]}])
    {'A1': 'C1', 'A2': 'C1', 'A3': 'C2'}
    """
    out: dict[str, str] = {}
    for n, c in enumerate(claims or []):
        if not isinstance(c, Mapping):
            continue
        cid = str(c.get("id", f"claim{n + 1}"))
        for a in c.get("attributions") or []:
            out.setdefault(str(a), cid)
    return out


def check_claims(gold_claim: Mapping[str, str], matched: Sequence[tuple[str, Optional[str]]]) -> ClaimPairs:
    """Pairwise comparison of claim groupings over matched attributions.

    ``gold_claim`` maps gold item ids to gold claim ids (see
    :func:`gold_claim_of`); ``matched`` lists, for every matched pair, the
    gold item id and the predicted claim id of its prediction.

    >>> g = {"A1": "C1", "A2": "C1", "A3": "C1"}
    >>> r = check_claims(g, [("A1", "c1"), ("A2", "c1"), ("A3", "c2"), ("A4", "c2")])
    >>> r.tp, r.pred, r.gold, r.missed, r.spurious
    (1, 2, 3, (('A1', 'A3'), ('A2', 'A3')), (('A3', 'A4'),))
    """
    tp = n_pred = n_gold = 0
    missed, spurious = [], []
    items = list(matched)
    for i in range(len(items)):
        gi, pi = items[i]
        for j in range(i + 1, len(items)):
            gj, pj = items[j]
            g_same = gold_claim.get(gi) is not None and gold_claim.get(gi) == gold_claim.get(gj)
            p_same = pi is not None and pi == pj
            tp += g_same and p_same
            n_gold += g_same
            n_pred += p_same
            if g_same and not p_same:
                missed.append((gi, gj))
            elif p_same and not g_same:
                spurious.append((gi, gj))
    return ClaimPairs(tp, n_pred, n_gold, tuple(missed), tuple(spurious))


# --------------------------------------------------------------------------- attributes

ATTRIBUTES = ("stance", "certainty", "direct", "type", "anonymous")


def predicted_facts(att, resolved: bool) -> dict[str, object]:
    """The attributes of a graphkit attribution under the gold file's names
    (source type and anonymity only once resolve has run).

    >>> from graphkit.records import Attribution, Span
    >>> predicted_facts(Attribution("a1", Span(0, 4, "said"), []), resolved=False)
    {'stance': 'asserts', 'certainty': 'certain', 'direct': False}
    """
    out: dict[str, object] = {"stance": att.stance, "certainty": att.certainty, "direct": att.direct}
    if resolved:
        ent = att.entity
        out["type"] = ent.type if ent is not None else "unspecified"
        out["anonymous"] = ent.anonymous if ent is not None else False
    return out


@dataclass
class AttributeChecks:
    """Right / compared counts per attribute over the matched attributions."""

    right: dict[str, int]
    compared: dict[str, int]
    wrong: list[tuple[str, str, object, object]]      # (gold id, attribute, gold, predicted)


def check_attributes(pairs: Sequence[tuple[str, Sequence[tuple[str, object]], Mapping[str, object]]]
                     ) -> AttributeChecks:
    """Compare gold attributes with predicted ones for matched attributions.

    ``pairs``: (gold id, gold facts, predicted facts).  An attribute counts
    only where both sides have it.

    >>> c = check_attributes([("A1", (("stance", "denies"), ("type", "person")), {"stance": "asserts"})])
    >>> c.right["stance"], c.compared["stance"], c.compared["type"], c.wrong
    (0, 1, 0, [('A1', 'stance', 'denies', 'asserts')])
    """
    right = {k: 0 for k in ATTRIBUTES}
    compared = {k: 0 for k in ATTRIBUTES}
    wrong = []
    for gid, gold, pred in pairs:
        for k, gv in gold:
            if k not in compared or k not in pred:
                continue
            compared[k] += 1
            if pred[k] == gv:
                right[k] += 1
            else:
                wrong.append((gid, k, gv, pred[k]))
    return AttributeChecks(right, compared, wrong)
