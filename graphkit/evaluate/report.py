"""Output of an evaluation: the JSON object, a readable table, the error
listing and predictions as JSON Lines.

>>> from graphkit.evaluate.scorer import aggregate
>>> from graphkit.evaluate import EvalResult
>>> sorted(to_json(EvalResult([], aggregate([])))["cue"])
['exact', 'overlap']
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from graphkit.evaluate.checks import gold_claim_of
from graphkit.evaluate.scorer import ROLES, Item, _prepare, overlaps, prf, shared, token_f1


def to_json(result) -> dict:
    """The ``--json`` object: scores, counts, and (gold format) metadata,
    chains and claims (:func:`claims_json`)."""
    out = result.scores.as_dict()
    metas = [(r.doc.name, m) for r in result.docs if r.metadata is not None for m in r.metadata]
    if metas:
        out["metadata"] = {
            "right": sum(m.ok for _, m in metas), "wrong": sum(not m.ok for _, m in metas),
            "fields": {(f"{d}:{m.name}" if len(result.docs) > 1 else m.name):
                       {"ok": m.ok, "gold": m.gold, "predicted": m.predicted} for d, m in metas},
        }
    chains = [c for r in result.docs if r.chains is not None for c in r.chains]
    if any(r.doc.chains is not None for r in result.docs):
        checked = any(r.chains is not None for r in result.docs)
        out["chains"] = {"found": sum(c.found for c in chains) if checked else None,
                         "gold": sum(len(r.doc.chains or []) for r in result.docs),
                         "checked": checked,
                         "missed": [list(c.gold) for c in chains if not c.found] if checked else None}
    claims = claims_json(result)
    if claims is not None:
        out["claims"] = claims
    failed = {r.doc.name: r.error for r in result.docs if r.error}
    if failed:
        out["failed"] = failed
    if result.notes:
        out["notes"] = result.notes
    attrs = attributes_json(result)
    if attrs is not None:
        out["attributes"] = attrs
    out["conventions"] = getattr(result, "conventions", "graphkit")
    out["seconds"] = {k: round(v, 3) for k, v in result.seconds.items()}
    return out


def claims_json(result) -> Optional[dict]:
    """The ``claims`` object of ``--json``: pairwise precision, recall and
    F1 of claim grouping over matched attributions, micro-averaged over the
    documents that have gold claims (see
    :class:`graphkit.evaluate.checks.ClaimPairs` for the definition), with the
    counts and the wrong pairs by gold id (``doc:A1+A2``); None when no
    document has gold claims.  ``unlisted`` counts the spurious pairs whose
    two attributions are in no gold claim (the gold lists only the main
    claims), ``p_listed`` is the precision without them.

    >>> from graphkit.evaluate.scorer import aggregate
    >>> from graphkit.evaluate import EvalResult
    >>> claims_json(EvalResult([], aggregate([]))) is None
    True
    """
    with_gold = [r for r in result.docs if r.doc.claims is not None]
    if not with_gold:
        return None
    checked = [r for r in with_gold if r.claims is not None]
    if not checked:
        return {"checked": False, "p": None, "r": None, "f1": None, "tp": None, "pred_pairs": None,
                "gold_pairs": None, "unlisted": None, "p_listed": None, "missed": None, "spurious": None}
    tp = sum(r.claims.tp for r in checked)
    n_pred = sum(r.claims.pred for r in checked)
    n_gold = sum(r.claims.gold for r in checked)
    score = prf(tp, n_pred, n_gold)
    # spurious pairs of two attributions that no gold claim lists: the gold
    # lists only the main claims, so such a pair may share a minor claim
    unlisted = 0
    for r in checked:
        listed = gold_claim_of(r.doc.claims or [])
        unlisted += sum(1 for a, b in r.claims.spurious if a not in listed and b not in listed)
    listed_p = prf(tp, n_pred - unlisted, n_gold).p
    many = len(result.docs) > 1
    name = lambda r, a, b: (f"{r.doc.name}:" if many else "") + f"{a}+{b}"  # noqa: E731
    return {"checked": True, "p": score.p, "r": score.r, "f1": score.f1,
            "tp": tp, "pred_pairs": n_pred, "gold_pairs": n_gold,
            "unlisted": unlisted, "p_listed": listed_p,
            "missed": [name(r, a, b) for r in checked for a, b in r.claims.missed],
            "spurious": [name(r, a, b) for r in checked for a, b in r.claims.spurious]}


def attributes_json(result) -> Optional[dict]:
    """The ``attributes`` object of ``--json``: for each attribute of a gold
    attribution (stance, certainty, direct, source type, anonymous), how many
    matched attributions graphkit got right, and the wrong ones by gold id;
    None when no gold has attributes.

    >>> from graphkit.evaluate.scorer import aggregate
    >>> from graphkit.evaluate import EvalResult
    >>> attributes_json(EvalResult([], aggregate([]))) is None
    True
    """
    checked = [r for r in result.docs if r.attributes is not None]
    if not checked:
        return None
    many = len(result.docs) > 1
    out: dict = {}
    for k in checked[0].attributes.right:
        n = sum(r.attributes.compared[k] for r in checked)
        if not n:
            continue
        out[k] = {"right": sum(r.attributes.right[k] for r in checked), "compared": n,
                  "wrong": [{"gold": (f"{r.doc.name}:" if many else "") + gid, "gold_value": g, "predicted": p}
                            for r in checked for gid, name, g, p in r.attributes.wrong if name == k]}
    return out


def table(result, title: str = "") -> str:
    """A readable table of the scores."""
    s = result.scores
    n = s.counts
    lines = [f"{title}{s.documents} document{'' if s.documents == 1 else 's'}", "",
             f"{'':12}{'exact':^24}  {'overlap':^24}  {'pred':>6} {'gold':>6}",
             f"{'role':12}" + "  ".join([f"{'P':>7} {'R':>7} {'F1':>7}"] * 2)]
    for role in ROLES:
        ex, ov = s.roles[role]["exact"], s.roles[role]["overlap"]
        lines.append(f"{role:12}{ex.p:7.3f} {ex.r:7.3f} {ex.f1:7.3f}  {ov.p:7.3f} {ov.r:7.3f} {ov.f1:7.3f}"
                     f"  {n[role]['pred']:>6} {n[role]['gold']:>6}")
    a = s.attribution
    lines += ["", f"{'attribution':12}{a.p:7.3f} {a.r:7.3f} {a.f1:7.3f}  "
              f"(matched {n['attribution']['tp']} of {n['attribution']['pred']} predicted, "
              f"{n['attribution']['gold']} gold)"]
    js = to_json(result)
    if "metadata" in js:
        m = js["metadata"]
        lines += ["", f"metadata: {m['right']} of {m['right'] + m['wrong']} fields right"]
        for name, f in m["fields"].items():
            if not f["ok"]:
                lines.append(f"  wrong {name}: gold {f['gold']!r}, graphkit {f['predicted']!r}")
    if "chains" in js:
        c = js["chains"]
        if not c["checked"]:
            lines += ["", f"chains: not checked ({c['gold']} gold)"]
        else:
            lines += ["", f"chains: {c['found']} of {c['gold']} found"]
            lines += [f"  missed: {' -> '.join(ch)}" for ch in c["missed"]]
    if "claims" in js:
        c = js["claims"]
        if not c["checked"]:
            lines += ["", "claims: not checked"]
        else:
            lines += ["", f"claims: pairwise P/R/F1 {c['p']:.3f} / {c['r']:.3f} / {c['f1']:.3f}  "
                      f"({c['tp']} of {c['pred_pairs']} predicted same-claim pairs right, "
                      f"{c['gold_pairs']} gold pairs)",
                      f"  {c['unlisted']} predicted pairs join attributions that no gold claim lists; "
                      f"precision without them {c['p_listed']:.3f}"]
    if js.get("attributes"):
        lines += ["", "attributes of matched attributions: " + ", ".join(
            f"{k} {v['right']}/{v['compared']}" for k, v in js["attributes"].items())]
    for name, err in js.get("failed", {}).items():
        lines.append(f"pipeline failed on {name}: {err}")
    lines += [f"note: {x}" for x in result.notes]
    sec = result.seconds
    if sec:
        lines += ["", "time: " + ", ".join(f"{k} {v:.2f} s" for k, v in sec.items())]
    return "\n".join(lines)


# --------------------------------------------------------------------------- errors

@dataclass
class ErrorCase:
    """A miss (gold item not found) or a false positive, with its nearest counterpart."""

    kind: str               # "miss" | "false positive"
    doc: str
    text: str
    item: Item
    closeness: float        # content token-F1 with the nearest counterpart (0 = nothing near)
    reason: str


def _why(g, p, text: str) -> str:
    """Every matching condition the nearest counterpart fails."""
    out = []
    if not shared(g.cue, p.cue):
        out.append("cues do not overlap")
    if g.source is not None and p.source is None:
        out.append("no source")
    elif g.source is not None and not overlaps(g.source, p.source):
        out.append("sources do not overlap")
    f1 = token_f1(g.content_tokens, p.content_tokens, g.content, p.content)
    if f1 < 0.5:
        out.append(f"content token-F1 {f1:.2f} < 0.5")
    return "; ".join(out) or "matched another item"


def _nearest(text: str, item: Item, others: list[Item], gold_side: bool) -> tuple[float, str]:
    me = _prepare(text, item)
    best, reason = 0.0, "nothing predicted nearby" if gold_side else "no gold attribution nearby"
    for o in others:
        op = _prepare(text, o)
        if not (overlaps(me.cue, op.cue) or overlaps(me.content, op.content)):
            continue
        f1 = token_f1(me.content_tokens, op.content_tokens, me.content, op.content)
        if f1 >= best:
            g, p = (me, op) if gold_side else (op, me)
            best, reason = f1, _why(g, p, text)
    return best, reason


def error_cases(result) -> tuple[list[ErrorCase], list[ErrorCase]]:
    """Misses and false positives, worst (nothing near) first."""
    misses, fps = [], []
    for r in result.docs:
        d, text = r.doc, r.doc.text
        for gi in r.score.misses:
            c, why = _nearest(text, d.items[gi], r.items, True)
            misses.append(ErrorCase("miss", d.name, text, d.items[gi], c, why))
        for pi in r.score.false_positives:
            c, why = _nearest(text, r.items[pi], d.items, False)
            fps.append(ErrorCase("false positive", d.name, text, r.items[pi], c, why))
    key = lambda e: (e.closeness, -sum(b - a for a, b in e.item.content))  # noqa: E731
    return sorted(misses, key=key), sorted(fps, key=key)


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """Bounds of the sentence(s) holding ``start..end`` (line breaks and
    ``. ! ?`` followed by white space end a sentence).

    >>> t = "One. Two said three. Four."
    >>> s, e = sentence_around(t, 9, 13); t[s:e]
    'Two said three.'
    """
    s = start
    lo = max(0, start - limit)
    while s > lo and not (text[s - 1] == "\n" or (text[s - 1].isspace() and s >= 2 and text[s - 2] in ".!?")):
        s -= 1
    e = end
    hi = min(len(text), end + limit)
    while e < hi and not (text[e] == "\n" or (text[e - 1] in ".!?" and text[e].isspace())):
        e += 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _show(text: str, ivs) -> str:
    t = " … ".join(text[a:b] for a, b in ivs)
    t = re.sub(r"\s+", " ", t)
    return t if len(t) <= 120 else t[:117] + "..."


def format_errors(result, n: int) -> str:
    """The ``n`` worst misses and ``n`` worst false positives, each with its
    sentence in context (cue in ``[[ ]]``)."""
    misses, fps = error_cases(result)
    out = []
    for title, cases in (("misses", misses), ("false positives", fps)):
        out.append(f"== {min(n, len(cases))} worst {title} (of {len(cases)}) ==")
        for e in cases[:n]:
            it = e.item
            bounds = [x for iv in (*it.cue, *it.content, *(it.source or ())) for x in iv]
            s, t = sentence_around(e.text, min(bounds), max(bounds))
            cs, ce = it.cue[0][0], it.cue[-1][1]
            ctx = e.text[s:cs] + "[[" + e.text[cs:ce] + "]]" + e.text[ce:t]
            ctx = re.sub(r"\s+", " ", ctx)
            if len(ctx) > 500:
                ctx = ctx[:497] + "..."
            out.append(f"- {e.doc} {it.id or ''} @{min(bounds)} ({e.reason})")
            out.append(f"    source : {_show(e.text, it.source) if it.source else '-'}")
            out.append(f"    cue    : {_show(e.text, it.cue)}")
            out.append(f"    content: {_show(e.text, it.content)}")
            out.append(f"    context: {ctx}")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- predictions

def prediction_lines(result) -> Iterator[str]:
    """One JSON line per document: graphkit's attributions as offsets.

    >>> from graphkit.evaluate.scorer import aggregate
    >>> from graphkit.evaluate import EvalResult
    >>> list(prediction_lines(EvalResult([], aggregate([]))))
    []
    """
    for r in result.docs:
        atts = [{"source": [a.source.start, a.source.end] if a.source is not None else None,
                 "cue": [a.cue.start, a.cue.end],
                 "content": [[c.start, c.end] for c in a.content]} for a in r.predicted]
        yield json.dumps({"doc": r.doc.name, "attributions": atts}, ensure_ascii=False)

