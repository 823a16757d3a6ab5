"""The analysis report: claims, chains, outlets, sources; as JSON or a table.

>>> import networkx as nx
>>> r = build_report(nx.MultiDiGraph())
>>> r.as_dict()["summary"]["claims"]
0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import networkx as nx

from graphkit.analyze.chains import Chain, chains
from graphkit.analyze.claims import ClaimReport, claim_reports
from graphkit.analyze.crossclaims import ClaimCluster, link_claims
from graphkit.analyze.outlets import circular_reporting, outlet_dependency
from graphkit.analyze.sources import most_cited


@dataclass
class Report:
    """Result of :func:`graphkit.analyze.analyze`; ``graph`` is the projection."""

    graph: nx.MultiDiGraph
    claims: list[ClaimReport] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)
    dependency: dict = field(default_factory=dict)
    top_sources: list[dict] = field(default_factory=list)
    cross_claims: Optional[list[ClaimCluster]] = None   # None: not computed

    def label(self, node: str) -> str:
        return str(self.graph.nodes[node].get("label", node)) if node in self.graph else node

    def claim(self, claim_id: str) -> ClaimReport:
        """The report of one claim (IRI or its last path segment)."""
        for c in self.claims:
            if c.id == claim_id or c.id.rsplit("/", 1)[-1] == claim_id:
                return c
        raise KeyError(claim_id)

    @property
    def contested(self) -> list[ClaimReport]:
        return [c for c in self.claims if c.contested]

    def as_dict(self) -> dict:
        G = self.graph
        types: dict[str, int] = {}
        for _, d in G.nodes(data=True):
            types[d.get("type", "?")] = types.get(d.get("type", "?"), 0) + 1
        out = {
            "summary": {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                        "types": dict(sorted(types.items())), "claims": len(self.claims),
                        "contested": len(self.contested), "cycles": len(self.cycles)},
            "claims": [c.as_dict() for c in self.claims],
            "chains": [c.as_dict() for c in self.chains],
            "circular_reporting": [[self.label(n) for n in cyc] for cyc in self.cycles],
            "outlet_dependency": {
                self.label(o): {"total": v["total"],
                                "through": {("direct" if k == "direct" else self.label(k)): s
                                            for k, s in v["through"].items()}}
                for o, v in self.dependency.items()},
            "most_cited": self.top_sources,
        }
        if self.cross_claims is not None:
            out["summary"]["cross_article_claims"] = len(self.cross_claims)
            out["cross_article_claims"] = [k.as_dict() for k in self.cross_claims]
        return out

    def to_table(self) -> str:
        """Plain-text summary for a terminal."""
        lines: list[str] = []
        d = self.as_dict()
        s = d["summary"]
        lines.append(f"{s['nodes']} nodes, {s['edges']} edges, {s['claims']} claims "
                     f"({s['contested']} contested), {s['cycles']} circular-reporting cycles")
        for c in self.claims:
            flags = [f for f, on in (("contested", c.contested), ("single-source", c.single_source),
                                     ("anonymous-only", c.anonymous_only)) if on]
            lines.append("")
            lines.append(f"claim {c.id.rsplit('/', 1)[-1]}: {_one_line(c.text)}"
                         + (f"  [{', '.join(flags)}]" if flags else ""))
            for side in ("asserts", "denies"):
                if c.sources[side]:
                    lines.append(f"  {side}: {', '.join(r.label for r in c.sources[side])}")
                    lines.append(f"    independent original sources ({c.independent(side)}): "
                                 + ", ".join(_ref(r) for r in c.original[side]))
            if c.relays:
                lines.append(f"  relays (collapsed): {', '.join(c.relays)}")
            if c.unattributed:
                lines.append(f"  unattributed statements: {c.unattributed}")
            lines.append(f"  longest chain: {c.depth} hop(s)")
        if self.cycles:
            lines.append("")
            lines.append("circular reporting:")
            for cyc in d["circular_reporting"]:
                lines.append("  " + " -> ".join(cyc + cyc[:1]))
        if d["outlet_dependency"]:
            lines.append("")
            lines.append("outlet dependency (share of attributions through):")
            for o, v in d["outlet_dependency"].items():
                parts = ", ".join(f"{k} {s:.0%}" for k, s in v["through"].items())
                lines.append(f"  {o} ({v['total']}): {parts}")
        if self.top_sources:
            lines.append("")
            lines.append("most-cited sources (pagerank, statements, relayed):")
            for r in self.top_sources:
                lines.append(f"  {r['label']} [{r['type']}] {r['pagerank']:.4f} {r['statements']} {r['relayed']}")
        if self.cross_claims is not None:
            lines.extend(_cross_lines(self.cross_claims))
        return "\n".join(lines)


def _cross_lines(clusters: list[ClaimCluster]) -> list[str]:
    lines = ["", f"claims across articles ({len(clusters)}):"]
    for k in clusters:
        flag = "  [contested across outlets]" if k.contested_across_outlets else \
            ("  [contested]" if k.contested else "")
        lines.append(f"  {_one_line(k.text)}{flag}")
        lines.append(f"    {len(k.articles)} articles, {len(k.outlets)} outlets: {', '.join(k.outlets)}")
        for side in ("asserts", "denies"):
            if k.sides[side] or k.original[side]:
                lines.append(f"    {side} ({', '.join(k.sides[side])}): independent original sources "
                             f"({k.independent(side)}): " + ", ".join(_ref(r) for r in k.original[side]))
        if k.relays:
            lines.append(f"    relays (collapsed): {', '.join(k.relays)}")
    return lines


def _ref(r) -> str:
    extra = []
    if r.anonymous:
        extra.append("anonymous")
    if r.merged:
        extra.append("with " + ", ".join(r.merged))
    return r.label + (f" ({'; '.join(extra)})" if extra else "")


def _one_line(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def build_report(G: nx.MultiDiGraph, top: int = 10, cross_article: Optional[bool] = None,
                 threshold: Optional[float] = None) -> Report:
    """Run every analysis over a projection.  ``cross_article``: link claims
    across articles (:func:`~graphkit.analyze.crossclaims.link_claims`); None
    means "when the projection has more than one article"."""
    claims = claim_reports(G)
    if cross_article is None:
        cross_article = sum(1 for _, d in G.nodes(data=True) if d.get("type") == "article") > 1
    cross = link_claims(G, threshold=threshold, reports=claims) if cross_article else None
    return Report(graph=G, claims=claims, chains=chains(G), cycles=circular_reporting(G),
                  dependency=outlet_dependency(G), top_sources=most_cited(G, top=top),
                  cross_claims=cross)
