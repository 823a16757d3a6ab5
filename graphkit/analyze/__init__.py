"""Citation-chain analysis with NetworkX over a projection of the RDF store.

* :func:`project` — store -> typed :class:`networkx.MultiDiGraph` (SPARQL)
* :func:`chains` — outlet -> relays -> original source of each attribution
* :func:`claim_reports` — origin, sides, independent sources, contested claims
* :func:`outlet_dependency`, :func:`circular_reporting` — outlets
* :func:`most_cited` — sources by PageRank
* :func:`link_claims` — the same claim across articles and outlets
* :func:`analyze` — all of it as a :class:`Report`

>>> from graphkit.rdf.store import open_store
>>> report = analyze(open_store("memory"))
>>> report.as_dict()["summary"]["nodes"]
0
"""
from __future__ import annotations

from typing import Iterable, Optional, Union

from graphkit.analyze.chains import Chain, chain_of, chains
from graphkit.analyze.claims import ClaimReport, SourceRef, claim_reports, relay_statements
from graphkit.analyze.crossclaims import ClaimCluster, link_claims
from graphkit.analyze.outlets import circular_reporting, dependency_graph, outlet_dependency
from graphkit.analyze.project import (AGENT_TYPES, NODE_TYPES, RELATIONS, ProjectionError,
                                      find_entities, project)
from graphkit.analyze.report import Report, build_report
from graphkit.analyze.sources import citation_graph, most_cited, pagerank
from graphkit.rdf.store import GraphStore


def analyze(
    store: GraphStore,
    article: Union[str, Iterable[str], None] = None,
    outlet: Optional[str] = None,
    entity: Optional[str] = None,
    since=None,
    until=None,
    top: int = 10,
    cross_article: Optional[bool] = None,
    threshold: Optional[float] = None,
) -> Report:
    """Project the store (filters as in :func:`project`) and run every analysis.
    ``cross_article`` (default: when more than one article is selected) adds
    the ``cross_article_claims`` section; ``threshold`` is its cosine."""
    G = project(store, article=article, outlet=outlet, entity=entity, since=since, until=until)
    return build_report(G, top=top, cross_article=cross_article, threshold=threshold)


__all__ = ["analyze", "project", "find_entities", "Report", "build_report", "Chain", "chains",
           "chain_of", "ClaimReport", "SourceRef", "ClaimCluster", "link_claims", "claim_reports", "relay_statements",
           "circular_reporting", "dependency_graph", "outlet_dependency", "most_cited",
           "citation_graph", "pagerank", "ProjectionError", "NODE_TYPES", "RELATIONS",
           "AGENT_TYPES"]
