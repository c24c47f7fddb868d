"""The vocabularies kgraph writes, in one place.

``KG`` mirrors ``ontology/kgraph.ttl`` term by term; it is a ``DefinedNamespace`` with
``_fail = True`` so a misspelt term raises instead of minting an undeclared IRI (a test
checks the two stay in step). Resource IRIs live under ``RES``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
RES = Namespace("https://w3id.org/kgraph/resource/")


class KG(DefinedNamespace):
    """Terms of the kgraph ontology (``ontology/kgraph.ttl``)."""

    _NS = Namespace("https://w3id.org/kgraph/ontology#")
    _fail = True

    # classes
    PartyCommittee: URIRef
    PartyOrganization: URIRef
    PartyAgency: URIRef
    StateAgency: URIRef
    MassOrganization: URIRef
    EducationalInstitution: URIRef
    Enterprise: URIRef
    Person: URIRef
    Location: URIRef
    Campaign: URIRef
    Project: URIRef
    Event: URIRef
    LegalDocument: URIRef
    Resolution: URIRef
    Directive: URIRef
    Regulation: URIRef
    Decision: URIRef
    Conclusion: URIRef
    Plan: URIRef
    Program: URIRef
    Guidance: URIRef
    Notice: URIRef
    Law: URIRef
    Decree: URIRef
    Circular: URIRef
    Quantity: URIRef
    DocumentTypeScheme: URIRef
    # relations
    directs: URIRef
    implements: URIRef
    issuedBy: URIRef
    cooperatesWith: URIRef
    organizes: URIRef
    participatesIn: URIRef
    locatedIn: URIRef
    # administrative units
    adminLevel: URIRef
    AdminLevelScheme: URIRef
    provinceLevel: URIRef
    districtLevel: URIRef
    communeLevel: URIRef
    adminCode: URIRef
    adminCode2025: URIRef
    # modality of relations
    modality: URIRef
    Modality: URIRef
    ModalityScheme: URIRef
    asserted: URIRef
    requested: URIRef
    planned: URIRef
    conditional: URIRef
    negated: URIRef
    # document fields
    documentNumber: URIRef
    issuedOn: URIRef
    term: URIRef
    documentType: URIRef
    typeCode: URIRef
    issuerCode: URIRef
    # posts
    postTitle: URIRef
    former: URIRef
    # quantities
    quantityOf: URIRef
    value: URIRef
    unit: URIRef
    # provenance
    mentionedIn: URIRef
    mentionedAs: URIRef
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sourceFile: URIRef
    contentHash: URIRef
    byline: URIRef
    issuerTable: URIRef


#: Prefixes bound in every graph kgraph writes and predeclared in every query.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "res": str(RES),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "schema": str(SCHEMA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


@dataclass(frozen=True)
class EntityClass:
    """An entity class of the ontology, as kgraph uses it: the one list of classes."""

    name: str  # local name, as in ``Entity.kind``
    iri: URIRef
    family: str  # what evaluation scores it as: Organization, LegalDocument, or itself
    segment: str  # the IRI path segment of its entities (see kgraph.identity)


def _classes(family: str, segment: str, *names: str) -> tuple[EntityClass, ...]:
    return tuple(EntityClass(n, KG[n], family, segment) for n in names)


#: Every entity class, organisations first, then documents, then the others.
ENTITY_CLASSES: tuple[EntityClass, ...] = (
    EntityClass("Organization", ORG.Organization, "Organization", "org"),
    *_classes(
        "Organization",
        "org",
        "PartyCommittee",
        "PartyOrganization",
        "PartyAgency",
        "StateAgency",
        "MassOrganization",
        "EducationalInstitution",
        "Enterprise",
    ),
    *_classes(
        "LegalDocument",
        "doc",
        "LegalDocument",
        "Resolution",
        "Directive",
        "Regulation",
        "Decision",
        "Conclusion",
        "Plan",
        "Program",
        "Guidance",
        "Notice",
        "Law",
        "Decree",
        "Circular",
    ),
    *_classes("Person", "person", "Person"),
    *_classes("Campaign", "campaign", "Campaign"),
    *_classes("Location", "place", "Location"),
    *_classes("Project", "project", "Project"),
    *_classes("Event", "event", "Event"),
)

#: Entity classes by the local name used in extraction (``Entity.kind``).
CLASS_OF_KIND: dict[str, URIRef] = {c.name: c.iri for c in ENTITY_CLASSES}

#: Relation predicates by the name used in extraction (``Relation.predicate``).
PREDICATE_OF: dict[str, URIRef] = {
    "directs": KG.directs,
    "implements": KG.implements,
    "issuedBy": KG.issuedBy,
    "cooperatesWith": KG.cooperatesWith,
    "subOrganizationOf": ORG.subOrganizationOf,
    "memberOf": ORG.memberOf,
    "organizes": KG.organizes,
    "participatesIn": KG.participatesIn,
    "locatedIn": KG.locatedIn,
}

#: Modalities by the name used in extraction (``Relation.modality``); only asserted relations
#: are also written as plain triples.
MODALITY_OF: dict[str, URIRef] = {
    "asserted": KG.asserted,
    "requested": KG.requested,
    "planned": KG.planned,
    "conditional": KG.conditional,
    "negated": KG.negated,
}

#: The levels of administrative units (``Entity.admin_level``), concepts of kg:AdminLevelScheme.
ADMIN_LEVEL_OF: dict[str, URIRef] = {
    "province": KG.provinceLevel,
    "district": KG.districtLevel,
    "commune": KG.communeLevel,
}

#: Data tables a relation may be taken from (``Relation.table``), as PROV sources.
TABLE_OF: dict[str, URIRef] = {"issuers": KG.issuerTable}


def bind_prefixes(graph: object) -> None:
    """Bind kgraph's prefixes on an rdflib Graph or Dataset."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)  # type: ignore[attr-defined]
