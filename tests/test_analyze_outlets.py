"""Outlet dependency, circular reporting, most-cited sources."""
from __future__ import annotations

from analyze_fixtures import relay_article, store_with

from graphkit.analyze import analyze, circular_reporting, most_cited, outlet_dependency, project


def test_outlet_dependency(mini_store):
    G = project(mini_store)
    dep = outlet_dependency(G)
    (gazette,) = dep.values()
    labels = {G.nodes[k]["label"] if k in G else k: v for k, v in gazette["through"].items()}
    assert gazette["total"] == 5
    assert labels == {"Daily Lantern": 0.4, "direct": 0.4, "Harbor Wire": 0.2}


def test_circular_reporting():
    a = relay_article("Alpha Post", "Beta Times", "Ann Lee", "the port reopened", "2024-05-01")
    b = relay_article("Beta Times", "Alpha Post", "Ann Lee", "the port has reopened", "2024-05-02")
    c = relay_article("Gamma Daily", "Beta Times", "Bo Chen", "the port is open", "2024-05-03")
    st = store_with(a, b, c)
    try:
        G = project(st)
        report = analyze(st)
    finally:
        st.close()
    cycles = circular_reporting(G)
    assert len(cycles) == 1
    labels = {G.nodes[n]["label"] for n in cycles[0]}
    assert {"Alpha Post", "Beta Times"} <= labels and "Gamma Daily" not in labels
    assert report.as_dict()["summary"]["cycles"] == 1
    assert "circular reporting" in report.to_table()


def test_most_cited(mini_store):
    top = most_cited(project(mini_store), top=3)
    assert len(top) == 3
    assert top[0]["pagerank"] >= top[1]["pagerank"] >= top[2]["pagerank"] > 0
    assert all({"id", "label", "type", "statements", "relayed", "articles"} <= set(r) for r in top)
