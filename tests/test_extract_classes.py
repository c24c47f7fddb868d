"""One list of entity classes (namespaces.ENTITY_CLASSES), and it agrees with the ontology."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, Graph, Namespace, URIRef

from kgraph import namespaces
from kgraph.evaluate import GROUP_OF_CLASS
from kgraph.identity import group_of
from kgraph.namespaces import CLASS_OF_KIND, ENTITY_CLASSES, KG

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kgraph.ttl"


def test_every_class_of_the_registry_is_declared_in_the_ontology() -> None:
    ontology = Graph().parse(ONTOLOGY)
    declared = set(ontology.subjects(RDF.type, OWL.Class))
    missing = [c.name for c in ENTITY_CLASSES if c.iri not in declared and c.name != "Organization"]
    assert not missing


def test_the_ontology_has_no_entity_class_the_registry_lacks() -> None:
    ontology = Graph().parse(ONTOLOGY)
    kg_classes = {str(s) for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith(str(KG))}
    registry = {str(c.iri) for c in ENTITY_CLASSES}
    # a quantity is a statement, a modality a concept of statements: neither is an entity
    assert kg_classes - registry == {str(KG.Quantity), str(KG.Modality)}


def test_every_user_reads_the_registry() -> None:
    names = [c.name for c in ENTITY_CLASSES]
    assert list(CLASS_OF_KIND) == names
    assert list(GROUP_OF_CLASS) == names
    assert (
        group_of("Circular") == "doc" and group_of("Location") == "place" and group_of("Enterprise") == "org"
    )


def test_each_lazy_rdflib_object_is_listed_once_with_the_strings_it_is_made_of() -> None:
    for name, vocab in namespaces.LAZY_NAMESPACES.items():
        assert getattr(namespaces, name) == Namespace(str(vocab))
    for name, table in namespaces.LAZY_TABLES.items():
        assert getattr(namespaces, name) == {key: URIRef(iri) for key, iri in table.items()}
    assert str(namespaces.KG.Person) == namespaces.IRI.KG.Person


def test_the_organisation_and_document_classes_are_listed_once() -> None:
    by_family = {
        family: [c.name for c in ENTITY_CLASSES if c.family == family]
        for family in ("Organization", "LegalDocument")
    }
    assert by_family["Organization"] == ["Organization", *namespaces.ORGANIZATION_CLASSES]
    assert by_family["LegalDocument"] == list(namespaces.DOCUMENT_CLASSES)
    assert set(namespaces.ORGANIZATION_CLASSES + namespaces.DOCUMENT_CLASSES) <= set(namespaces.KG_TERMS)
