"""Export the store as RDF (Turtle, TriG, N-Quads, JSON-LD), or its
NetworkX projection as GEXF / GraphML (for Gephi).

>>> from graphkit.rdf.store import open_store
>>> st = open_store("memory")
>>> export(st, "nquads").strip()
''
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from graphkit.rdf.store import GraphStore, open_store

# format name -> rdflib serializer name
RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
# graph formats: networkx writers over graphkit.analyze.project (see graphkit/analyze/readwrite.py)
GRAPH_FORMATS = ("gexf", "graphml")
FORMATS = [*RDF_FORMATS, *GRAPH_FORMATS]


class ExportError(ValueError):
    """Unknown format or unwritable output."""


def export(store: Union[str, Path, GraphStore], fmt: str = "trig", out: Optional[Union[str, Path]] = None) -> str:
    """Serialise the whole store; write it to ``out`` when given.

    ``turtle`` flattens all graphs into one (named graphs are lost); ``trig``,
    ``nquads`` and ``jsonld`` keep one named graph per article; ``gexf`` and
    ``graphml`` write the NetworkX projection (:func:`graphkit.analyze.project`).
    Returns the serialised text.
    """
    if fmt not in RDF_FORMATS and fmt not in GRAPH_FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    st = store if isinstance(store, GraphStore) else open_store(store)
    try:
        if fmt in GRAPH_FORMATS:
            from graphkit.analyze import project
            from graphkit.analyze.readwrite import write_graph

            text = write_graph(project(st), fmt)
        elif fmt == "turtle":
            from rdflib import Graph

            flat = Graph()
            for prefix, ns in st.dataset.namespaces():
                flat.bind(prefix, ns)
            for s, p, o, _g in st.dataset.quads((None, None, None, None)):
                flat.add((s, p, o))
            text = flat.serialize(format="turtle")
        else:
            text = st.dataset.serialize(format=RDF_FORMATS[fmt])
    finally:
        if not isinstance(store, GraphStore):
            st.close()
    if out is not None:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc}") from None
    return text
