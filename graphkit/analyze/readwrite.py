"""Write a projection for Gephi and friends: GEXF and GraphML.

Attributes are sanitised to what those writers accept: str, int, float,
bool; lists and dicts become JSON text, None becomes "".  Character
offsets are renamed ``char_begin`` / ``char_end`` (GEXF reads ``start`` /
``end`` as time intervals).

>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("s", type="statement", via=["w"], end=5, spans={"cue": None})
>>> sanitize(G).nodes["s"]
{'type': 'statement', 'via': '["w"]', 'char_end': 5, 'spans': '{"cue": null}'}
>>> "<gexf" in write_graph(G, "gexf")
True
"""
from __future__ import annotations

import io
import json

import networkx as nx

GRAPH_FORMATS = ("gexf", "graphml")
_RENAME = {"begin": "char_begin", "end": "char_end", "start": "char_start", "id": "iri"}


def _value(v):
    if v is None:
        return ""
    if isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (list, tuple, dict, set)):
        return json.dumps(sorted(v) if isinstance(v, set) else v, ensure_ascii=False)
    return str(v)


def _attrs(d: dict) -> dict:
    return {_RENAME.get(k, k): _value(v) for k, v in d.items()}


def sanitize(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes the GEXF / GraphML writers accept."""
    H = nx.MultiDiGraph()
    H.graph.update(_attrs(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(str(n), **_attrs(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(str(u), str(v), key=str(k), **_attrs(d))
    return H


def write_graph(G: nx.MultiDiGraph, fmt: str) -> str:
    """GEXF or GraphML text of a projection."""
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}; choose one of {', '.join(GRAPH_FORMATS)}")
    H = sanitize(G)
    buf = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(H, buf, encoding="utf-8")
    else:
        nx.write_graphml(H, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
