"""Named queries: SPARQL files shipped in ``graphkit/query/queries/*.rq``.

Each file starts with a header of comment lines::

    # @description One line shown by ``graphkit query --list``.
    # @param NAME TYPE DEFAULT  What the parameter means.
    # @column NAME  What the output column holds.

and may hold a line ``# @values`` inside its ``WHERE`` (where the parameter
values go in the text sent to a remote endpoint; see :meth:`NamedQuery.sparql`).

``TYPE`` is ``text``, ``integer`` or ``iri``; ``DEFAULT`` is a value
(``""`` for the empty string), ``required`` or ``optional`` (left unbound;
note that Oxigraph folds ``BOUND(?xParam)`` to false before substituting,
so shipped queries give optional parameters a default instead).  A parameter
``name`` is the query variable ``?nameParam``.  Values are bound as RDF terms
(never pasted into the query text), so a value with quotes, braces or
``UNION`` is just a string to compare with.  The ``?…Param`` variables are
projected by the query (Oxigraph only substitutes projected variables) and
dropped from the result.

>>> [q.name for q in catalog()][:3]
['anonymous-only', 'article', 'chain']
>>> get("independent-sources").params[0]
Param(name='min', type='integer', default='2', required=False, help='Minimum number of distinct original sources.')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Mapping, Optional, Union

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from graphkit.query.result import QueryError, QueryResult
from graphkit.rdf.vocab import SPARQL_PREFIXES

_TYPES = ("text", "integer", "iri")
_PARAM = re.compile(r"#\s*@param\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$")
_COLUMN = re.compile(r"#\s*@column\s+(\S+)\s*(.*)$")
_DESC = re.compile(r"#\s*@description\s+(.*)$")
_BAD_IRI = re.compile(r'[\s<>"{}|\\^`]')
_WHERE = re.compile(r"(?m)^WHERE \{")
_MARK = re.compile(r"(?m)^([ \t]*)# @values[ \t]*$")


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    type: str = "text"
    default: Optional[str] = None
    required: bool = False
    help: str = ""

    @property
    def variable(self) -> str:
        return f"{self.name}Param"

    def term(self, value: object) -> Identifier:
        """The RDF term a value is bound as (checked against the type).

        >>> Param("min", "integer").term("3")
        rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
        >>> Param("min", "integer").term("x")
        Traceback (most recent call last):
        ...
        graphkit.query.result.QueryError: parameter min: expected an integer, got 'x'
        """
        if isinstance(value, Identifier):
            return value
        if self.type == "integer":
            try:
                return Literal(int(str(value).strip()))
            except ValueError:
                raise QueryError(f"parameter {self.name}: expected an integer, got {value!r}") from None
        if self.type == "iri":
            text = str(value).strip()
            if not text or _BAD_IRI.search(text) or ":" not in text:
                raise QueryError(f"parameter {self.name}: not an IRI: {value!r}")
            return URIRef(text)
        return Literal(str(value))


@dataclass(frozen=True)
class NamedQuery:
    """A shipped query: its text and documented parameters and columns."""

    name: str
    description: str
    text: str
    params: tuple[Param, ...] = ()
    columns: tuple[tuple[str, str], ...] = field(default=())

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")

    def sparql(self, params: Optional[Mapping[str, object]] = None) -> str:
        """The query text with the common PREFIX declarations, ready for a
        SPARQL endpoint.

        A remote endpoint has no way to bind variables, so for it the
        parameters (defaults filled in) become a ``VALUES`` block at the
        lines ``# @values`` of the query if it has any (inside each group whose
        FILTER uses them: a nested group cannot see the outer scope), else at
        the top of the outer ``WHERE``; each value is written by rdflib's N-Triples term
        serialiser (which escapes quotes, backslashes and line breaks).
        The embedded store never uses this: :func:`named` binds the terms.

        >>> q = get("independent-sources").sparql({"min": 3})
        >>> 'VALUES ?minParam { "3"^^<http://www.w3.org/2001/XMLSchema#integer> }' in q
        True
        >>> q = get("speaker").sparql({"name": 'x" } UNION {'})
        >>> print([line for line in q.splitlines() if "VALUES" in line][0].strip())
        VALUES ?nameParam { "x\\" } UNION {" }
        """
        text = self.text
        terms = self.bindings(params or {})
        if terms:
            block = " ".join(f"VALUES ?{var} {{ {term.n3()} }}" for var, term in sorted(terms.items()))
            text, n = _MARK.subn(lambda m: f"{m.group(1)}{block}", text)
            if n == 0:
                text, n = _WHERE.subn(lambda m: f"{m.group(0)}\n  {block}", text, count=1)
            if n < 1:
                raise QueryError(f"named query {self.name}: no line 'WHERE {{' to bind parameters at")
        return SPARQL_PREFIXES + text

    def bindings(self, params: Mapping[str, object]) -> dict[str, Identifier]:
        """Check ``params`` and turn them into variable bindings (defaults
        filled in).

        >>> get("independent-sources").bindings({})
        {'minParam': rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))}
        """
        out: dict[str, Identifier] = {}
        for key, value in params.items():
            p = self.param(key)
            if value is None:
                continue
            out[p.variable] = p.term(value)
        for p in self.params:
            if p.variable in out:
                continue
            if p.required:
                raise QueryError(f"query {self.name!r} needs parameter {p.name!r} ({p.help})")
            if p.default is not None:
                out[p.variable] = p.term(p.default)
        return out

    def usage(self) -> str:
        """One line per parameter, for ``--list``."""
        parts = []
        for p in self.params:
            if p.required:
                state = "required"
            elif p.default is not None:
                state = f"default {p.default}"
            else:
                state = "optional"
            parts.append(f"{p.name}=<{p.type}> ({state})")
        return " ".join(parts)


def parse(name: str, text: str) -> NamedQuery:
    """Read the header of a ``.rq`` file.

    >>> q = parse("x", "# @description Demo.\\n# @param n integer 3 How many.\\nSELECT ?nParam WHERE {}")
    >>> q.description, q.params[0].default
    ('Demo.', '3')
    """
    desc = ""
    params: list[Param] = []
    columns: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            continue
        if m := _DESC.match(line):
            desc = m.group(1).strip()
        elif m := _PARAM.match(line):
            pname, ptype, state, help_ = m.groups()
            if ptype not in _TYPES:
                raise QueryError(f"named query {name}: parameter {pname} has unknown type {ptype!r}")
            required = state == "required"
            default = None if state in ("required", "optional") else state
            if default is not None and len(default) >= 2 and default[0] == default[-1] == '"':
                default = default[1:-1]
            params.append(Param(pname, ptype, default, required, help_.strip()))
        elif m := _COLUMN.match(line):
            columns.append((m.group(1), m.group(2).strip()))
    return NamedQuery(name, desc, text, tuple(params), tuple(columns))


def _files() -> dict[str, str]:
    root = resources.files("graphkit.query") / "queries"
    out = {}
    for entry in root.iterdir():
        if entry.name.endswith(".rq"):
            out[entry.name[:-3]] = entry.read_text(encoding="utf-8")
    return out


def catalog() -> list[NamedQuery]:
    """All shipped named queries, sorted by name."""
    return [parse(n, t) for n, t in sorted(_files().items())]


def get(name: str) -> NamedQuery:
    """The named query ``name`` (clear error listing the known names).

    >>> get("nope")
    Traceback (most recent call last):
    ...
    graphkit.query.result.QueryError: unknown named query 'nope' (known: anonymous-only, article, chain, denials, independent-sources, outlet-dependency, speaker, who-quotes)
    """
    files = _files()
    if name not in files:
        raise QueryError(f"unknown named query {name!r} (known: {', '.join(sorted(files))})")
    return parse(name, files[name])


def named(name: str, store: Union[str, Path, object] = "memory", /, **params: object) -> QueryResult:
    """Run a named query over a store (a directory, ``"memory"`` or an open
    :class:`~graphkit.rdf.store.GraphStore`) or a remote SPARQL endpoint (an
    ``http(s)://`` URL, where the default graph must be the union of the
    graphs, as with ``graphkit serve``); parameters as keyword arguments.

    >>> from graphkit.rdf.store import open_store
    >>> r = named("denials", open_store("memory"))
    >>> r.vars[:3], len(r)
    (['claim', 'claimText', 'source'], 0)
    """
    from graphkit.query import query
    from graphkit.query.remote import is_endpoint, remote_query

    q = get(name)
    hidden = {p.variable for p in q.params}
    if is_endpoint(store):
        return remote_query(q.sparql(params), str(store)).drop(hidden)
    terms = q.bindings(params)
    result = query(SPARQL_PREFIXES + q.text, store, terms)
    return result.drop(hidden)


__all__ = ["NamedQuery", "Param", "catalog", "get", "named", "parse"]
