"""Colours and shapes by node type, colours by edge relation, the legend.

>>> node_style("claim")["shape"]
'star'
>>> "denies" in legend_html()
True
"""
from __future__ import annotations

import html

# node type -> (label in the legend, colour, vis-network shape, size)
NODE_STYLES: dict[str, tuple[str, str, str, int]] = {
    "article": ("article", "#4e79a7", "square", 16),
    "outlet": ("news outlet", "#f28e2b", "diamond", 18),
    "person": ("person", "#59a14f", "dot", 14),
    "organization": ("organisation", "#76b7b2", "hexagon", 16),
    "government": ("government", "#9c755f", "hexagon", 16),
    "group": ("group of people", "#8cd17d", "dot", 14),
    "anonymous": ("anonymous source", "#9d9d9d", "triangleDown", 15),
    "agent": ("other source", "#d4a6c8", "dot", 12),
    "claim": ("claim", "#edc948", "star", 22),
    "statement": ("statement (one speech act)", "#b07aa1", "triangle", 9),
}

# relation -> (legend text, colour, dashed)
EDGE_STYLES: dict[str, tuple[str, str, bool]] = {
    "asserts": ("asserts", "#2ca02c", False),
    "denies": ("denies", "#d62728", False),
    "attributed-to": ("said by", "#59a14f", False),
    "quotes": ("quotes / was quoted from", "#7f7f7f", False),
    "cites": ("cites", "#f28e2b", True),
    "based-on": ("based on", "#ff9d9a", True),
    "publishes": ("publishes", "#4e79a7", False),
    "member-of": ("member of", "#76b7b2", True),
}


def node_style(node_type: str) -> dict:
    """vis-network node options for a node type."""
    _, color, shape, size = NODE_STYLES.get(node_type, NODE_STYLES["agent"])
    return {"color": color, "shape": shape, "size": size}


def edge_style(relation: str) -> dict:
    """vis-network edge options for a relation."""
    _, color, dashed = EDGE_STYLES.get(relation, ("", "#bbbbbb", False))
    return {"color": color, "dashes": dashed}


_SHAPE_GLYPH = {"square": "&#9632;", "diamond": "&#9670;", "dot": "&#9679;", "hexagon": "&#11042;",
                "triangleDown": "&#9660;", "star": "&#9733;", "triangle": "&#9650;"}


def legend_html(node_types=None, relations=None) -> str:
    """A static legend (no article text) for the node types and relations shown."""
    rows = ['<div class="gk-legend-title">Nodes</div>']
    for t, (text, color, shape, _) in NODE_STYLES.items():
        if node_types is not None and t not in node_types:
            continue
        rows.append(f'<div><span class="gk-glyph" style="color:{color}">{_SHAPE_GLYPH[shape]}</span>'
                    f" {html.escape(text)}</div>")
    rows.append('<div class="gk-legend-title">Edges</div>')
    for r, (text, color, dashed) in EDGE_STYLES.items():
        if relations is not None and r not in relations:
            continue
        style = "dashed" if dashed else "solid"
        rows.append(f'<div><span class="gk-line" style="border-top:3px {style} {color}"></span>'
                    f" {html.escape(text)}</div>")
    return "\n".join(rows)
