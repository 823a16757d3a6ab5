"""Run a query on a remote SPARQL 1.1 endpoint (``graphkit serve``, Oxigraph,
Fuseki, GraphDB …) and get the same :class:`QueryResult` as locally.

>>> is_endpoint("http://127.0.0.1:7878/sparql"), is_endpoint("graphkit-store")
(True, False)
>>> r = from_json({"head": {"vars": ["x"]}, "results": {"bindings": [
...     {"x": {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}})
>>> r.records()
[{'x': 2}]
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from rdflib import BNode, Literal, URIRef

from graphkit.query.result import QueryError, QueryResult


def is_endpoint(location: object) -> bool:
    """True for an http(s) URL (a remote endpoint), False for a store."""
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def _term(j: dict) -> Any:
    kind = j.get("type")
    if kind == "uri":
        return URIRef(j["value"])
    if kind == "bnode":
        return BNode(j["value"])
    if "xml:lang" in j:
        return Literal(j["value"], lang=j["xml:lang"])
    dt = j.get("datatype")
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return Literal(j["value"], datatype=URIRef(dt) if dt else None)


def from_json(data: dict) -> QueryResult:
    """A :class:`QueryResult` from W3C SPARQL 1.1 Query Results JSON."""
    if "boolean" in data:
        return QueryResult([], [], boolean=bool(data["boolean"]))
    names = list(data.get("head", {}).get("vars", []))
    rows = []
    for b in data.get("results", {}).get("bindings", []):
        rows.append(tuple(_term(b[n]) if n in b else None for n in names))
    return QueryResult(names, rows)


def remote_query(sparql: str, endpoint: str, timeout: float = 120.0) -> QueryResult:
    """POST a SELECT or ASK query to ``endpoint`` (SPARQL 1.1 Protocol) and
    read the JSON results.  The query must declare its prefixes (named
    queries' :meth:`~graphkit.query.named.NamedQuery.sparql` text does)."""
    req = urllib.request.Request(
        endpoint, data=sparql.encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query; charset=utf-8",
                 "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"the endpoint answered HTTP {exc.code}"
                         + (f": {detail[0][:300]}" if detail else f" {exc.reason}")) from None
    except (urllib.error.URLError, OSError) as exc:
        raise QueryError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None
    try:
        return from_json(json.loads(body))
    except (ValueError, KeyError, TypeError):
        raise QueryError("the endpoint did not answer with SPARQL JSON results "
                         "(only SELECT and ASK are supported remotely)") from None


__all__ = ["remote_query", "from_json", "is_endpoint"]
