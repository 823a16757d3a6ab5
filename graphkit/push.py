"""Copy a store to an external SPARQL 1.1 server (Graph Store HTTP Protocol).

Every named graph is sent with ``PUT <endpoint>?graph=<iri>`` (which
replaces that graph on the server: pushing twice gives the same data), and
the default graph (the provenance records) with ``PUT <endpoint>?default``.
A graph larger than ``batch`` triples is sent as one ``PUT`` of the first
``batch`` triples followed by ``POST`` requests (which add) of the rest, so no
request is larger than ``batch`` triples.  Bodies are N-Triples written by
Oxigraph's (or rdflib's) serialiser.

``endpoint`` is the server's Graph Store endpoint, e.g. Oxigraph
``http://host:7878/store``, Fuseki ``http://host:3030/DATASET/data``,
GraphDB ``http://host:7200/repositories/REPO/rdf-graphs/service``.

>>> graph_url("http://h:7878/store", "https://w3id.org/graphkit/graph/t-1")
'http://h:7878/store?graph=https%3A%2F%2Fw3id.org%2Fgraphkit%2Fgraph%2Ft-1'
>>> graph_url("http://h:7878/store?x=1", None)
'http://h:7878/store?x=1&default'
"""
from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from graphkit.rdf.store import GraphStore, open_store


class PushError(RuntimeError):
    """The server refused a request or cannot be reached (one-line message)."""


@dataclass
class PushReport:
    """What a push sent."""

    graphs: int = 0        # named graphs (the default graph not counted)
    triples: int = 0       # triples sent, default graph included
    requests: int = 0


def graph_url(endpoint: str, graph: Optional[str]) -> str:
    """The Graph Store Protocol URL of a named graph (None: the default graph)."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def _check_endpoint(endpoint: str) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"not an http(s) URL: {endpoint!r} (give the server's Graph Store endpoint, "
                        "e.g. http://localhost:7878/store)")
    return endpoint


def _chunks(st: GraphStore, graph: Optional[str], batch: int) -> Iterator[tuple[bytes, int]]:
    """N-Triples bodies of at most ``batch`` triples of one graph."""
    ox_store = getattr(st, "_ox", None)
    if ox_store is not None:
        import pyoxigraph as ox

        name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        buf: list = []
        for quad in ox_store.quads_for_pattern(None, None, None, name):
            buf.append(quad.triple)
            if len(buf) >= batch:
                yield ox.serialize(buf, format=ox.RdfFormat.N_TRIPLES), len(buf)
                buf = []
        if buf:
            yield ox.serialize(buf, format=ox.RdfFormat.N_TRIPLES), len(buf)
        return
    from rdflib import Graph, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    g = st.dataset.graph(DATASET_DEFAULT_GRAPH_ID if graph is None else URIRef(graph))
    triples = list(g)
    for i in range(0, len(triples), batch):
        part = Graph()
        for t in triples[i:i + batch]:
            part.add(t)
        yield part.serialize(format="nt", encoding="utf-8"), len(part)


def _graphs(st: GraphStore) -> list[str]:
    ox_store = getattr(st, "_ox", None)
    if ox_store is not None:
        return sorted(g.value for g in ox_store.named_graphs() if hasattr(g, "value"))
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return sorted(str(c.identifier) for c in st.dataset.contexts()
                  if c.identifier != DATASET_DEFAULT_GRAPH_ID and len(c))


def _send(method: str, url: str, body: bytes, auth: Optional[str], timeout: float, what: str) -> None:
    headers = {"Content-Type": "application/n-triples"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise PushError(f"{method} {what}: the server answered HTTP {exc.code} {exc.reason}"
                        + (f": {detail[0][:200]}" if detail else "")) from None
    except urllib.error.URLError as exc:
        raise PushError(f"cannot reach {url.split('?')[0]}: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise PushError(f"{method} {what}: {exc}") from None


def push(
    store: Union[str, Path, GraphStore],
    endpoint: str,
    batch: int = 50_000,
    progress: Optional[Callable[[str, int], None]] = None,
    auth: Optional[str] = None,
    timeout: float = 120.0,
) -> PushReport:
    """Send every named graph and the default graph of ``store`` to the
    Graph Store endpoint ``endpoint`` (see the module docstring).

    ``progress(graph, triples)`` is called after each graph; ``auth`` is
    ``"user:password"`` for HTTP basic authentication.  Raises
    :class:`PushError` on the first failed request.
    """
    _check_endpoint(endpoint)
    if batch < 1:
        raise PushError("--batch must be at least 1")
    st = store if isinstance(store, GraphStore) else open_store(store, read_only=True)
    report = PushReport()
    try:
        for graph in [*_graphs(st), None]:
            what = f"graph <{graph}>" if graph else "the default graph"
            url = graph_url(endpoint, graph)
            sent = 0
            for i, (body, n) in enumerate(_chunks(st, graph, batch)):
                _send("PUT" if i == 0 else "POST", url, body, auth, timeout, what)
                report.requests += 1
                sent += n
            if sent == 0 and graph is not None:
                _send("PUT", url, b"", auth, timeout, what)  # an empty graph stays empty
                report.requests += 1
            report.triples += sent
            if graph is not None:
                report.graphs += 1
            if progress:
                progress(graph or "default", sent)
    finally:
        if not isinstance(store, GraphStore):
            st.close()
    return report


__all__ = ["push", "PushReport", "PushError", "graph_url"]
