"""Export the store as RDF (Turtle, TriG, N-Quads, JSON-LD).

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


class ExportError(ValueError):
    """Unknown format or unwritable output."""


def export(store: Union[str, Path, GraphStore], fmt: str = "trig", out: Optional[Union[str, Path]] = None) -> str:
    """Serialise the whole store; write it to ``out`` when given.

    ``turtle`` flattens all graphs into one (named graphs are lost); ``trig``,
    ``nquads`` and ``jsonld`` keep one named graph per article.
    Returns the serialised text.
    """
    if fmt not in RDF_FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    st = store if isinstance(store, GraphStore) else open_store(store)
    try:
        if fmt == "turtle":
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
