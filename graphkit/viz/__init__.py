"""Interactive HTML graph of the store (pyvis), offline and escaped.

* :func:`viz` — store -> HTML file (whole graph, an entity's neighbourhood,
  or one claim); returns the path
* :func:`show` — the same for Jupyter, displayed in an ``<iframe srcdoc>``
  (no server, no internet)
* :func:`write_html` — any projection -> HTML

>>> import tempfile, pathlib
>>> from graphkit.rdf.store import open_store
>>> out = viz(open_store("memory"), pathlib.Path(tempfile.mkdtemp()) / "g.html")
>>> out.name
'g.html'
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

import networkx as nx

from graphkit.analyze.project import AGENT_TYPES, find_entities, project
from graphkit.rdf.store import GraphStore
from graphkit.viz.html import VizError, esc, render, to_network, write_html
from graphkit.viz.views import claim_view, focus_view, match_nodes


def select(G: nx.MultiDiGraph, focus: Optional[str] = None, depth: int = 2,
           claim: Optional[str] = None, store: Optional[GraphStore] = None) -> tuple[nx.MultiDiGraph, str]:
    """The sub-graph to draw and a subtitle describing it."""
    if claim is not None:
        ids = match_nodes(G, claim, types=["claim"])
        if not ids:
            raise VizError(f"no claim matches {claim!r}")
        H = nx.compose_all([claim_view(G, c) for c in ids])
        return H, "claim: " + "; ".join(str(G.nodes[c].get("label", c)) for c in ids)
    if focus is not None:
        ids = [i for i in (find_entities(store, focus) if store is not None else []) if i in G]
        ids = ids or match_nodes(G, focus, types=AGENT_TYPES | {"article"})
        if not ids:
            raise VizError(f"no entity matches {focus!r}")
        H = focus_view(G, ids, depth)
        return H, f"around {', '.join(str(G.nodes[i].get('label', i)) for i in ids)} (depth {depth})"
    return G, ""


def viz(store: GraphStore, out: Union[str, Path], focus: Optional[str] = None, depth: int = 2,
        claim: Optional[str] = None, physics: Optional[bool] = None, title: str = "graphkit",
        **filters) -> Path:
    """Write the graph (or a focus / claim view of it) to ``out``; returns the path.
    ``filters`` go to :func:`graphkit.analyze.project` (article, outlet,
    entity, since, until)."""
    G = project(store, **filters)
    H, what = select(G, focus=focus, depth=depth, claim=claim, store=store)
    sub = f"{H.number_of_nodes()} nodes, {H.number_of_edges()} edges" + (f" — {what}" if what else "")
    return write_html(H, out, title=title, physics=physics, subtitle=sub)


def show(source: Union[GraphStore, nx.MultiDiGraph], out: Optional[Union[str, Path]] = None,
         focus: Optional[str] = None, depth: int = 2, claim: Optional[str] = None,
         height: int = 640, **filters):
    """Display the graph in Jupyter: an ``IPython.display.HTML`` holding an
    ``<iframe srcdoc=…>`` with the whole page inline (works offline, no file
    server).  Also writes ``out`` when given.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("p", type="person", label="Ann")
    >>> show(G).data.startswith("<iframe")
    True
    """
    if isinstance(source, GraphStore):
        G = project(source, **filters)
        H, what = select(G, focus=focus, depth=depth, claim=claim, store=source)
    else:
        H, what = select(source, focus=focus, depth=depth, claim=claim)
    net = to_network(H, height=f"{height - 50}px")
    page = render(net, f"{H.number_of_nodes()} nodes" + (f" — {what}" if what else ""))
    if out is not None:
        Path(out).write_text(page, encoding="utf-8")
    frame = (f'<iframe srcdoc="{esc(page)}" style="width:100%;height:{int(height)}px;border:0" '
             f'sandbox="allow-scripts"></iframe>')
    try:
        from IPython.display import HTML
    except ImportError:  # pragma: no cover - IPython is in the notebooks extra
        return frame
    import warnings

    with warnings.catch_warnings():
        # IPython suggests IFrame, which cannot carry the page inline (srcdoc)
        warnings.filterwarnings("ignore", message="Consider using IPython.display.IFrame")
        return HTML(frame)


__all__ = ["viz", "show", "select", "write_html", "to_network", "render", "VizError"]
