"""Namespaces and graphkit's own terms (kept few; see docs/rdf-model.md).

>>> str(GK.Mention)
'https://w3id.org/graphkit/ns#Mention'
"""
from rdflib import Namespace
from rdflib.namespace import PROV, SKOS, XSD, RDF, RDFS, ORG

SCHEMA = Namespace("https://schema.org/")
GK = Namespace("https://w3id.org/graphkit/ns#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
FACT = Namespace("http://groundedannotationframework.org/grasp/factuality#")
OA = Namespace("http://www.w3.org/ns/oa#")

PREFIXES = {
    "schema": SCHEMA,
    "gk": GK,
    "nif": NIF,
    "fact": FACT,
    "prov": PROV,
    "skos": SKOS,
    "org": ORG,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
    "oa": OA,
}

# SPARQL prologue with every prefix above, for queries written by hand.
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

# entity type (records.EntityType) -> RDF classes
ENTITY_CLASSES = {
    "person": (SCHEMA.Person, PROV.Person),
    "person_group": (GK.PersonGroup, PROV.Agent),
    "organization": (SCHEMA.Organization, ORG.Organization, PROV.Organization),
    "government": (SCHEMA.GovernmentOrganization, ORG.Organization, PROV.Organization),
    "outlet": (SCHEMA.NewsMediaOrganization, PROV.Organization),
    "unspecified": (PROV.Agent,),
}

CERTAINTY = {"certain": FACT.certain, "probable": FACT.probable, "possible": FACT.possible}
POLARITY = {"asserts": FACT.positive, "denies": FACT.negative}

__all__ = ["SCHEMA", "GK", "NIF", "FACT", "OA", "PROV", "SKOS", "ORG", "XSD", "RDF", "RDFS",
           "PREFIXES", "SPARQL_PREFIXES", "ENTITY_CLASSES", "CERTAINTY", "POLARITY"]
