"""Claims: contested sides, relays collapsed, independent sources, flags."""
from __future__ import annotations

from analyze_fixtures import anonymous_article, store_with

from graphkit.analyze import analyze, chains, claim_reports, project, relay_statements


def test_contested_claim_sides(mini_store):
    (c,) = claim_reports(project(mini_store))
    assert c.contested
    assert {r.label for r in c.sources["denies"]} == {"Ministry of Dams", "Rina Wulan"}
    assert {r.label for r in c.sources["asserts"]} == {"Daily Lantern", "senior officials in Eastport",
                                                       "Omar Reyes"}


def test_relays_collapse_into_their_sources(mini_store):
    G = project(mini_store)
    relays = relay_statements(G)
    assert [G.nodes[G.nodes[s]["source"]]["label"] for s in relays] == ["Daily Lantern"]
    (c,) = claim_reports(G)
    assert c.relays == ["Daily Lantern"]
    assert {r.label for r in c.original["asserts"]} == {"senior officials in Eastport", "Omar Reyes"}
    assert c.independent("asserts") == 2
    # the spokeswoman speaks for the ministry: one voice on the denying side
    (deny,) = c.original["denies"]
    assert deny.label == "Ministry of Dams" and deny.merged == ["Rina Wulan"]
    assert not c.single_source and not c.anonymous_only
    assert c.depth == 2
    officials = next(r for r in c.original["asserts"] if r.anonymous)
    assert officials.paths == [["Gazette Test", "Daily Lantern", "senior officials in Eastport"]]


def test_chain_paths(mini_store):
    paths = [c.path for c in chains(project(mini_store))]
    assert paths == [
        ["Gazette Test", "Ministry of Dams"],
        ["Gazette Test", "Harbor Wire", "Rina Wulan"],
        ["Gazette Test", "Daily Lantern"],
        ["Gazette Test", "Daily Lantern", "senior officials in Eastport"],
        ["Gazette Test", "Omar Reyes"],
    ]


def test_single_source_anonymous_only():
    st = store_with(anonymous_article())
    try:
        report = analyze(st)
    finally:
        st.close()
    (c,) = report.claims
    assert c.single_source and c.anonymous_only and not c.contested
    d = report.as_dict()["claims"][0]
    assert d["independent_sources"] == {"asserts": 1, "denies": 0}
    assert d["origin"]["asserts"][0]["anonymous"] is True
