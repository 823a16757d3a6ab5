"""Most-cited sources: statements per source, articles, PageRank over the
citation chains (article -> relays -> source).

>>> import networkx as nx
>>> D = nx.DiGraph([("a", "s"), ("b", "s"), ("s", "t")])
>>> r = pagerank(D)
>>> max(r, key=r.get)
't'
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from graphkit.analyze.chains import chains


def pagerank(D: nx.DiGraph, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict:
    """PageRank by power iteration (pure Python; networkx's needs SciPy).
    Weighted by the ``weight`` edge attribute (default 1)."""
    n = D.number_of_nodes()
    if n == 0:
        return {}
    out_w = {u: sum(d.get("weight", 1) for _, _, d in D.out_edges(u, data=True)) for u in D}
    rank = dict.fromkeys(D, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in D if out_w[u] == 0) / n
        new = dict.fromkeys(D, (1.0 - alpha) / n + dangling)
        for u, v, d in D.edges(data=True):
            new[v] += alpha * rank[u] * d.get("weight", 1) / out_w[u]
        err = sum(abs(new[u] - rank[u]) for u in D)
        rank = new
        if err < n * tol:
            break
    return rank


def citation_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Weighted DiGraph of every chain's hops: article -> relay ... -> source."""
    D = nx.DiGraph()
    for ch in chains(G):
        hops = [ch.article, *ch.nodes[1:]]
        for u, v in zip(hops, hops[1:]):
            w = D.get_edge_data(u, v, {}).get("weight", 0)
            D.add_edge(u, v, weight=w + 1)
    return D


def most_cited(G: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """Sources ranked by PageRank on the citation graph, with counts.

    >>> most_cited(nx.MultiDiGraph())
    []
    """
    stmts: Counter = Counter()
    arts: dict[str, set] = defaultdict(set)
    for n, d in G.nodes(data=True):
        if d.get("type") == "statement" and d.get("source"):
            stmts[d["source"]] += 1
            arts[d["source"]].add(d.get("article"))
    relayed: Counter = Counter()
    for n, d in G.nodes(data=True):
        if d.get("type") == "statement":
            for v in d.get("via") or []:
                relayed[v] += 1
    pr = pagerank(citation_graph(G))
    cands = set(stmts) | set(relayed)
    rows = [{"id": s, "label": G.nodes[s].get("label", s), "type": G.nodes[s].get("type", "agent"),
             "statements": stmts[s], "relayed": relayed[s], "articles": len(arts[s]),
             "pagerank": round(pr.get(s, 0.0), 6)} for s in cands if s in G]
    rows.sort(key=lambda r: (-r["pagerank"], -r["statements"], r["label"]))
    return rows[:top]
