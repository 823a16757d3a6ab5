"""Write a projection as a self-contained interactive HTML page (pyvis).

The page works from a file with no internet: vis-network is in-lined and
nothing else is referenced.  All article text is HTML-escaped in labels and
tooltips.  Nodes and edges are appended to ``net.nodes`` / ``net.edges``
directly (pyvis's ``from_nx`` is quadratic); positions are precomputed and
physics is off for large graphs.

>>> import networkx as nx, tempfile, pathlib
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", type="person", label="Ann <b>Lee</b>")
>>> out = write_html(G, pathlib.Path(tempfile.mkdtemp()) / "g.html")
>>> text = out.read_text(encoding="utf-8")
>>> "Lee</b>" in text, "vis.Network" in text
(False, True)
"""
from __future__ import annotations

import html as _html
import math
import os
from pathlib import Path
from typing import Optional, Union

import networkx as nx

from graphkit.viz.layout import positions
from graphkit.viz.styles import EDGE_STYLES, NODE_STYLES, edge_style, legend_html, node_style

PHYSICS_MAX = 150        # nodes; above this physics is off by default


class VizError(ValueError):
    """Nothing to draw, or an unknown focus / claim, or an unwritable file."""


def esc(text: object) -> str:
    """HTML-escape text for a tooltip.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return _html.escape(str(text), quote=True)


def esc_label(text: object) -> str:
    """Escape a node label for vis-network's ``font.multi: "html"`` mode,
    which decodes only ``&lt;`` and ``&amp;`` and knows only b/i/code tags.

    >>> esc_label("a < b & <b>c</b>")
    'a &lt; b &amp; &lt;b>c&lt;/b>'
    """
    return str(text).replace("&", "&amp;").replace("<", "&lt;")


def _short(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _article_line(G: nx.MultiDiGraph, art: str) -> str:
    if not art or art not in G:
        return f"Article: {esc(art)}" if art else ""
    d = G.nodes[art]
    out = d.get("outlet")
    parts = [esc(d.get("headline") or d.get("label") or art)]
    if out and out in G:
        parts.append(esc(G.nodes[out].get("label", out)))
    if d.get("date"):
        parts.append(esc(d["date"]))
    return "Article: " + " — ".join(parts)


def node_title(G: nx.MultiDiGraph, n: str) -> str:
    """Tooltip HTML of a node (every value escaped)."""
    d = G.nodes[n]
    t = d.get("type", "agent")
    lines = [f"<b>{esc(NODE_STYLES.get(t, NODE_STYLES['agent'])[0])}</b>: {esc(d.get('label', n))}"]
    if t == "statement":
        flags = [d.get("polarity", "asserts"), d.get("certainty", "certain")]
        if d.get("direct"):
            flags.append("direct quote")
        lines.append(esc(", ".join(flags)))
        if d.get("text"):
            lines.append(f"<q>{esc(d['text'])}</q>")
        if d.get("sentence"):
            lines.append(f"Sentence: {esc(d['sentence'])}")
        lines.append(_article_line(G, d.get("article", "")))
        if "begin" in d:
            lines.append(f"Characters {int(d['begin'])}–{int(d['end'])}")
    elif t == "claim":
        if d.get("text"):
            lines.append(f"<q>{esc(d['text'])}</q>")
        lines.append(_article_line(G, d.get("article", "")))
    elif t == "article":
        if d.get("date"):
            lines.append(f"Published: {esc(d['date'])}")
    lines.append(f"<small>{esc(n)}</small>")
    return "<br>".join(x for x in lines if x)


def edge_title(G: nx.MultiDiGraph, u: str, v: str, d: dict) -> str:
    """Tooltip HTML of an edge: relation, the evidence sentence and article."""
    rel = d.get("relation", "")
    lines = [f"<b>{esc(G.nodes[u].get('label', u))}</b> {esc(EDGE_STYLES.get(rel, (rel,))[0])} "
             f"<b>{esc(G.nodes[v].get('label', v))}</b>"]
    if d.get("quote"):
        lines.append(f"<q>{esc(d['quote'])}</q>")
    if d.get("sentence"):
        lines.append(f"Sentence: {esc(d['sentence'])}")
    if d.get("article"):
        lines.append(_article_line(G, d["article"]))
    if d.get("role"):
        lines.append(f"Role: {esc(d['role'])}")
    return "<br>".join(lines)


def to_network(G: nx.MultiDiGraph, physics: Optional[bool] = None, pos: Optional[dict] = None,
               title: str = "graphkit", height: str = "calc(100vh - 40px)"):
    """A pyvis :class:`~pyvis.network.Network` for ``G`` (not yet written)."""
    from pyvis.network import Network

    n = G.number_of_nodes()
    if physics is None:
        physics = n <= PHYSICS_MAX
    if pos is None:
        pos = positions(G)
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line",
                  heading="", bgcolor="#ffffff")
    degree = dict(G.degree())
    nodes, ids = net.nodes, net.node_ids
    for node, d in G.nodes(data=True):
        t = d.get("type", "agent")
        st = node_style(t)
        size = st["size"] + (min(12.0, 3.0 * math.log1p(degree.get(node, 0))) if t != "statement" else 0)
        label = "" if t == "statement" and n > PHYSICS_MAX else esc_label(_short(d.get("label", node)))
        x, y = pos.get(node, (0.0, 0.0))
        nodes.append({"id": node, "label": label, "title": node_title(G, node), "group": t,
                      "color": st["color"], "shape": st["shape"], "size": round(size, 1),
                      "x": round(x, 1), "y": round(y, 1), "font": {"multi": "html"}})
        ids.append(node)
    net.node_map = {nd["id"]: nd for nd in nodes}
    for u, v, k, d in G.edges(keys=True, data=True):
        rel = d.get("relation", "")
        st = edge_style(rel)
        net.edges.append({"from": u, "to": v, "id": f"{u}|{v}|{k}", "title": edge_title(G, u, v, d),
                          "color": st["color"], "dashes": st["dashes"], "arrows": "to",
                          "width": 2 if rel in ("asserts", "denies") else 1, "relation": rel})
    big = not physics and n > PHYSICS_MAX
    net.options = {
        "physics": {"enabled": bool(physics), "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 150, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big},
        "edges": {"smooth": False if big else {"enabled": True, "type": "continuous"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 13, "multi": "html"}},
        "layout": {"improvedLayout": False},
    }
    net.gk_title = title
    return net


def _environment():
    import pyvis
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader

    from graphkit.viz.template import TEMPLATE

    pyvis_templates = os.path.join(os.path.dirname(pyvis.__file__), "templates")
    return Environment(loader=ChoiceLoader([DictLoader({"graphkit.html": TEMPLATE}),
                                            FileSystemLoader(pyvis_templates)]))


def render(net, subtitle: str = "") -> str:
    """The page for a network from :func:`to_network` (pyvis's ``generate_html``
    over graphkit's template)."""
    net.templateEnv = _environment()
    net.path = "graphkit.html"
    html = net.generate_html(name="graph.html", notebook=False)
    # generate_html passes no page title or legend: fill them here (static or escaped)
    types = {nd.get("group") for nd in net.nodes}
    rels = {e.get("relation") for e in net.edges}
    head = f"{esc(getattr(net, 'gk_title', 'graphkit'))}<small>{esc(subtitle)}</small>"
    return (html.replace("<title></title>", f"<title>{esc(getattr(net, 'gk_title', 'graphkit'))}</title>", 1)
                .replace('<div id="gk-header"></div>', f'<div id="gk-header">{head}</div>', 1)
                .replace('<div id="gk-legend"></div>', f'<div id="gk-legend">{legend_html(types, rels)}</div>', 1))


def write_html(G: nx.MultiDiGraph, path: Union[str, Path], title: str = "graphkit",
               physics: Optional[bool] = None, subtitle: Optional[str] = None) -> Path:
    """Write ``G`` as an offline interactive HTML page; returns the path."""
    path = Path(path)
    net = to_network(G, physics=physics, title=title)
    if subtitle is None:
        subtitle = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
    text = render(net, subtitle)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise VizError(f"cannot write {path}: {exc}") from None
    return path


__all__ = ["write_html", "to_network", "render", "node_title", "edge_title", "esc", "esc_label",
           "VizError"]
