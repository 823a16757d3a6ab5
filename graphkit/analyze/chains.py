"""Citation chains: from an article's outlet, through the outlets it cites,
to the original source of each attribution.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("o", type="outlet", label="Daily")
>>> G.add_node("a", type="article", label="A", outlet="o")
>>> G.add_node("w", type="outlet", label="Wire")
>>> G.add_node("p", type="person", label="Ann")
>>> G.add_node("s", type="statement", label="q", article="a", mention="m", source="p", via=["w"],
...            spans={"cue": {"start": 4, "end": 8, "text": "said"}, "content": []},
...            direct=False, polarity="asserts", certainty="certain", text="hi")
>>> [c.path for c in chains(G)]
[['Daily', 'Wire', 'Ann']]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import networkx as nx


@dataclass
class Chain:
    """One attribution seen from the article: outlet -> relays -> source."""

    article: str
    statement: str
    mention: str
    path: list[str]                 # labels, outlet first, source last
    nodes: list[str]                # node ids of ``path``
    source: Optional[str]           # source node id (None: unattributed)
    polarity: str = "asserts"
    certainty: str = "certain"
    direct: bool = False
    attribution: dict = field(default_factory=dict)

    @property
    def depth(self) -> int:
        """Hops from the article's outlet to the source."""
        return len(self.path) - 1

    def as_dict(self) -> dict:
        return {
            "article": self.article,
            "path": list(self.path),
            "nodes": list(self.nodes),
            "depth": self.depth,
            "statement": self.statement,
            "polarity": self.polarity,
            "certainty": self.certainty,
            "direct": self.direct,
            "attribution": self.attribution,
        }


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return str(G.nodes[n].get("label", n)) if n in G else n.rsplit("/", 1)[-1]


def chain_of(G: nx.MultiDiGraph, stmt: str) -> Chain:
    """The chain of one statement node (see :func:`chains`)."""
    d = G.nodes[stmt]
    art = d.get("article", "")
    nodes: list[str] = []
    outlet = G.nodes[art].get("outlet") if art in G else None
    nodes.append(outlet or art)
    for v in d.get("via", []):
        if v != nodes[-1]:
            nodes.append(v)
    src = d.get("source") or None
    if src and src != nodes[-1]:
        nodes.append(src)
    sp = d.get("spans") or {}
    attribution = {"source": sp.get("source"), "cue": sp.get("cue"),
                   "content": list(sp.get("content") or [])}
    return Chain(article=art, statement=stmt, mention=d.get("mention", ""),
                 path=[_label(G, n) for n in nodes], nodes=nodes, source=src,
                 polarity=d.get("polarity", "asserts"), certainty=d.get("certainty", "certain"),
                 direct=bool(d.get("direct")), attribution=attribution)


def chains(G, article: Optional[str] = None) -> list[Chain]:
    """Every attribution's chain, in article and text order.

    ``G`` is a projection (:func:`graphkit.analyze.project`) or a store,
    which is projected first (``graphkit chains`` does that).

    >>> from graphkit.rdf.store import open_store
    >>> chains(open_store("memory"))
    []
    """
    if not isinstance(G, nx.MultiDiGraph):
        from graphkit.analyze.project import project

        G = project(G, article=article)
    out = [chain_of(G, n) for n, d in G.nodes(data=True)
           if d.get("type") == "statement" and (article is None or d.get("article") == article)]
    out.sort(key=lambda c: (c.article, G.nodes[c.statement].get("begin", 0), c.statement))
    return out
