"""The page in real headless Chromium, networking off, opened from file://."""
from __future__ import annotations

import pytest

from analyze_fixtures import injection_article, store_with
from browser import Browser, graph_screenshot, needs_chromium

from graphkit.analyze import project
from graphkit.viz import viz

pytestmark = [needs_chromium, pytest.mark.browser]


def test_node_count_and_no_network(mini_store, tmp_path):
    out = viz(mini_store, tmp_path / "g.html")
    expected = project(mini_store).number_of_nodes()
    with Browser() as b:
        b.open(out)
        b.wait_for("document.body.getAttribute('data-gk-drawn') === '1'")
        assert b.eval("network.body.data.nodes.length") == expected
        assert b.eval("Object.keys(network.getPositions()).length") == expected
        assert b.eval("typeof vis") == "object"
        assert [u for u in b.requests() if not u.startswith(("file:", "data:"))] == []


def test_injected_markup_never_runs(tmp_path):
    st = store_with(injection_article())
    try:
        out = viz(st, tmp_path / "inject.html")
    finally:
        st.close()
    with Browser() as b:
        b.open(out)
        b.wait_for("document.body.getAttribute('data-gk-drawn') === '1'")
        # hover over every node so vis-network renders each tooltip
        points = b.eval("""(() => { const p = network.getPositions();
            return Object.keys(p).map(id => network.canvasToDOM(p[id])); })()""")
        rect = b.eval("(() => { const r = document.getElementById('mynetwork').getBoundingClientRect();"
                      " return [r.left, r.top]; })()")
        shown = []
        for pt in points:
            b.hover(rect[0] + pt["x"], rect[1] + pt["y"])
            b.eval("new Promise(r => setTimeout(r, 250))")
            shown.append(b.eval("(document.querySelector('div.vis-tooltip') || {}).innerText || ''"))
        b.eval("new Promise(r => setTimeout(r, 300))")   # let any onerror fire
        assert b.eval("typeof window.__pwned") == "undefined"
        assert b.eval("document.title") == "graphkit"
        assert b.eval("document.querySelectorAll('img').length") == 0
        assert any("<img src=x onerror=" in s for s in shown), shown   # shown as text
        assert [u for u in b.requests() if not u.startswith(("file:", "data:"))] == []


def test_screenshot(mini_store, tmp_path):
    out = viz(mini_store, tmp_path / "g.html")
    png = graph_screenshot(out, tmp_path / "g.png", width=800, height=600, settle=0.5)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
