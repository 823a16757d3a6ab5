"""Time writing the interactive HTML for a synthetic 5,000-node projection.

Prints the median of several runs of graphkit's path (layout + direct append
to ``net.nodes``/``net.edges`` + render + write) next to a baseline in the
same run: pyvis's ``from_nx`` + ``write_html`` over the same graph with the
same precomputed positions.

    python benchmarks/viz.py [--nodes 5000] [--runs 5]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphkit.viz.html import edge_title, node_title, to_network, render  # noqa: E402
from graphkit.viz.layout import positions  # noqa: E402
from graphkit.viz.styles import node_style  # noqa: E402


def synthetic(n_nodes: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A projection-shaped graph: outlets publish articles; each article has
    statements (quoted directly or through a relay outlet) by sources, about
    claims shared across articles."""
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    n_out, n_src, n_claim = 40, n_nodes // 6, n_nodes // 12
    outlets = [f"o{i}" for i in range(n_out)]
    for o in outlets:
        G.add_node(o, type="outlet", label=f"Outlet {o}")
    sources = [f"s{i}" for i in range(n_src)]
    for s in sources:
        G.add_node(s, type=rnd.choice(["person", "person", "organization", "government", "anonymous"]),
                   label=f"Source {s}")
    claims = [f"c{i}" for i in range(n_claim)]
    for c in claims:
        G.add_node(c, type="claim", label=f"claim {c}", text=f"claim text {c}")
    a = st = 0
    while G.number_of_nodes() < n_nodes:
        art = f"a{a}"
        a += 1
        pub = rnd.choice(outlets)
        G.add_node(art, type="article", label=f"Article {art}", headline=f"Article {art}", outlet=pub)
        G.add_edge(pub, art, relation="publishes", article=art)
        for _ in range(rnd.randint(2, 5)):
            if G.number_of_nodes() >= n_nodes:
                break
            s = f"st{st}"
            st += 1
            src = rnd.choice(sources)
            via = [rnd.choice(outlets)] if rnd.random() < 0.4 else []
            pol = "denies" if rnd.random() < 0.2 else "asserts"
            G.add_node(s, type="statement", label="quote", text=f"quoted words {s}", polarity=pol,
                       certainty="certain", article=art, source=src, via=via, begin=0, end=10,
                       sentence=f"Someone said quoted words {s}.")
            ev = {"article": art, "statement": s, "quote": f"quoted words {s}"}
            prev = art
            for v in via:
                G.add_edge(prev, v, relation="quotes", **ev)
                prev = v
            G.add_edge(prev, s, relation="quotes", **ev)
            G.add_edge(s, src, relation="attributed-to", **ev)
            G.add_edge(s, rnd.choice(claims), relation=pol, **ev)
    return G


def graphkit_write(G, out: Path) -> None:
    net = to_network(G)
    out.write_text(render(net), encoding="utf-8")


def from_nx_write(G, pos, out: Path) -> None:
    from pyvis.network import Network

    D = nx.DiGraph()
    for n, d in G.nodes(data=True):
        st = node_style(d.get("type", "agent"))
        x, y = pos[n]
        D.add_node(n, label=str(d.get("label", n)), title=node_title(G, n), color=st["color"],
                   shape=st["shape"], size=st["size"], x=x, y=y)
    for u, v, d in G.edges(data=True):
        D.add_edge(u, v, title=edge_title(G, u, v, d))
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(D)
    net.toggle_physics(False)
    net.write_html(str(out), notebook=False)


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    G = synthetic(args.nodes)
    tmp = Path(tempfile.mkdtemp())
    t_layout = median_time(lambda: positions(G), args.runs)
    pos = positions(G)
    t_gk = median_time(lambda: graphkit_write(G, tmp / "graphkit.html"), args.runs)
    t_nx = median_time(lambda: from_nx_write(G, pos, tmp / "from_nx.html"), args.runs)
    size = (tmp / "graphkit.html").stat().st_size
    print(f"synthetic projection: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"median of {args.runs} runs")
    print(f"  graphkit write_html (layout + direct append + render + write): {t_gk:.2f} s "
          f"(layout alone {t_layout:.2f} s), {size / 1e6:.1f} MB")
    print(f"  baseline pyvis from_nx + write_html (positions precomputed, not timed): {t_nx:.2f} s")


if __name__ == "__main__":
    main()
