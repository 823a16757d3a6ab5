"""Stable identifiers (IRIs) for articles, graphs and entities.

Articles: from the URL when there is one, else from a hash of the text.
Entities: from a type and a language-neutral key, so the same entity gets
the same IRI in every article graph.

>>> article_id(url="https://example.org/a?b=1") == article_id(url="https://example.org/a?b=1")
True
>>> str(entity_iri("person", "Ann Example"))
'https://w3id.org/graphkit/id/person/ann-example'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Optional

from rdflib import URIRef

BASE = "https://w3id.org/graphkit/"
ID = BASE + "id/"
GRAPH = BASE + "graph/"

# entity type -> path segment of its IRI
_KIND = {
    "person": "person",
    "person_group": "group",
    "organization": "org",
    "government": "gov",
    "outlet": "outlet",
    "unspecified": "agent",
}


def slug(text: str, limit: int = 80) -> str:
    """Lower-case ASCII slug of a name.

    >>> slug("Kantor Berita Contoh!")
    'kantor-berita-contoh'
    >>> slug("Дмитрий Песков").startswith("x-")  # non-Latin: a hash
    True
    """
    norm = unicodedata.normalize("NFKD", text)
    ascii_ = norm.encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:limit].strip("-")
    if not s:
        s = "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return s


ENTITIES_GRAPH = URIRef(GRAPH + "entities")

_SHARED = tuple(f"{ID}{k}/" for k in (*set(_KIND.values()), "role"))


def is_shared(node: object) -> bool:
    """True for IRIs of entities shared by all articles (people, outlets,
    organisations, roles); their descriptions live in ENTITIES_GRAPH.

    >>> is_shared(entity_iri("outlet", "Daily Planet")), is_shared(local_iri("t-1", "mention", "a1"))
    (True, False)
    """
    return isinstance(node, URIRef) and str(node).startswith(_SHARED)


def _hash(value: str, n: int = 16) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:n]


def content_hash(text: str) -> str:
    """Hash of an article's text (used to detect unchanged re-ingests)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(url: Optional[str] = None, text: str = "") -> str:
    """Stable article id: from the URL if given, else from the text.

    >>> article_id(text="hello")
    't-2cf24dba5fb0a30e'
    >>> article_id(url="https://x.org/1").startswith("u-")
    True
    """
    if url:
        return "u-" + _hash(url.strip())
    return "t-" + _hash(text)


def article_iri(aid: str) -> URIRef:
    return URIRef(f"{ID}article/{aid}")


def graph_iri(aid: str) -> URIRef:
    """The named graph holding everything extracted from one article."""
    return URIRef(f"{GRAPH}{aid}")


def entity_iri(type_: str, key: str) -> URIRef:
    """IRI of a named entity: same type and key give the same IRI everywhere."""
    return URIRef(f"{ID}{_KIND.get(type_, 'agent')}/{slug(key)}")


def local_iri(aid: str, kind: str, local: str) -> URIRef:
    """IRI of something that only exists inside one article (mention,
    statement, anonymous source, upstream report stub)."""
    return URIRef(f"{ID}{kind}/{aid}/{slug(local)}")


def span_iri(aid: str, start: int, end: int) -> URIRef:
    """NIF/RFC 5147 style IRI of a character span of an article."""
    return URIRef(f"{ID}article/{aid}#char={start},{end}")
