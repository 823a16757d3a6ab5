"""Project the RDF store onto a NetworkX :class:`~networkx.MultiDiGraph`.

The store stays the source of truth: every node and edge comes from a SPARQL
query (strings, never ``prepareQuery`` objects) restricted to the selected
article graphs with ``GRAPH ?g`` + ``VALUES ?g``.  Node ids are IRIs (str).

Node types (``type`` attribute): ``article``, ``outlet``, ``person``,
``organization``, ``government``, ``group``, ``anonymous`` (unnamed source),
``agent`` (anything else), ``claim``, ``statement``.  Every node has a
``label``.

Edge relations (``relation`` attribute, also the edge key prefix):

============== ================================ =====================================
relation       direction                        from
============== ================================ =====================================
publishes      outlet -> article                ``schema:publisher``
cites          article -> outlet                ``schema:citation`` (cited report's publisher)
based-on       article -> outlet                ``schema:isBasedOn`` ("Source: X")
quotes         article -> outlet -> ... -> stmt ``prov:wasQuotedFrom`` hops of one mention
attributed-to  statement -> source              ``prov:wasAttributedTo``
asserts        statement -> claim               ``gk:polarity fact:positive``
denies         statement -> claim               ``gk:polarity fact:negative``
member-of      person/anonymous -> organization ``org:Membership`` / ``schema:affiliation``
============== ================================ =====================================

``quotes`` is the ``prov:wasQuotedFrom`` direction: downstream -> upstream.
Evidence edges (quotes, attributed-to, asserts, denies) carry ``article``,
``mention``, ``statement``, ``begin``/``end`` (offsets of the attribution),
``sentence`` and ``quote``; ``quotes`` edges also carry ``hop``.

>>> from graphkit.rdf.store import open_store
>>> G = project(open_store("memory"))
>>> G.number_of_nodes()
0
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterable, Optional, Union

import networkx as nx
from rdflib import Literal, URIRef

from graphkit.rdf.store import GraphStore
from graphkit.rdf.vocab import FACT, GK, PROV, SCHEMA

DateLike = Union[str, _dt.date, _dt.datetime, None]

# RDF class -> node type, most specific first
_TYPE_ORDER = [
    (GK.AnonymousSource, "anonymous"),
    (SCHEMA.NewsMediaOrganization, "outlet"),
    (SCHEMA.GovernmentOrganization, "government"),
    (SCHEMA.Organization, "organization"),
    (SCHEMA.Person, "person"),
    (GK.PersonGroup, "group"),
    (PROV.Agent, "agent"),
]
_TYPE_RANK = {str(cls): (i, t) for i, (cls, t) in enumerate(_TYPE_ORDER)}
AGENT_TYPES = frozenset(t for _, t in _TYPE_ORDER)
NODE_TYPES = ("article", "outlet", "person", "organization", "government", "group",
              "anonymous", "agent", "claim", "statement")
RELATIONS = ("publishes", "cites", "based-on", "quotes", "attributed-to", "asserts", "denies",
             "member-of")


class ProjectionError(ValueError):
    """A filter value that cannot be used (bad IRI, bad date)."""


def _iri(value: str) -> URIRef:
    bad = set('<>"{}|^`\\ \n\t')
    if not value or any(c in bad for c in value) or ":" not in value:
        raise ProjectionError(f"not an IRI: {value!r}")
    return URIRef(value)


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(_iri(i).n3() for i in iris)} }}"


def _py(term):
    return None if term is None else term.toPython() if isinstance(term, Literal) else str(term)


def _rows(store: GraphStore, sparql: str) -> list[dict]:
    res = store.query(sparql)
    names = [str(v) for v in res.vars]
    return [{n: row[i] for i, n in enumerate(names)} for row in res]


# ---------------------------------------------------------------------------
# queries (one string each; {graphs} is a VALUES clause over ?g)

Q_ARTICLES = """
SELECT ?g ?art ?headline ?date ?outlet WHERE {
  GRAPH ?g { ?art a schema:NewsArticle ; gk:context ?ctx .
    OPTIONAL { ?art schema:headline ?headline }
    OPTIONAL { ?art schema:datePublished ?date }
    OPTIONAL { ?art schema:publisher ?outlet } }
}"""

Q_MENTIONING = """
SELECT DISTINCT ?g WHERE { {graphs} {values}
  GRAPH ?g { { ?e ?p ?o } UNION { ?s ?p ?e } } }"""

# entity descriptions may live in any graph (article graphs or a shared one)
Q_AGENTS = """
SELECT DISTINCT ?e ?cls ?label WHERE { {entities}
  GRAPH ?g { ?e a ?cls . VALUES ?cls { {classes} } }
  OPTIONAL { GRAPH ?g2 { ?e skos:prefLabel ?label } } }"""

Q_LINKS = """
SELECT DISTINCT ?art ?rel ?outlet WHERE { {graphs}
  GRAPH ?g { ?art gk:context ?ctx .
    { ?art schema:publisher ?outlet . BIND("publishes" AS ?rel) }
    UNION { ?art schema:citation/schema:publisher ?outlet . BIND("cites" AS ?rel) }
    UNION { ?art schema:isBasedOn/schema:publisher ?outlet . BIND("based-on" AS ?rel) } } }"""

Q_MENTIONS = """
SELECT ?art ?m ?stmt ?src ?pol ?cert ?claim ?ctext ?text ?direct ?b ?e ?sentence ?cue ?nested
WHERE { {graphs}
  GRAPH ?g {
    ?m a gk:Mention ; schema:isPartOf ?art ; gk:reports ?stmt ; nif:beginIndex ?b ; nif:endIndex ?e .
    ?art gk:context ?ctx .
    OPTIONAL { ?stmt gk:polarity ?pol }
    OPTIONAL { ?stmt gk:certainty ?cert }
    OPTIONAL { ?stmt prov:wasAttributedTo ?src }
    OPTIONAL { ?stmt gk:aboutClaim ?claim . OPTIONAL { ?claim schema:text ?ctext } }
    OPTIONAL { ?stmt schema:text ?text }
    OPTIONAL { ?m gk:isDirect ?direct }
    OPTIONAL { ?m nif:sentence/nif:anchorOf ?sentence }
    OPTIONAL { ?m gk:cueWord ?cue }
    OPTIONAL { ?m gk:nestedIn ?nested } } }"""

Q_SPANS = """
SELECT ?m ?role ?b ?e ?t WHERE { {graphs}
  GRAPH ?g { ?m a gk:Mention ; schema:isPartOf ?art ; ?role ?span .
    ?art gk:context ?ctx .
    VALUES ?role { gk:source gk:cue gk:content }
    ?span nif:beginIndex ?b ; nif:endIndex ?e . OPTIONAL { ?span nif:anchorOf ?t } } }"""

Q_HOPS = """
SELECT DISTINCT ?down ?up ?outlet WHERE { {graphs}
  GRAPH ?g { ?down prov:wasQuotedFrom ?up .
    OPTIONAL { ?up schema:isPartOf ?rep . ?rep schema:publisher ?outlet } } }"""

Q_MEMBERS = """
SELECT DISTINCT ?p ?org ?role WHERE { {graphs}
  GRAPH ?g {
    { ?ms org:member ?p ; org:organization ?org . OPTIONAL { ?ms schema:jobTitle ?role } }
    UNION { ?p schema:affiliation ?org } } }"""


def _q(template: str, graphs: list[str], **extra: str) -> str:
    text = template.replace("{graphs}", _values("g", graphs)) if graphs else template
    for k, v in extra.items():
        text = text.replace("{" + k + "}", v)
    return text


# ---------------------------------------------------------------------------
# filters

def _parse_when(value: DateLike, name: str):
    if value is None or isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return value
    try:
        if "T" in value or " " in value.strip():
            return _dt.datetime.fromisoformat(value.strip())
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ProjectionError(f"{name}: not an ISO date or date-time: {value!r}") from None


def _aware(d: _dt.datetime) -> _dt.datetime:
    return d if d.tzinfo else d.replace(tzinfo=_dt.timezone.utc)


def _in_range(date, since, until) -> bool:
    if since is None and until is None:
        return True
    if date is None:
        return False
    if isinstance(date, str):
        try:
            date = _parse_when(date, "date")
        except ProjectionError:
            return False
    for bound, ok in ((since, lambda a, b: a >= b), (until, lambda a, b: a <= b)):
        if bound is None:
            continue
        if isinstance(bound, _dt.datetime) and isinstance(date, _dt.datetime):
            if not ok(_aware(date), _aware(bound)):
                return False
        else:
            a = date.date() if isinstance(date, _dt.datetime) else date
            b = bound.date() if isinstance(bound, _dt.datetime) else bound
            if not ok(a, b):
                return False
    return True


def find_entities(store: GraphStore, name: str) -> list[str]:
    """IRIs of agents whose IRI is ``name`` or whose label equals it
    (case-insensitive).

    >>> from graphkit.rdf.store import open_store
    >>> find_entities(open_store("memory"), "Nobody")
    []
    """
    if name.startswith(("http://", "https://", "urn:")):
        return [str(_iri(name))]
    sparql = f"""SELECT DISTINCT ?e WHERE {{
      VALUES ?name {{ {Literal(name.casefold()).n3()} }}
      GRAPH ?g {{ ?e skos:prefLabel|skos:altLabel|schema:name ?l }}
      FILTER(LCASE(STR(?l)) = ?name) }}"""
    return sorted({str(r["e"]) for r in _rows(store, sparql)})


@dataclass
class _Art:
    graph: str
    iri: str
    headline: Optional[str]
    date: object
    outlets: set


def _articles(store, article, outlet, entity, since, until) -> dict[str, _Art]:
    since_v, until_v = _parse_when(since, "since"), _parse_when(until, "until")
    arts: dict[str, _Art] = {}
    for r in _rows(store, Q_ARTICLES):
        iri = str(r["art"])
        a = arts.get(iri)
        if a is None:
            a = arts[iri] = _Art(str(r["g"]), iri, _py(r["headline"]), _py(r["date"]), set())
        if r["outlet"] is not None:
            a.outlets.add(str(r["outlet"]))
    if article is not None:
        want = {str(_iri(x)) for x in ([article] if isinstance(article, str) else article)}
        arts = {k: v for k, v in arts.items() if k in want}
    if outlet is not None:
        ids = set(find_entities(store, outlet))
        arts = {k: v for k, v in arts.items() if v.outlets & ids}
    arts = {k: v for k, v in arts.items() if _in_range(v.date, since_v, until_v)}
    if entity is not None and arts:
        ids = find_entities(store, entity)
        if not ids:
            return {}
        rows = _rows(store, _q(Q_MENTIONING, sorted({a.graph for a in arts.values()}),
                               values=_values("e", ids)))
        keep = {str(r["g"]) for r in rows}
        arts = {k: v for k, v in arts.items() if v.graph in keep}
    return arts


# ---------------------------------------------------------------------------

def _spans(rows: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in rows:
        role = str(r["role"]).rsplit("#", 1)[-1]
        d = out.setdefault(str(r["m"]), {"source": None, "cue": None, "content": []})
        span = {"start": int(r["b"]), "end": int(r["e"]), "text": _py(r["t"]) or ""}
        if role == "content":
            if span not in d["content"]:
                d["content"].append(span)
        else:
            d[role] = span
    for d in out.values():
        d["content"].sort(key=lambda x: x["start"])
    return out


def project(
    store: GraphStore,
    article: Union[str, Iterable[str], None] = None,
    outlet: Optional[str] = None,
    entity: Optional[str] = None,
    since: DateLike = None,
    until: DateLike = None,
) -> nx.MultiDiGraph:
    """The store (or the selected articles) as a typed MultiDiGraph.

    ``article``: an article IRI (or several); ``outlet`` / ``entity``: an IRI
    or a label (articles published by the outlet / mentioning the entity);
    ``since`` / ``until``: ISO dates (inclusive) on ``schema:datePublished``.

    >>> from graphkit.rdf.store import open_store
    >>> from graphkit.rdf.model import article_graph
    >>> from graphkit.records import Article, Attribution, Entity, Field, Metadata, Span
    >>> t = 'Ann Lee said "it works".'
    >>> art = Article(text=t, id="t-d", lang="en", metadata=Metadata(outlet=Field("Daily Demo")))
    >>> att = Attribution(id="a1", cue=Span.of(t, 8, 12), content=[Span.of(t, 14, 22)],
    ...     source=Span.of(t, 0, 7), direct=True, entity=Entity("Ann Lee", "Ann Lee", "person"))
    >>> st = open_store("memory"); st.put(art, article_graph(art, [att]))
    'added'
    >>> G = project(st)
    >>> sorted(G.nodes[n]["type"] for n in G)
    ['article', 'claim', 'outlet', 'person', 'statement']
    >>> sorted(d["relation"] for _, _, d in G.edges(data=True))
    ['asserts', 'attributed-to', 'publishes', 'quotes']
    """
    G = nx.MultiDiGraph()
    arts = _articles(store, article, outlet, entity, since, until)
    if not arts:
        return G
    graphs = sorted({a.graph for a in arts.values()})

    pending: set[str] = set()

    def agent(iri: str) -> str:
        if iri not in G:
            G.add_node(iri, type="agent", label=iri.rstrip("/").rsplit("/", 1)[-1])
            pending.add(iri)
        return iri

    for a in arts.values():
        G.add_node(a.iri, type="article", label=a.headline or a.iri.rsplit("/", 1)[-1],
                   headline=a.headline or "", date=str(a.date) if a.date is not None else "",
                   graph=a.graph)

    for r in _rows(store, _q(Q_LINKS, graphs)):
        art, rel, out = str(r["art"]), str(r["rel"]), agent(str(r["outlet"]))
        if rel == "publishes":
            G.add_edge(out, art, key=f"publishes|{art}", relation=rel, article=art)
            G.nodes[art].setdefault("outlet", out)
        else:
            G.add_edge(art, out, key=f"{rel}|{art}", relation=rel, article=art)

    spans = _spans(_rows(store, _q(Q_SPANS, graphs)))
    hops: dict[str, tuple[str, Optional[str]]] = {}
    for r in _rows(store, _q(Q_HOPS, graphs)):
        hops[str(r["down"])] = (str(r["up"]), _py(r["outlet"]))

    mentions: dict[str, dict] = {}
    for r in _rows(store, _q(Q_MENTIONS, graphs)):
        m = str(r["m"])
        if m in mentions:
            continue
        mentions[m] = r
    for m, r in mentions.items():
        art, stmt = str(r["art"]), str(r["stmt"])
        polarity = "denies" if r["pol"] == FACT.negative else "asserts"
        certainty = str(r["cert"]).rsplit("#", 1)[-1] if r["cert"] is not None else "certain"
        quote = _py(r["text"]) or ""
        ev = {
            "article": art, "mention": m, "statement": stmt,
            "begin": int(r["b"]), "end": int(r["e"]),
            "sentence": _py(r["sentence"]) or "", "quote": quote,
            "cue": _py(r["cue"]) or "",
        }
        sp = spans.get(m, {"source": None, "cue": None, "content": []})
        # the chain of outlets, downstream -> upstream
        via: list[str] = []
        node, seen = m, {m}
        while node in hops:
            up, out = hops[node]
            if up in seen:
                break
            seen.add(up)
            if out is not None:
                via.append(out)
            node = up
        source = str(r["src"]) if r["src"] is not None else None
        G.add_node(stmt, type="statement", label=_short(quote), text=quote, polarity=polarity,
                   certainty=certainty, direct=bool(_py(r["direct"])), article=art, mention=m,
                   source=source or "", via=list(via),
                   nested_in=str(r["nested"]) if r["nested"] is not None else "",
                   begin=ev["begin"], end=ev["end"], sentence=ev["sentence"],
                   spans=sp)
        prev = art
        for k, out in enumerate(via):
            agent(out)
            G.add_edge(prev, out, key=f"quotes|{m}|{k}", relation="quotes", hop=k, **ev)
            prev = out
        G.add_edge(prev, stmt, key=f"quotes|{m}|{len(via)}", relation="quotes", hop=len(via), **ev)
        if source is not None:
            agent(source)
            G.add_edge(stmt, source, key=f"attributed-to|{m}", relation="attributed-to", **ev)
        if r["claim"] is not None:
            claim = str(r["claim"])
            if claim not in G:
                ctext = _py(r["ctext"]) or quote
                G.add_node(claim, type="claim", label=_short(ctext), text=ctext, article=art)
            G.add_edge(stmt, claim, key=f"{polarity}|{m}", relation=polarity,
                       certainty=certainty, **ev)

    for r in _rows(store, _q(Q_MEMBERS, graphs)):
        p, org = str(r["p"]), str(r["org"])
        if p not in G:
            continue
        agent(org)
        key = f"member-of|{org}"
        if not G.has_edge(p, org, key):
            G.add_edge(p, org, key=key, relation="member-of", role=_py(r["role"]) or "")
    _describe(store, G, pending)
    return G


def _describe(store: GraphStore, G: nx.MultiDiGraph, iris: set[str], chunk: int = 500) -> None:
    """Type (most specific class wins) and label of the agent nodes."""
    classes = " ".join(c.n3() for c, _ in _TYPE_ORDER)
    todo = sorted(iris)
    best: dict[str, int] = {}
    for i in range(0, len(todo), chunk):
        sparql = _q(Q_AGENTS, [], entities=_values("e", todo[i:i + chunk]), classes=classes)
        for r in _rows(store, sparql):
            iri = str(r["e"])
            rank, typ = _TYPE_RANK[str(r["cls"])]
            d = G.nodes[iri]
            if rank < best.get(iri, len(_TYPE_ORDER)):
                best[iri] = rank
                d["type"] = typ
            label = _py(r["label"])
            if label and not d.get("_labelled"):
                d["label"], d["_labelled"] = str(label), True
    for iri in todo:
        G.nodes[iri].pop("_labelled", None)


def _short(text: str, n: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


__all__ = ["project", "find_entities", "ProjectionError", "NODE_TYPES", "RELATIONS", "AGENT_TYPES"]
