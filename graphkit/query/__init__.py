"""SPARQL over the store: run a query, get a result that prints as a table.

:func:`query` runs any SPARQL text; :func:`named` runs one of the queries
shipped in ``graphkit/query/queries/`` (see ``graphkit query --list`` and
docs/sparql.md) with parameters bound as RDF terms.

>>> from graphkit.rdf.store import open_store
>>> st = open_store("memory")
>>> r = query("SELECT ?x WHERE { VALUES ?x { 1 2 } }", st)
>>> r.vars, len(r)
(['x'], 2)
>>> r.to_csv().splitlines()
['x', '1', '2']
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional, Union

from graphkit.query.result import QueryError, QueryResult
from graphkit.rdf.store import GraphStore, open_store


def read_query(sparql_or_file: str) -> str:
    """The query text: the argument itself, or the file it names.

    >>> read_query("SELECT * WHERE { ?s ?p ?o }")
    'SELECT * WHERE { ?s ?p ?o }'
    """
    text = sparql_or_file
    if "\n" not in text and len(text) < 4096 and not text.lstrip().upper().startswith(
            ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE")):
        p = Path(text)
        if p.is_file():
            try:
                return p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise QueryError(f"cannot read query file {p}: {exc}") from None
    return text


def query(
    sparql_or_file: str,
    store: Union[str, Path, GraphStore] = "memory",
    bindings: Optional[Mapping[str, object]] = None,
) -> QueryResult:
    """Run a SPARQL query (text or a file name) over a store.

    ``bindings`` maps variable names to RDF terms (or plain Python values,
    turned into literals); they are bound, never pasted into the query text.
    A malformed query raises :class:`QueryError` with a one-line message; a
    store directory that does not exist raises
    :class:`~graphkit.rdf.store.StoreError`.
    """
    from rdflib import Literal
    from rdflib.term import Identifier

    text = read_query(sparql_or_file)
    # a store directory is opened read-only: a query never writes, runs while
    # another process (ingest) holds the store, and a mistyped path gives
    # "no store at …" instead of a new empty store
    st = store if isinstance(store, GraphStore) else open_store(store, read_only=str(store) != "memory")
    try:
        terms = {k: (v if isinstance(v, Identifier) else Literal(v)) for k, v in (bindings or {}).items()}
        try:
            res = st.query(text, terms)
            return QueryResult.from_rdflib(res)
        except QueryError:
            raise
        except Exception as exc:  # parser and evaluation errors of both engines
            msg = str(exc).strip().splitlines()
            raise QueryError(f"invalid SPARQL query: {msg[0] if msg else type(exc).__name__}") from None
    finally:
        if not isinstance(store, GraphStore):
            st.close()


from graphkit.query.named import catalog, named  # noqa: E402  (uses query above)

__all__ = ["query", "named", "catalog", "read_query", "QueryResult", "QueryError"]
