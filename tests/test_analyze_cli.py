"""graphkit analyze and graphkit export --format gexf|graphml."""
from __future__ import annotations

import io
import json

import networkx as nx
from click.testing import CliRunner

from test_cli_chains import _store

from graphkit.cli import main


def test_analyze_json_and_table(tmp_path):
    store = _store(tmp_path)
    res = CliRunner().invoke(main, ["analyze", "--store", store, "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    (claim,) = d["claims"]
    assert claim["contested"] and claim["independent_sources"] == {"asserts": 2, "denies": 1}
    assert claim["relays"] == ["Daily Lantern"]
    assert d["outlet_dependency"]["Gazette Test"]["total"] == 5
    assert d["most_cited"]
    res = CliRunner().invoke(main, ["analyze", "--store", store])
    assert res.exit_code == 0 and "[contested]" in res.output
    assert "independent original sources (2)" in res.output


def test_analyze_bad_date(tmp_path):
    res = CliRunner().invoke(main, ["analyze", "--store", _store(tmp_path), "--since", "soon"])
    assert res.exit_code == 2 and "not an ISO date" in res.output


def test_export_gexf_graphml(tmp_path):
    store = _store(tmp_path)
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        out = tmp_path / f"g.{fmt}"
        res = CliRunner().invoke(main, ["export", "--store", store, "--format", fmt, "-o", str(out)])
        assert res.exit_code == 0, res.output
        G = reader(io.BytesIO(out.read_bytes()))
        assert G.number_of_nodes() == 15 and G.number_of_edges() == 23   # the ministry is one node
        types = {d.get("type") for _, d in G.nodes(data=True)}
        assert {"article", "outlet", "statement", "claim", "anonymous"} <= types
        rels = {d.get("relation") for *_, d in G.edges(data=True)}
        assert {"asserts", "denies", "quotes"} <= rels
