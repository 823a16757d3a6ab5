"""Outlets: which wires/outlets each outlet depends on, circular reporting.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, t in [("X", "outlet"), ("Y", "outlet"), ("a", "article"), ("b", "article")]:
...     G.add_node(n, type=t, label=n)
>>> _ = G.add_edge("X", "a", relation="publishes"); _ = G.add_edge("a", "Y", relation="cites")
>>> _ = G.add_edge("Y", "b", relation="publishes"); _ = G.add_edge("b", "X", relation="cites")
>>> circular_reporting(G)
[['X', 'a', 'Y', 'b']]
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

DEPENDENCY_RELATIONS = ("publishes", "cites", "based-on", "quotes")


def dependency_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Outlets and articles only; an edge u -> v means u relies on v
    (an outlet on its article, an article on the outlet it cites or quotes,
    an outlet on the outlet it relays).

    >>> dependency_graph(nx.MultiDiGraph()).number_of_nodes()
    0
    """
    D = nx.DiGraph()
    keep = {n for n, d in G.nodes(data=True) if d.get("type") in ("outlet", "article")}
    D.add_nodes_from(keep)
    for u, v, d in G.edges(data=True):
        if u in keep and v in keep and d.get("relation") in DEPENDENCY_RELATIONS:
            D.add_edge(u, v)
    return D


def circular_reporting(G: nx.MultiDiGraph, max_length: int = 12) -> list[list[str]]:
    """Cycles among outlets and articles that involve at least two outlets
    (A cites B, which cites A).  Each cycle starts at its smallest node id."""
    D = dependency_graph(G)
    out = []
    for cyc in nx.simple_cycles(D, length_bound=max_length):
        outlets = {n for n in cyc if G.nodes[n].get("type") == "outlet"}
        if len(outlets) < 2:
            continue
        i = cyc.index(min(cyc))
        out.append(cyc[i:] + cyc[:i])
    return sorted(out)


def outlet_dependency(G: nx.MultiDiGraph) -> dict[str, dict]:
    """For each publishing outlet: its attributions and the share of them
    that come through each other outlet (the first relay of the chain, or
    the outlet itself when it is the stated source); ``direct`` is the rest.

    >>> outlet_dependency(nx.MultiDiGraph())
    {}
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for n, d in G.nodes(data=True):
        if d.get("type") != "statement":
            continue
        art = d.get("article")
        pub = G.nodes[art].get("outlet") if art in G else None
        if pub is None:
            continue
        via = d.get("via") or []
        src = d.get("source")
        if via:
            counts[pub][via[0]] += 1
        elif src and src in G and G.nodes[src].get("type") == "outlet" and src != pub:
            counts[pub][src] += 1
        else:
            counts[pub]["direct"] += 1
    out = {}
    for pub, c in counts.items():
        total = sum(c.values())
        shares = {k: round(v / total, 4) for k, v in c.most_common()}
        out[pub] = {"total": total, "through": shares}
    return out
