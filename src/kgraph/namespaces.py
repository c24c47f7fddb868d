"""The vocabularies kgraph writes, in one place.

``KG`` mirrors ``ontology/kgraph.ttl`` term by term (``KG_TERMS``); it is a
``DefinedNamespace`` with ``_fail = True`` so a misspelt term raises instead of minting an
undeclared IRI (a test checks the two stay in step). Resource IRIs live under ``RES``.

A build writes its N-Triples lines from strings and never needs rdflib (whose import is
about a twentieth of a 100-article build): ``IRI`` gives every vocabulary as plain strings,
and the rdflib objects (``KG``, ``ORG``, ``SCHEMA``, ``RES`` and the ``*_OF`` tables of
``URIRef``) are made on first use, importing rdflib then.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rdflib import Namespace, URIRef

    ORG: Namespace
    SCHEMA: Namespace
    RES: Namespace
    KG: Any  # a DefinedNamespace of KG_TERMS
    CLASS_OF_KIND: dict[str, URIRef]
    PREDICATE_OF: dict[str, URIRef]
    MODALITY_OF: dict[str, URIRef]
    ADMIN_LEVEL_OF: dict[str, URIRef]
    TABLE_OF: dict[str, URIRef]

#: The organisation classes of the ontology (each an org:Organization) and its document classes.
ORGANIZATION_CLASSES: tuple[str, ...] = (
    "PartyCommittee",
    "PartyOrganization",
    "PartyAgency",
    "StateAgency",
    "MassOrganization",
    "EducationalInstitution",
    "Enterprise",
)
DOCUMENT_CLASSES: tuple[str, ...] = (
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
)

#: Terms of the kgraph ontology (``ontology/kgraph.ttl``).
KG_TERMS: tuple[str, ...] = (
    # classes
    *ORGANIZATION_CLASSES,
    "Person",
    "Location",
    "Campaign",
    "Project",
    "Event",
    *DOCUMENT_CLASSES,
    "Quantity",
    "DocumentTypeScheme",
    # relations
    "directs",
    "implements",
    "issuedBy",
    "cooperatesWith",
    "organizes",
    "participatesIn",
    "locatedIn",
    # administrative units
    "adminLevel",
    "AdminLevelScheme",
    "provinceLevel",
    "districtLevel",
    "communeLevel",
    "adminCode",
    "adminCode2025",
    # modality of relations
    "modality",
    "Modality",
    "ModalityScheme",
    "asserted",
    "requested",
    "planned",
    "conditional",
    "negated",
    # document fields
    "documentNumber",
    "issuedOn",
    "term",
    "documentType",
    "typeCode",
    "issuerCode",
    # posts
    "postTitle",
    "former",
    # quantities
    "quantityOf",
    "value",
    "unit",
    # provenance
    "mentionedIn",
    "mentionedAs",
    "evidence",
    "startOffset",
    "endOffset",
    "sourceFile",
    "contentHash",
    "byline",
    "issuerTable",
)


class Vocab:
    """A vocabulary's IRIs as plain strings: ``vocab.term`` is its base followed by ``term``
    (with ``terms`` given, only those: another name raises, as rdflib's closed namespaces do)."""

    def __init__(self, base: str, terms: tuple[str, ...] | None = None) -> None:
        self._base = base
        self._terms = frozenset(terms) if terms is not None else None

    def __str__(self) -> str:
        return self._base

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or (self._terms is not None and name not in self._terms):
            raise AttributeError(f"{self._base}{name} is not a term of this vocabulary")
        iri = self._base + name
        setattr(self, name, iri)  # found directly from now on
        return iri

    def __getitem__(self, name: str) -> str:
        return str(getattr(self, name))


class IRI:
    """Every vocabulary kgraph writes, as plain strings (``IRI.KG.Person``)."""

    KG = Vocab("https://w3id.org/kgraph/ontology#", KG_TERMS)
    RES = Vocab("https://w3id.org/kgraph/resource/")
    ORG = Vocab("http://www.w3.org/ns/org#")
    PROV = Vocab("http://www.w3.org/ns/prov#")
    SKOS = Vocab("http://www.w3.org/2004/02/skos/core#")
    DCTERMS = Vocab("http://purl.org/dc/terms/")
    FOAF = Vocab("http://xmlns.com/foaf/0.1/")
    SCHEMA = Vocab("https://schema.org/")
    RDF = Vocab("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    RDFS = Vocab("http://www.w3.org/2000/01/rdf-schema#")
    OWL = Vocab("http://www.w3.org/2002/07/owl#")
    XSD = Vocab("http://www.w3.org/2001/XMLSchema#")


#: Prefixes bound in every graph kgraph writes and predeclared in every query.
PREFIXES: dict[str, str] = {
    "kg": str(IRI.KG),
    "res": str(IRI.RES),
    "org": str(IRI.ORG),
    "prov": str(IRI.PROV),
    "skos": str(IRI.SKOS),
    "dcterms": str(IRI.DCTERMS),
    "foaf": str(IRI.FOAF),
    "schema": str(IRI.SCHEMA),
    "rdf": str(IRI.RDF),
    "rdfs": str(IRI.RDFS),
    "owl": str(IRI.OWL),
    "xsd": str(IRI.XSD),
}


@dataclass(frozen=True)
class EntityClass:
    """An entity class of the ontology, as kgraph uses it: the one list of classes."""

    name: str  # local name, as in ``Entity.kind``
    iri_text: str  # its IRI
    family: str  # what evaluation scores it as: Organization, LegalDocument, or itself
    segment: str  # the IRI path segment of its entities (see kgraph.identity)

    @property
    def iri(self) -> URIRef:
        """Its IRI as an rdflib term."""
        from rdflib import URIRef

        return URIRef(self.iri_text)


def _classes(family: str, segment: str, *names: str) -> tuple[EntityClass, ...]:
    return tuple(EntityClass(n, IRI.KG[n], family, segment) for n in names)


#: Every entity class, organisations first, then documents, then the others.
ENTITY_CLASSES: tuple[EntityClass, ...] = (
    EntityClass("Organization", IRI.ORG.Organization, "Organization", "org"),
    *_classes("Organization", "org", *ORGANIZATION_CLASSES),
    *_classes("LegalDocument", "doc", *DOCUMENT_CLASSES),
    *_classes("Person", "person", "Person"),
    *_classes("Campaign", "campaign", "Campaign"),
    *_classes("Location", "place", "Location"),
    *_classes("Project", "project", "Project"),
    *_classes("Event", "event", "Event"),
)

#: Entity class IRIs by the local name used in extraction (``Entity.kind``).
CLASS_IRI: dict[str, str] = {c.name: c.iri_text for c in ENTITY_CLASSES}

#: Relation predicates by the name used in extraction (``Relation.predicate``).
PREDICATE_IRI: dict[str, str] = {
    "directs": IRI.KG.directs,
    "implements": IRI.KG.implements,
    "issuedBy": IRI.KG.issuedBy,
    "cooperatesWith": IRI.KG.cooperatesWith,
    "subOrganizationOf": IRI.ORG.subOrganizationOf,
    "memberOf": IRI.ORG.memberOf,
    "organizes": IRI.KG.organizes,
    "participatesIn": IRI.KG.participatesIn,
    "locatedIn": IRI.KG.locatedIn,
}

#: Modalities by the name used in extraction (``Relation.modality``); only asserted relations
#: are also written as plain triples.
MODALITY_IRI: dict[str, str] = {
    "asserted": IRI.KG.asserted,
    "requested": IRI.KG.requested,
    "planned": IRI.KG.planned,
    "conditional": IRI.KG.conditional,
    "negated": IRI.KG.negated,
}

#: The levels of administrative units (``Entity.admin_level``), concepts of kg:AdminLevelScheme.
ADMIN_LEVEL_IRI: dict[str, str] = {
    "province": IRI.KG.provinceLevel,
    "district": IRI.KG.districtLevel,
    "commune": IRI.KG.communeLevel,
}

#: Data tables a relation may be taken from (``Relation.table``), as PROV sources.
TABLE_IRI: dict[str, str] = {"issuers": IRI.KG.issuerTable}


def bind_prefixes(graph: object) -> None:
    """Bind kgraph's prefixes on an rdflib Graph or Dataset."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)  # type: ignore[attr-defined]


#: The rdflib objects made on first use (see ``__getattr__``) besides ``KG``, each from the strings it
#: is made of: a ``Namespace`` of a vocabulary, or a table of ``URIRef``.
LAZY_NAMESPACES: dict[str, Vocab] = {"ORG": IRI.ORG, "SCHEMA": IRI.SCHEMA, "RES": IRI.RES}
LAZY_TABLES: dict[str, dict[str, str]] = {
    "CLASS_OF_KIND": CLASS_IRI,
    "PREDICATE_OF": PREDICATE_IRI,
    "MODALITY_OF": MODALITY_IRI,
    "ADMIN_LEVEL_OF": ADMIN_LEVEL_IRI,
    "TABLE_OF": TABLE_IRI,
}
_LAZY = frozenset(("KG", *LAZY_NAMESPACES, *LAZY_TABLES))


@lru_cache(maxsize=1)
def _rdflib_terms() -> dict[str, Any]:
    """The rdflib forms of the vocabularies and tables (imports rdflib)."""
    from rdflib import Namespace, URIRef
    from rdflib.namespace import DefinedNamespace

    kg = type(
        "KG",
        (DefinedNamespace,),
        {
            "__doc__": "Terms of the kgraph ontology (``ontology/kgraph.ttl``).",
            "__annotations__": dict.fromkeys(KG_TERMS, URIRef),
            "_NS": Namespace(str(IRI.KG)),
            "_fail": True,
        },
    )

    return {
        "KG": kg,
        **{name: Namespace(str(vocab)) for name, vocab in LAZY_NAMESPACES.items()},
        **{name: {key: URIRef(iri) for key, iri in table.items()} for name, table in LAZY_TABLES.items()},
    }


def __getattr__(name: str) -> Any:
    """``KG``, ``ORG``, ``SCHEMA``, ``RES`` and the ``*_OF`` tables, made on first use."""
    if name not in _LAZY:  # e.g. ``__path__``, which every ``from ... import`` asks for
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    made = _rdflib_terms()
    globals().update(made)
    return made[name]
