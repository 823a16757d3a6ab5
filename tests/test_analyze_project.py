"""The NetworkX projection of the store (both backends through mini_store)."""
from __future__ import annotations

import pytest

from graphkit.analyze import NODE_TYPES, ProjectionError, project


def _types(G):
    out = {}
    for _, d in G.nodes(data=True):
        out[d["type"]] = out.get(d["type"], 0) + 1
    return out


def test_typed_nodes_and_edges(mini_store):
    G = project(mini_store)
    types = _types(G)
    assert types["article"] == 1 and types["statement"] == 5 and types["claim"] == 1
    assert types["outlet"] == 3 and types["anonymous"] == 1 and types["person"] == 2
    assert set(types) <= set(NODE_TYPES)
    assert all(isinstance(n, str) and n.startswith("https://") for n in G)
    rels = {d["relation"] for *_, d in G.edges(data=True)}
    assert {"publishes", "cites", "based-on", "quotes", "attributed-to", "asserts", "denies",
            "member-of"} <= rels
    labels = {d["label"]: n for n, d in G.nodes(data=True)}
    assert G.nodes[labels["Rina Wulan"]]["type"] == "person"
    assert G.nodes[labels["senior officials in Eastport"]]["type"] == "anonymous"


def test_evidence_on_edges(mini_store):
    G = project(mini_store)
    art = next(n for n, d in G.nodes(data=True) if d["type"] == "article")
    text = next(iter(mini_store.query(
        "SELECT ?t WHERE { ?a gk:context/nif:isString ?t }")))[0].toPython()
    for u, v, d in G.edges(data=True):
        if d["relation"] in ("quotes", "attributed-to", "asserts", "denies"):
            assert d["article"] == art
            assert 0 <= d["begin"] < d["end"] <= len(text)
            assert d["quote"] in text
    # the spokeswoman's quote reaches her statement through the wire
    stmt = next(n for n, d in G.nodes(data=True) if d.get("text") == "This is fake news")
    hops = sorted((d["hop"], G.nodes[u]["label"], G.nodes[v]["type"]) for u, v, d in G.edges(data=True)
                  if d["relation"] == "quotes" and d["statement"] == stmt)
    assert hops == [(0, "Illustrative test article", "outlet"), (1, "Harbor Wire", "statement")]
    sp = G.nodes[stmt]["spans"]
    assert text[sp["source"]["start"]:sp["source"]["end"]] == "spokeswoman Rina Wulan"


def test_filters(mini_store):
    G = project(mini_store)
    art = next(n for n, d in G.nodes(data=True) if d["type"] == "article")
    assert project(mini_store, article=art).number_of_nodes() == G.number_of_nodes()
    assert project(mini_store, article=art + "-other").number_of_nodes() == 0
    assert project(mini_store, outlet="gazette test").number_of_nodes() == G.number_of_nodes()
    assert project(mini_store, outlet="Harbor Wire").number_of_nodes() == 0
    assert project(mini_store, entity="Rina Wulan").number_of_nodes() == G.number_of_nodes()
    assert project(mini_store, entity="Nobody Here").number_of_nodes() == 0
    assert project(mini_store, since="2024-10-11", until="2024-10-11").number_of_nodes() > 0
    assert project(mini_store, since="2024-10-12").number_of_nodes() == 0
    # published 15:32 at UTC+7 = 08:32 UTC
    assert project(mini_store, until="2024-10-11T09:00:00+00:00").number_of_nodes() > 0
    assert project(mini_store, until="2024-10-11T08:00:00+00:00").number_of_nodes() == 0


def test_bad_filters(mini_store):
    with pytest.raises(ProjectionError):
        project(mini_store, since="yesterday")
    with pytest.raises(ProjectionError):
        project(mini_store, article="not an iri> {")
