"""Claims: origin, sides (asserts / denies), independent original sources.

An outlet that only relays others is not an independent source: when an
outlet's statement has another attribution nested in it ("the paper reported
that officials said ...") or another attribution of the same claim reaches
the source through that outlet, the outlet's statement is a *relay* and
collapses into the sources it relays.  A member of an organisation that is
itself a source on the same side collapses into that organisation (a
spokesperson and the ministry speak with one voice).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("c", type="claim", label="X", text="X")
>>> for s, src, typ, pol in [("s1", "p1", "person", "asserts"), ("s2", "p2", "person", "denies")]:
...     G.add_node(src, type=typ, label=src)
...     G.add_node(s, type="statement", article="a", mention="m" + s, source=src, via=[])
...     _ = G.add_edge(s, "c", relation=pol)
>>> r = claim_reports(G)[0]
>>> r.contested, r.independent("asserts"), r.independent("denies")
(True, 1, 1)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graphkit.analyze.chains import chain_of

SIDES = ("asserts", "denies")


@dataclass
class SourceRef:
    """A source on one side of a claim."""

    id: str
    label: str
    type: str
    anonymous: bool
    statements: list[str] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)   # labels collapsed into this one

    def as_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "type": self.type,
                "anonymous": self.anonymous, "statements": self.statements,
                "paths": self.paths, "merged": self.merged}


@dataclass
class ClaimReport:
    """Everything the analysis says about one claim."""

    id: str
    text: str
    articles: list[str]
    sources: dict[str, list[SourceRef]]          # side -> every source stated on that side
    original: dict[str, list[SourceRef]]         # side -> independent original sources
    relays: list[str]                            # labels of outlets that only relay
    unattributed: int                            # statements with no source ("reportedly")
    depth: int                                   # longest chain (hops)
    first_seen: str = ""

    @property
    def contested(self) -> bool:
        return bool(self.sources["asserts"]) and bool(self.sources["denies"])

    def independent(self, side: str = "asserts") -> int:
        """Number of independent original sources on a side."""
        return len(self.original[side])

    @property
    def single_source(self) -> bool:
        return self.independent("asserts") == 1

    @property
    def anonymous_only(self) -> bool:
        srcs = self.original["asserts"]
        return bool(srcs) and all(s.anonymous for s in srcs)

    def as_dict(self) -> dict:
        return {
            "claim": self.id, "text": self.text, "articles": self.articles,
            "contested": self.contested,
            "independent_sources": {s: self.independent(s) for s in SIDES},
            "single_source": self.single_source, "anonymous_only": self.anonymous_only,
            "origin": {s: [r.as_dict() for r in self.original[s]] for s in SIDES},
            "sources": {s: [r.label for r in self.sources[s]] for s in SIDES},
            "relays": self.relays, "unattributed": self.unattributed,
            "depth": self.depth, "first_seen": self.first_seen,
        }


def relay_statements(G: nx.MultiDiGraph) -> set[str]:
    """Statements whose source is an outlet that only passes on other sources.

    >>> relay_statements(nx.MultiDiGraph())
    set()
    """
    stmts = {n: d for n, d in G.nodes(data=True) if d.get("type") == "statement"}
    by_mention = {d.get("mention"): n for n, d in stmts.items()}
    claim_of = {}
    for n in stmts:
        for _, c, d in G.out_edges(n, data=True):
            if d.get("relation") in SIDES:
                claim_of[n] = c
    relays: set[str] = set()
    for n, d in stmts.items():
        parent = by_mention.get(d.get("nested_in") or None)
        if parent is not None and _is_outlet(G, stmts[parent].get("source")):
            relays.add(parent)
    # an outlet statement whose outlet is a hop of another statement of the same claim
    through: dict[tuple, set] = defaultdict(set)
    for n, d in stmts.items():
        for v in d.get("via", []):
            through[(d.get("article"), claim_of.get(n))].add(v)
    for n, d in stmts.items():
        src = d.get("source")
        if _is_outlet(G, src) and claim_of.get(n) is not None \
                and src in through.get((d.get("article"), claim_of.get(n)), ()):
            relays.add(n)
    return relays


def _is_outlet(G: nx.MultiDiGraph, node) -> bool:
    return bool(node) and node in G and G.nodes[node].get("type") == "outlet"


def _orgs_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    return [o for _, o, d in G.out_edges(node, data=True) if d.get("relation") == "member-of"]


def _collapse_members(G: nx.MultiDiGraph, refs: list[SourceRef]) -> list[SourceRef]:
    """Merge a member into an organisation that is a source on the same side
    (matched by IRI or by label)."""
    by_id = {r.id: r for r in refs}
    by_label = {r.label.casefold(): r for r in refs if r.type not in ("person", "anonymous")}
    gone: set[str] = set()
    for r in refs:
        for org in _orgs_of(G, r.id):
            target = by_id.get(org) or by_label.get(str(G.nodes[org].get("label", "")).casefold())
            if target is not None and target is not r and target.id not in gone:
                target.merged.append(r.label)
                target.statements.extend(r.statements)
                target.paths.extend(r.paths)
                gone.add(r.id)
                break
    return [r for r in refs if r.id not in gone]


def claim_reports(G: nx.MultiDiGraph) -> list[ClaimReport]:
    """One report per claim node, most independent sources first."""
    relays = relay_statements(G)
    out: list[ClaimReport] = []
    for c, cd in G.nodes(data=True):
        if cd.get("type") != "claim":
            continue
        sources: dict[str, dict[str, SourceRef]] = {s: {} for s in SIDES}
        original: dict[str, dict[str, SourceRef]] = {s: {} for s in SIDES}
        relay_labels: set[str] = set()
        articles: set[str] = set()
        unattributed, depth = 0, 0
        for stmt, _, d in G.in_edges(c, data=True):
            side = d.get("relation")
            if side not in SIDES:
                continue
            sd = G.nodes[stmt]
            articles.add(sd.get("article", ""))
            ch = chain_of(G, stmt)
            depth = max(depth, ch.depth)
            src = sd.get("source") or None
            if src is None or src not in G:
                unattributed += 1
                continue
            nd = G.nodes[src]
            for bucket in ([sources[side]] if stmt in relays else [sources[side], original[side]]):
                ref = bucket.get(src)
                if ref is None:
                    ref = bucket[src] = SourceRef(src, str(nd.get("label", src)), nd.get("type", "agent"),
                                                  nd.get("type") == "anonymous")
                ref.statements.append(stmt)
                ref.paths.append(ch.path)
            if stmt in relays:
                relay_labels.add(str(nd.get("label", src)))
        dates = sorted(str(G.nodes[a].get("date", "")) for a in articles if a in G and G.nodes[a].get("date"))
        out.append(ClaimReport(
            id=c, text=str(cd.get("text", cd.get("label", ""))), articles=sorted(articles),
            sources={s: list(sources[s].values()) for s in SIDES},
            original={s: _collapse_members(G, list(original[s].values())) for s in SIDES},
            relays=sorted(relay_labels), unattributed=unattributed, depth=depth,
            first_seen=dates[0] if dates else ""))
    out.sort(key=lambda r: (-r.independent("asserts") - r.independent("denies"), r.id))
    return out
