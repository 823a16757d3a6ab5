"""The RDF store: one named graph per article, provenance in the default graph.

Two backends give the same answers: Oxigraph on disk (through oxrdflib; the
default, persistent) and rdflib's in-memory store (``"memory"``).  Writing an
article's graph is atomic on Oxigraph (one SPARQL update transaction), so a
killed run never leaves half a graph behind.

>>> from graphkit.records import Article
>>> from graphkit.rdf.model import article_graph
>>> st = open_store("memory")
>>> art = Article(text="Hello.", id="t-x", lang="en", source="x.txt")
>>> st.put(art, article_graph(art, []))
'added'
>>> st.put(art, article_graph(art, []))
'unchanged'
>>> st.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }").bindings[0]["n"].toPython()
1
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Literal as _Literal, Mapping, Optional, Union

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result

from graphkit.ids import ENTITIES_GRAPH, content_hash, graph_iri, is_shared
from graphkit.rdf.model import provenance
from graphkit.rdf.vocab import GK, PREFIXES
from graphkit.records import Article

MEMORY = "memory"
_NS = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
Status = _Literal["added", "replaced", "unchanged"]


class StoreError(RuntimeError):
    """The store cannot be opened or written (clear message, no traceback)."""


class GraphStore:
    """A dataset of per-article named graphs.

    Use :func:`open_store` to get one.  ``dataset`` is an rdflib
    :class:`~rdflib.Dataset` whose default graph, for queries, is the union
    of all graphs.
    """

    def __init__(self, location: Union[str, Path, None] = None, read_only: bool = False) -> None:
        self.location = None if location in (None, MEMORY) else Path(location)
        self.read_only = read_only
        if self.location is None:
            self.backend = "memory"
            self.dataset = Dataset(default_union=True)
            self._ox = None
        else:
            import pyoxigraph as ox
            from oxrdflib import OxigraphStore

            self.backend = "oxigraph"
            if self.location.exists() and not self.location.is_dir():
                raise StoreError(f"store path {self.location} exists and is not a directory")
            try:
                if read_only:
                    if not self.location.is_dir():
                        raise StoreError(f"no store at {self.location}")
                    self._ox = ox.Store.read_only(str(self.location))
                else:
                    self.location.mkdir(parents=True, exist_ok=True)
                    self._ox = ox.Store(str(self.location))
            except OSError as exc:
                raise StoreError(f"cannot open store {self.location}: {exc}") from None
            self.dataset = Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns, override=True)

    # -- reading ----------------------------------------------------------
    def query(self, sparql: str, bindings: Optional[Mapping[str, object]] = None) -> Result:
        """Run a SPARQL query (string) with optional variable bindings
        (values are RDF terms); the common prefixes are predeclared."""
        return self.dataset.query(sparql, initNs=_NS, initBindings=dict(bindings or {}))

    def __len__(self) -> int:
        """Number of quads in the whole dataset (all graphs)."""
        if self._ox is not None:
            return len(self._ox)
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def graph_hash(self, gid: URIRef) -> Optional[str]:
        """Content hash recorded for a named graph, or None."""
        if self._ox is not None:
            import pyoxigraph as ox

            for q in self._ox.quads_for_pattern(ox.NamedNode(str(gid)), ox.NamedNode(str(GK.contentHash)),
                                                None, ox.DefaultGraph()):
                return q.object.value
            return None
        for o in self._default().objects(gid, GK.contentHash):
            return str(o)
        return None

    def graphs_from(self, source: str) -> list[URIRef]:
        """Named graphs whose provenance says they came from ``source``."""
        if self._ox is not None:
            import pyoxigraph as ox

            return [URIRef(q.subject.value) for q in self._ox.quads_for_pattern(
                None, ox.NamedNode(str(GK.sourceFile)), ox.Literal(source), ox.DefaultGraph())]
        return [URIRef(s) for s in self._default().subjects(GK.sourceFile, Literal(source))]

    def article_graphs(self) -> list[URIRef]:
        """All article graphs (those with a provenance record)."""
        return sorted({URIRef(s) for s in self._default().subjects(GK.contentHash, None)})

    def _default(self) -> Graph:
        return self.dataset.graph(DATASET_DEFAULT_GRAPH_ID)

    # -- writing ----------------------------------------------------------
    def put(self, article: Article, graph: Iterable[tuple], replace_source: bool = True) -> Status:
        """Store an article's graph, replacing its previous version.

        Returns ``"unchanged"`` (same text already stored: nothing written),
        ``"replaced"`` or ``"added"``.  With ``replace_source``, graphs
        earlier ingested from the same source (file path or path:line) are
        dropped too, so an edited file replaces its own graph.
        """
        return self.put_many([(article, graph)], replace_source)[0]

    def put_many(self, items: Iterable[tuple[Article, Iterable[tuple]]],
                 replace_source: bool = True) -> list[Status]:
        """:meth:`put` for several articles in one transaction (all or none
        of them are written), which is much faster on Oxigraph."""
        if self.read_only:
            raise StoreError("store is open read-only")
        statuses: list[Status] = []
        updates: list[str] = []
        batch: dict[URIRef, str] = {}      # graphs written by this batch -> hash
        for article, graph in items:
            gid = graph_iri(article.id)
            digest = content_hash(article.text)
            if batch.get(gid, self.graph_hash(gid)) == digest:
                statuses.append("unchanged")
                continue
            stale = {gid}
            if replace_source and article.source not in ("-", ""):
                stale.update(self.graphs_from(article.source))
            existed = any(g in batch or self.graph_hash(g) is not None for g in stale)
            batch[gid] = digest
            prov = provenance(article)
            own, shared = split_shared(graph)
            if self._ox is not None:
                updates.append(_replace_update(stale, gid, own, shared, prov))
            else:
                self._put_memory(stale, gid, own, shared, prov)
            statuses.append("replaced" if existed else "added")
        if updates:
            self._ox.update(" ;\n".join(updates))
        return statuses

    def _put_memory(self, stale, gid, own, shared, prov) -> None:
        for g in stale:
            self.dataset.remove_graph(self.dataset.graph(g))
            self._default().remove((g, None, None))
        target = self.dataset.graph(gid)
        for t in own:
            target.add(t)
        entities = self.dataset.graph(ENTITIES_GRAPH)
        for t in shared:
            entities.add(t)
        for t in prov:
            self._default().add(t)

    def remove(self, gid: URIRef) -> None:
        """Drop one article graph and its provenance."""
        if self._ox is not None:
            self._ox.update(_drop(gid))
        else:
            self.dataset.remove_graph(self.dataset.graph(gid))
            self._default().remove((gid, None, None))

    def close(self) -> None:
        if self._ox is not None and not self.read_only:
            try:
                self._ox.flush()
            except (OSError, RuntimeError):
                pass
        self.dataset.close()
        # Oxigraph releases its directory lock when the last reference goes
        self._ox = None
        self.dataset = None  # type: ignore[assignment]
        import gc

        gc.collect()

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def split_shared(graph: Iterable[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Split an article's triples into its own and the descriptions of
    shared entities (people, outlets, organisations, roles).

    Shared descriptions go to one graph (ENTITIES_GRAPH) so that every
    triple is stored once: Oxigraph's union default graph is a multiset, and
    a label repeated in many article graphs would multiply query rows.
    """
    own: list[tuple] = []
    shared: list[tuple] = []
    for t in graph:
        (shared if is_shared(t[0]) else own).append(t)
    return own, shared


def _nt(triples: Iterable[tuple]) -> str:
    """N-Triples text; rdflib's ``n3()`` escapes quotes, backslashes and
    line breaks in literals, so article text cannot break out of a string."""
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)


def _drop(gid: URIRef) -> str:
    return f"DROP SILENT GRAPH {gid.n3()} ; DELETE WHERE {{ {gid.n3()} ?p ?o }}"


def _replace_update(stale: set[URIRef], gid: URIRef, graph: list, shared: list, prov: Graph) -> str:
    """One SPARQL update (one transaction) dropping the stale graphs and
    inserting the new graph and its provenance.  Terms are written by rdflib's
    N-Triples serialiser, which escapes every literal: article text is never
    formatted into the update by hand."""
    body = _nt(graph)
    prov_nt = _nt(prov)
    shared_nt = _nt(shared)
    drops = " ; ".join(_drop(g) for g in sorted(stale))
    return (f"{drops} ; INSERT DATA {{ GRAPH {gid.n3()} {{ {body} }} "
            f"GRAPH {ENTITIES_GRAPH.n3()} {{ {shared_nt} }} {prov_nt} }}")


def open_store(location: Union[str, Path, None] = MEMORY, read_only: bool = False) -> GraphStore:
    """Open (creating if missing) a store: a directory for the persistent
    Oxigraph store, or ``"memory"`` for rdflib's in-memory store.

    >>> open_store("memory").backend
    'memory'
    """
    return GraphStore(location, read_only=read_only)


__all__ = ["GraphStore", "StoreError", "open_store", "MEMORY"]
