"""Records -> RDF triples, following docs/rdf-model.md.

:func:`article_graph` turns one article and its resolved attributions into
the triples of that article's named graph; :func:`provenance` gives the
default-graph record of that graph.

>>> from graphkit.records import Article, Attribution, Entity, Field, Metadata, Span
>>> text = 'Ann Lee said "it works".'
>>> art = Article(text=text, id="t-demo", lang="en", metadata=Metadata(outlet=Field("Daily Demo")))
>>> att = Attribution(id="a1", cue=Span.of(text, 8, 12), content=[Span.of(text, 14, 22)],
...                   source=Span.of(text, 0, 7), direct=True,
...                   entity=Entity(key="Ann Lee", label="Ann Lee", type="person"))
>>> g = article_graph(art, [att])
>>> from graphkit.rdf.vocab import GK
>>> len(list(g.subjects(RDF.type, GK.Statement)))
1
"""
from __future__ import annotations

import datetime as _dt
from typing import Iterable, Optional

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from graphkit import __version__
from graphkit.ids import (ID, article_iri, content_hash, entity_iri, graph_iri, local_iri, slug,
                          span_iri)
from graphkit.ingest.outlets import normalise_outlet
from graphkit.records import Article, Attribution, Entity, Span
from graphkit.rdf.vocab import (CERTAINTY, ENTITY_CLASSES, GK, NIF, ORG, POLARITY, PROV, SCHEMA,
                                SKOS)

GRAPHKIT_AGENT = URIRef(ID + "agent/graphkit")


def _lit(text: str, lang: Optional[str]) -> Literal:
    return Literal(text, lang=lang) if lang and lang != "und" else Literal(text)


def _date(value: str) -> Literal:
    """xsd:dateTime when the value has a time, xsd:date for a bare date."""
    if "T" in value:
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value, datatype=XSD.date)


def entity_node(aid: str, ent: Entity) -> URIRef:
    """IRI of a resolved entity: global for named ones, article-local for
    anonymous or unspecified sources."""
    if ent.anonymous or ent.type == "unspecified":
        return local_iri(aid, "anon", ent.key)
    return entity_iri(ent.type, ent.key)


class _Builder:
    def __init__(self, article: Article) -> None:
        self.a = article
        self.aid = article.id
        self.lang = article.lang
        self.g: set[tuple] = set()
        self.art = article_iri(self.aid)
        self.ctx = URIRef(f"{self.art}#context")
        self._entities: dict[URIRef, Entity] = {}
        self.named_entities: dict[str, Entity] = {}   # label -> organisation-like entity of the article

    # -- helpers --------------------------------------------------------
    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))  # a set of triples: Graph.add is ~20x slower

    def span(self, span: Span) -> URIRef:
        node = span_iri(self.aid, span.start, span.end)
        self.add(node, RDF.type, NIF.OffsetBasedString)
        self.add(node, NIF.referenceContext, self.ctx)
        self.add(node, NIF.beginIndex, Literal(span.start))
        self.add(node, NIF.endIndex, Literal(span.end))
        self.add(node, NIF.anchorOf, Literal(span.text))
        return node

    def entity(self, ent: Entity) -> URIRef:
        node = entity_node(self.aid, ent)
        if node in self._entities:
            return node
        self._entities[node] = ent
        if ent.anonymous or ent.type == "unspecified":
            self.add(node, RDF.type, GK.AnonymousSource if ent.anonymous else PROV.Agent)
            self.add(node, RDF.type, PROV.Agent)
            if ent.type == "person_group":
                self.add(node, RDF.type, GK.PersonGroup)
            self.add(node, SCHEMA.description, _lit(ent.label, self.lang))
            self.add(node, SKOS.prefLabel, _lit(ent.label, self.lang))
            if ent.affiliation:
                for part in [p.strip() for p in ent.affiliation.split(";") if p.strip()]:
                    self.add(node, SCHEMA.affiliation, self.affiliation(part))
            return node
        for cls in ENTITY_CLASSES.get(ent.type, (PROV.Agent,)):
            self.add(node, RDF.type, cls)
        self.add(node, SCHEMA.name, Literal(ent.label))
        self.add(node, SKOS.prefLabel, Literal(ent.label))
        for alias in ent.aliases:
            if alias != ent.label:
                self.add(node, SKOS.altLabel, Literal(alias))
        if ent.type == "person" and (ent.role or ent.affiliation):
            self.membership(node, ent)
        return node

    def _named(self, node: URIRef, type_: str, label: str) -> None:
        for cls in ENTITY_CLASSES.get(type_, (PROV.Agent,)):
            self.add(node, RDF.type, cls)
        self.add(node, SCHEMA.name, Literal(label))
        self.add(node, SKOS.prefLabel, Literal(label))

    def membership(self, person: URIRef, ent: Entity) -> None:
        m = local_iri(self.aid, "membership", f"{ent.key}-{ent.role or ''}-{ent.affiliation or ''}")
        self.add(person, ORG.hasMembership, m)
        self.add(m, RDF.type, ORG.Membership)
        self.add(m, ORG.member, person)
        if ent.role:
            role = URIRef(f"{ID}role/{slug(ent.role)}")
            self.add(m, ORG.role, role)
            self.add(m, SCHEMA.jobTitle, _lit(ent.role, self.lang))
            self.add(role, RDF.type, ORG.Role)
            self.add(role, RDF.type, SKOS.Concept)
            self.add(role, SKOS.prefLabel, _lit(ent.role.lower(), self.lang))
        if ent.affiliation:
            self.add(m, ORG.organization, self.affiliation(ent.affiliation))

    def affiliation(self, name: str) -> URIRef:
        """The organisation a person or anonymous source belongs to: an entity
        of this article with that name (so "the Pentagon" the source and "the Pentagon"
        the employer are one node), a known government, or an organisation."""
        known = self.named_entities.get(name.casefold())
        if known is not None:
            return self.entity(known)
        from graphkit.resolve.gazetteer import gazetteer

        gov = gazetteer().government(name)
        if gov is not None:
            return self.entity(Entity(key=gov, label=gov, type="government"))
        node = entity_iri("organization", name)
        self._named(node, "organization", name)
        return node

    def outlet(self, name: str) -> URIRef:
        return self.entity(Entity(key=name, label=name, type="outlet"))

    def report(self, outlet_name: str) -> URIRef:
        """Stub of the upstream article of an outlet this article cites."""
        node = local_iri(self.aid, "report", outlet_name)
        self.add(node, RDF.type, SCHEMA.NewsArticle)
        self.add(node, RDF.type, GK.UpstreamReport)
        self.add(node, RDF.type, PROV.Entity)
        self.add(node, SCHEMA.publisher, self.outlet(outlet_name))
        return node

    # -- article ----------------------------------------------------------
    def article(self) -> None:
        a, md, art = self.a, self.a.metadata, self.art
        self.add(art, RDF.type, SCHEMA.NewsArticle)
        self.add(art, RDF.type, PROV.Entity)
        if self.lang and self.lang != "und":
            self.add(art, SCHEMA.inLanguage, Literal(self.lang))
        if md.title:
            self.add(art, SCHEMA.headline, _lit(md.title.value, self.lang))
        if md.url:
            self.add(art, SCHEMA.url, Literal(md.url, datatype=XSD.anyURI))
        if md.published:
            self.add(art, SCHEMA.datePublished, _date(md.published.value))
        if md.section:
            self.add(art, SCHEMA.articleSection, _lit(md.section.value, self.lang))
        if md.dateline:
            self.add(art, GK.dateline, Literal(md.dateline.value))
        if md.outlet:   # metadata may print an alias ("AP"); the node is the canonical outlet
            self.add(art, SCHEMA.publisher, self.outlet(normalise_outlet(md.outlet.value)))
        for prop, fields in ((SCHEMA.author, md.authors), (SCHEMA.editor, md.editors)):
            for f in fields:
                self.add(art, prop, self.entity(Entity(key=f.value, label=f.value, type="person")))
        for f in md.based_on:
            self.add(art, SCHEMA.isBasedOn, self.report(normalise_outlet(f.value)))
        for f in md.image_credit:
            self.add(art, GK.imageCredit, self.entity(Entity(key=f.value, label=f.value,
                                                             type="unspecified")))
        for f in md.related_links_not_content:
            self.add(art, GK.relatedLink, _lit(f.value, self.lang))
        self.add(art, GK.context, self.ctx)
        self.add(self.ctx, RDF.type, NIF.Context)
        self.add(self.ctx, NIF.isString, Literal(a.text))
        self.add(self.ctx, NIF.beginIndex, Literal(0))
        self.add(self.ctx, NIF.endIndex, Literal(len(a.text)))
        self.add(self.ctx, NIF.sourceUrl, art)

    # -- attributions -----------------------------------------------------
    def attributions(self, atts: list[Attribution]) -> None:
        mentions = {att.id: local_iri(self.aid, "mention", att.id) for att in atts}
        claims: dict[str, URIRef] = {}
        for att in atts:
            m = mentions[att.id]
            stmt = local_iri(self.aid, "statement", att.id)
            content = " … ".join(p.text for p in att.content)
            # statement
            self.add(stmt, RDF.type, GK.Statement)
            if att.direct:
                self.add(stmt, RDF.type, SCHEMA.Quotation)
            self.add(stmt, SCHEMA.text, _lit(content, self.lang))
            self.add(stmt, GK.polarity, POLARITY[att.stance])
            self.add(stmt, GK.certainty, CERTAINTY[att.certainty])
            if att.entity is not None:
                self.add(stmt, PROV.wasAttributedTo, self.entity(att.entity))
            cid = att.claim or att.id
            if cid not in claims:
                claims[cid] = local_iri(self.aid, "claim", cid)
                self.add(claims[cid], RDF.type, SCHEMA.Claim)
                self.add(claims[cid], SCHEMA.text, _lit(content, self.lang))
            self.add(stmt, GK.aboutClaim, claims[cid])
            # mention in this article
            start, end = att.bounds()
            self.add(m, RDF.type, GK.Mention)
            self.add(m, RDF.type, NIF.OffsetBasedString)
            self.add(m, SCHEMA.isPartOf, self.art)
            self.add(m, NIF.referenceContext, self.ctx)
            self.add(m, NIF.beginIndex, Literal(start))
            self.add(m, NIF.endIndex, Literal(end))
            self.add(m, NIF.anchorOf, Literal(self.a.text[start:end]))
            if att.source is not None:
                self.add(m, GK.source, self.span(att.source))
            self.add(m, GK.cue, self.span(att.cue))
            self.add(m, GK.cueWord, _lit(att.cue.text, self.lang))
            for piece in att.content:
                self.add(m, GK.content, self.span(piece))
            if att.sentence is not None:
                self.add(m, NIF.sentence, self.span(att.sentence))
            self.add(m, GK.isDirect, Literal(att.direct))
            self.add(m, GK.reports, stmt)
            self.add(m, PROV.hadPrimarySource, stmt)
            if att.nested_in and att.nested_in in mentions:
                self.add(m, GK.nestedIn, mentions[att.nested_in])
            # the chain: this mention <- report of via[0] <- ... <- statement
            upstream: URIRef = stmt
            for k, via in reversed(list(enumerate(att.via))):
                report = self.report(via.label)
                self.add(self.art, SCHEMA.citation, report)
                up = local_iri(self.aid, "mention", f"{att.id}-via-{k}")
                self.add(up, RDF.type, GK.Mention)
                self.add(up, SCHEMA.isPartOf, report)
                self.add(up, GK.reports, stmt)
                self.add(up, PROV.wasQuotedFrom, upstream)
                upstream = up
            self.add(m, PROV.wasQuotedFrom, upstream)


def article_triples(article: Article, attributions: Iterable[Attribution]) -> set[tuple]:
    """All triples extracted from one article, as a set of rdflib term
    triples (fast; what :meth:`GraphStore.put` takes)."""
    b = _Builder(article)
    atts = list(attributions)
    for att in atts:
        ent = att.entity
        if ent is not None and not ent.anonymous and ent.type in ("organization", "government", "outlet"):
            b.named_entities.setdefault(ent.label.casefold(), ent)
    b.article()
    b.attributions(atts)
    return b.g


def article_graph(article: Article, attributions: Iterable[Attribution]) -> Graph:
    """All triples extracted from one article, as an rdflib Graph."""
    g = Graph()
    for t in article_triples(article, attributions):
        g.add(t)
    return g


def provenance(article: Article, generated: Optional[_dt.datetime] = None) -> Graph:
    """Default-graph triples describing the article's named graph.

    >>> from graphkit.records import Article
    >>> p = provenance(Article(text="x", id="t-1", source="a.txt"))
    >>> len(p) >= 6
    True
    """
    g = Graph()
    gid = graph_iri(article.id)
    when = generated or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    g.add((gid, RDF.type, PROV.Bundle))
    g.add((gid, PROV.wasDerivedFrom, article_iri(article.id)))
    g.add((gid, PROV.wasAttributedTo, GRAPHKIT_AGENT))
    g.add((gid, PROV.generatedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    g.add((gid, GK.contentHash, Literal(content_hash(article.text))))
    g.add((gid, GK.sourceFile, Literal(article.source)))
    g.add((gid, GK.graphkitVersion, Literal(__version__)))
    return g
