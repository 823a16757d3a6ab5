"""The HTML page: offline (no external URL), escaped, views, notebook helper."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from analyze_fixtures import INJECT_IMG, INJECT_SCRIPT, injection_article, store_with

from graphkit.analyze import project
from graphkit.viz import VizError, select, show, viz, write_html
from graphkit.viz.layout import positions

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def _data(html: str, var: str) -> list:
    m = re.search(rf"var {var} = (\[.*?\]);\n", html)
    return json.loads(m.group(1))


def test_page_has_no_external_resources(mini_store, tmp_path):
    html = viz(mini_store, tmp_path / "g.html").read_text(encoding="utf-8")
    assert not EXTERNAL.search(html)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html
    assert re.search(r"@import\s+url\(\s*['\"]?https?:", html) is None
    assert "vis.Network" in html and len(_data(html, "nodeList")) == 15   # the ministry is one node


def test_styles_legend_and_tooltips(mini_store, tmp_path):
    html = viz(mini_store, tmp_path / "g.html").read_text(encoding="utf-8")
    nodes = {n["id"]: n for n in _data(html, "nodeList")}
    edges = _data(html, "edgeList")
    claim = next(n for n in nodes.values() if n["group"] == "claim")
    assert claim["shape"] == "star"
    assert {e["relation"] for e in edges} >= {"asserts", "denies", "quotes", "cites"}
    assert len({e["color"] for e in edges if e["relation"] in ("asserts", "denies")}) == 2
    stmt = next(n for n in nodes.values() if n["group"] == "statement" and "fake news" in n["title"])
    assert "Illustrative test article" in stmt["title"] and "Gazette Test" in stmt["title"]
    assert 'id="gk-legend"' in html and "anonymous source" in html


def test_untrusted_text_is_escaped(mini_store, tmp_path):
    benign = viz(mini_store, tmp_path / "mini.html").read_text(encoding="utf-8")
    st = store_with(injection_article())
    try:
        html = viz(st, tmp_path / "g.html").read_text(encoding="utf-8")
    finally:
        st.close()
    script_part = html[html.index("var nodeList"):]
    # no raw tags from the article anywhere in the data (JSON escapes < > too)
    assert "<script>document" not in script_part and "<img" not in script_part
    assert html.count("<script") == benign.count("<script")   # no extra script element
    for item in _data(html, "nodeList") + _data(html, "edgeList"):
        for key in ("label", "title"):
            text = item.get(key, "")
            # tags are only graphkit's own formatting; payload tags are escaped
            assert not re.search(r"<(?!/?(?:b|br|q|small)>)", text), text
    titles = " ".join(n["title"] for n in _data(html, "nodeList"))
    assert "&lt;img src=x onerror=&quot;" in titles and "&lt;script&gt;" in titles


def test_focus_and_claim_views(mini_store, tmp_path):
    G = project(mini_store)
    H, what = select(G, focus="Rina Wulan", depth=1, store=mini_store)
    assert {d["label"] for _, d in H.nodes(data=True)} == {"Rina Wulan", "This is fake news",
                                                           "Ministry of Dams"}
    assert "Rina Wulan" in what
    H, _ = select(G, claim="c1")
    labels = {d["label"] for _, d in H.nodes(data=True)}
    assert {"Gazette Test", "Harbor Wire", "Daily Lantern", "Rina Wulan", "Omar Reyes",
            "senior officials in Eastport", "Ministry of Dams"} <= labels
    assert "Tess Writer" not in labels
    with pytest.raises(VizError):
        select(G, claim="no such claim")
    with pytest.raises(VizError):
        select(G, focus="Nobody")


def test_large_graph_physics_off_with_positions(tmp_path):
    G = nx.MultiDiGraph()
    for i in range(600):
        G.add_node(f"n{i}", type="person", label=f"P{i}")
        if i:
            G.add_edge(f"n{i}", f"n{(i - 1) // 3}", relation="member-of")
    html = write_html(G, tmp_path / "big.html").read_text(encoding="utf-8")
    opts = re.search(r"options = (\{.*?\});\n", html).group(1)
    assert json.loads(opts)["physics"]["enabled"] is False
    nodes = _data(html, "nodeList")
    assert len(nodes) == 600 and len({(n["x"], n["y"]) for n in nodes}) == 600


def test_layout_many_components():
    G = nx.Graph([(i, i + 1) for i in range(0, 900, 2)])
    pos = positions(G)
    assert len(pos) == G.number_of_nodes() and len(set(pos.values())) == len(pos)


def test_show_is_an_offline_iframe(mini_store):
    out = show(mini_store, claim="c1")
    frame = out.data
    assert frame.startswith("<iframe srcdoc=") and "&lt;script&gt;" in frame
    assert "https://cdn" not in frame


def test_cli_viz(tmp_path):
    from test_cli_chains import _store
    from graphkit.cli import main

    store = _store(tmp_path)
    out = tmp_path / "out" / "graph.html"
    res = CliRunner().invoke(main, ["viz", "--store", store, "-o", str(out), "--focus", "Omar Reyes",
                                    "--depth", "2"])
    assert res.exit_code == 0, res.output
    assert out.exists() and "Omar Reyes" in out.read_text(encoding="utf-8")
    res = CliRunner().invoke(main, ["viz", "--store", store, "-o", str(out), "--claim", "zzz"])
    assert res.exit_code == 2 and "no claim matches" in res.output
