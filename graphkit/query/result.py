"""Query results: a table of RDF terms with table / CSV / W3C JSON output.

>>> from rdflib import Literal, URIRef
>>> r = QueryResult(["name", "n"], [(Literal("Ann"), Literal(2))])
>>> print(r.to_table())
name | n
-----+--
Ann  | 2
>>> r.to_json()["results"]["bindings"][0]["n"]["datatype"]
'http://www.w3.org/2001/XMLSchema#integer'
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any, Optional

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

_XSD_STRING = XSD.string


class QueryError(ValueError):
    """A malformed query or a bad parameter."""


def _text(term: Any) -> str:
    if term is None:
        return ""
    return str(term)


def _plain(term: Any) -> Any:
    """xsd:string literals as plain literals (the same term in RDF 1.1), so
    both backends give equal rows (Oxigraph spells the datatype out).

    >>> from rdflib.namespace import XSD
    >>> _plain(Literal("a", datatype=XSD.string)) == Literal("a")
    True
    """
    if isinstance(term, Literal) and term.datatype == _XSD_STRING:
        return Literal(str(term))
    return term


def term_json(term: Any) -> Optional[dict]:
    """One RDF term in the W3C SPARQL 1.1 Query Results JSON format."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


@dataclass
class QueryResult:
    """Rows of a SELECT (or the answer of an ASK, or the graph of a CONSTRUCT).

    Prints as a table in a terminal or a notebook; ``to_dataframe()`` gives
    a pandas DataFrame when pandas is installed.
    """

    vars: list[str]
    rows: list[tuple] = field(default_factory=list)
    boolean: Optional[bool] = None
    graph: Optional[Graph] = None

    @classmethod
    def from_rdflib(cls, res) -> "QueryResult":
        if res.type == "ASK":
            return cls([], [], boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return cls([], [], graph=res.graph)
        names = [str(v) for v in res.vars]
        rows = [tuple(_plain(row[i]) for i in range(len(names))) for row in res]
        return cls(names, rows)

    def __len__(self) -> int:
        return len(self.rows)

    def drop(self, names) -> "QueryResult":
        """The same result without the columns in ``names``.

        >>> QueryResult(["a", "b"], [(1, 2)]).drop({"a"}).rows
        [(2,)]
        """
        keep = [i for i, v in enumerate(self.vars) if v not in set(names)]
        if len(keep) == len(self.vars):
            return self
        return QueryResult([self.vars[i] for i in keep], [tuple(r[i] for i in keep) for r in self.rows],
                           self.boolean, self.graph)

    def __iter__(self):
        return iter(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (literals converted, IRIs as str)."""
        out = []
        for row in self.rows:
            rec = {}
            for name, term in zip(self.vars, row):
                rec[name] = term.toPython() if isinstance(term, Literal) else (str(term) if term is not None else None)
            out.append(rec)
        return out

    def to_table(self, max_width: int = 60) -> str:
        if self.boolean is not None:
            return "true" if self.boolean else "false"
        if self.graph is not None:
            return self.graph.serialize(format="turtle")
        cells = [[_text(t).replace("\n", " ") for t in row] for row in self.rows]
        cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(self.vars)]
        line = lambda vals: " | ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
        out = [line(self.vars), "-+-".join("-" * w for w in widths)]
        out += [line(r) for r in cells]
        return "\n".join(out)

    def to_csv(self) -> str:
        if self.boolean is not None:
            return "boolean\r\n" + ("true" if self.boolean else "false") + "\r\n"
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(self.vars)
        for row in self.rows:
            w.writerow([_text(t) for t in row])
        return buf.getvalue()

    def to_json(self) -> dict:
        """W3C SPARQL 1.1 Query Results JSON (as a dict)."""
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        bindings = []
        for row in self.rows:
            b = {}
            for name, term in zip(self.vars, row):
                j = term_json(term)
                if j is not None:
                    b[name] = j
            bindings.append(b)
        return {"head": {"vars": list(self.vars)}, "results": {"bindings": bindings}}

    def format(self, fmt: str) -> str:
        """Render as ``table``, ``csv`` or ``json``."""
        if fmt == "table":
            return self.to_table()
        if fmt == "csv":
            return self.to_csv()
        if fmt == "json":
            if self.graph is not None:
                return self.graph.serialize(format="json-ld")
            return json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        raise QueryError(f"unknown format {fmt!r} (table, csv, json)")

    def to_dataframe(self):
        """A pandas DataFrame of :meth:`records` (needs pandas)."""
        import pandas as pd

        return pd.DataFrame(self.records(), columns=self.vars)

    def __str__(self) -> str:
        return self.to_table()

    def _repr_html_(self) -> str:
        import html

        if self.boolean is not None or self.graph is not None:
            return "<pre>" + html.escape(self.to_table()) + "</pre>"
        head = "".join(f"<th>{html.escape(v)}</th>" for v in self.vars)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_text(t))}</td>" for t in row) + "</tr>" for row in self.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
