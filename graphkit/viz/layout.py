"""Node positions, computed once in Python so the browser needs no physics.

Small graphs get networkx's spring layout.  Large graphs get a linear-time
layout: each connected component is drawn as a radial tree (BFS from its
best-connected node, each subtree in a wedge proportional to its size) and
components are packed on a grid, biggest first.

>>> import networkx as nx
>>> pos = positions(nx.path_graph(5))
>>> sorted(pos) == list(range(5)) and all(len(p) == 2 for p in pos.values())
True
"""
from __future__ import annotations

import math

import networkx as nx

SPRING_MAX = 400          # nodes; above this, the linear-time layout


def _radial(G: nx.Graph, nodes: list, spacing: float) -> dict:
    """Radial tree layout of one connected component (O(n + m))."""
    root = max(nodes, key=lambda n: (G.degree(n), str(n)))
    parent = {root: None}
    order = [root]
    children: dict = {root: []}
    for u in order:                       # BFS; order grows while iterating
        for v in G[u]:
            if v not in parent:
                parent[v] = u
                children[v] = []
                children[u].append(v)
                order.append(v)
    size = {}
    for u in reversed(order):
        size[u] = 1 + sum(size[c] for c in children[u])
    pos = {root: (0.0, 0.0)}
    wedge = {root: (0.0, 2 * math.pi)}
    depth = {root: 0}
    for u in order:
        lo, hi = wedge[u]
        kids = children[u]
        total = sum(size[c] for c in kids) or 1
        a = lo
        for c in kids:
            span = (hi - lo) * size[c] / total
            wedge[c] = (a, a + span)
            depth[c] = depth[u] + 1
            mid = a + span / 2
            r = depth[c] * spacing
            pos[c] = (r * math.cos(mid), r * math.sin(mid))
            a += span
    return pos


def positions(G: nx.Graph, spacing: float = 60.0, seed: int = 7) -> dict:
    """Positions (x, y) in pixels for every node of ``G`` (any graph class)."""
    if G.number_of_nodes() == 0:
        return {}
    U = nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() or G.is_multigraph() else G
    if U.number_of_nodes() <= SPRING_MAX:
        k = 1.0 / math.sqrt(max(U.number_of_nodes(), 1))
        raw = nx.spring_layout(U, k=k * 1.6, seed=seed, iterations=80)
        scale = spacing * max(3.0, math.sqrt(U.number_of_nodes()) * 1.8)
        return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in raw.items()}
    comps = sorted((list(c) for c in nx.connected_components(U)), key=len, reverse=True)
    laid = []
    for comp in comps:
        if len(comp) == 1:
            p = {comp[0]: (0.0, 0.0)}
        else:
            p = _radial(U, comp, spacing)
        r = max((math.hypot(x, y) for x, y in p.values()), default=0.0) + spacing
        laid.append((p, r))
    # shelf packing: rows of components, biggest first
    out: dict = {}
    width = max(2 * laid[0][1], math.sqrt(sum((2 * r) ** 2 for _, r in laid)) * 1.2)
    x = y = 0.0
    row_h = 0.0
    for p, r in laid:
        if x > 0 and x + 2 * r > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        cx, cy = x + r, y + r
        for n, (px, py) in p.items():
            out[n] = (cx + px, cy + py)
        x += 2 * r
        row_h = max(row_h, 2 * r)
    return out
