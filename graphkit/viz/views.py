"""Sub-graphs that keep large projections readable: the neighbourhood of an
entity (ego graph) and everything about one claim.

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
>>> for n in G: G.nodes[n].update(type="person", label=n.upper())
>>> sorted(focus_view(G, ["a"], depth=2))
['a', 'b', 'c']
>>> match_nodes(G, "B")
['b']
"""
from __future__ import annotations

from typing import Iterable

import networkx as nx

from graphkit.analyze.claims import SIDES


def match_nodes(G: nx.MultiDiGraph, text: str, types: Iterable[str] | None = None) -> list[str]:
    """Nodes whose id is ``text``, else whose label equals it (case-insensitive),
    else whose label contains it."""
    want = set(types) if types is not None else None
    cands = [n for n, d in G.nodes(data=True) if want is None or d.get("type") in want]
    if text in G and (want is None or G.nodes[text].get("type") in want):
        return [text]
    key = text.casefold().strip()
    exact = [n for n in cands if str(G.nodes[n].get("label", "")).casefold() == key
             or str(n).rsplit("/", 1)[-1].casefold() == key]
    if exact:
        return sorted(exact)
    return sorted(n for n in cands if key and key in str(G.nodes[n].get("label", "")).casefold())


def focus_view(G: nx.MultiDiGraph, centres: Iterable[str], depth: int = 2) -> nx.MultiDiGraph:
    """The union of the ego graphs (radius ``depth``, edges in either
    direction) around ``centres``."""
    U = G.to_undirected(as_view=True)
    keep: set = set()
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(U, c, cutoff=max(depth, 0)))
    return G.subgraph(keep).copy()


def claim_view(G: nx.MultiDiGraph, claim: str) -> nx.MultiDiGraph:
    """The claim, its statements, their sources, the chains (articles and
    relaying outlets), the articles' publishers and the sources' organisations."""
    keep = {claim}
    for stmt, _, d in G.in_edges(claim, data=True):
        if d.get("relation") not in SIDES:
            continue
        keep.add(stmt)
        sd = G.nodes[stmt]
        art = sd.get("article")
        for n in [art, G.nodes[art].get("outlet") if art in G else None, sd.get("source"),
                  *(sd.get("via") or [])]:
            if n and n in G:
                keep.add(n)
        src = sd.get("source")
        if src and src in G:
            keep.update(o for _, o, e in G.out_edges(src, data=True) if e.get("relation") == "member-of")
    H = G.subgraph(keep).copy()
    # keep only this claim's chains among the quotes edges
    stmts = {n for n in H if H.nodes[n].get("type") == "statement"}
    drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
            if d.get("relation") == "quotes" and d.get("statement") not in stmts]
    H.remove_edges_from(drop)
    return H
