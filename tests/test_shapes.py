"""Every graph kgraph writes conforms to the SHACL shapes, and uses only declared terms."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kgraph.namespaces import KG
from kgraph.validate import ontology_graph, validate


def test_seed_graph_conforms(seed_graph: Graph) -> None:
    conforms, report = validate(seed_graph)
    assert conforms, report


def test_every_kg_term_written_is_declared(seed_graph: Graph) -> None:
    onto = ontology_graph()
    declared = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG._NS))}
    used = {
        t for triple in seed_graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG._NS))
    }
    assert used <= declared, sorted(used - declared)


def test_namespace_mirrors_ontology() -> None:
    onto = ontology_graph()
    declared = {
        str(s)[len(str(KG._NS)) :] for s in onto.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))
    }
    in_code = set(KG.__annotations__)
    assert in_code == declared, (sorted(in_code - declared), sorted(declared - in_code))


def test_every_declared_term_has_vi_and_en_labels() -> None:
    onto = ontology_graph()
    from rdflib.namespace import RDFS

    terms = (
        set(onto.subjects(RDF.type, OWL.Class))
        | set(onto.subjects(RDF.type, OWL.ObjectProperty))
        | set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    )
    assert len(terms) > 40
    for term in terms:
        langs = {lit.language for lit in onto.objects(term, RDFS.label)}
        assert {"vi", "en"} <= langs, term
        if str(term).startswith(str(KG._NS)):
            comments = {lit.language for lit in onto.objects(term, RDFS.comment)}
            assert {"vi", "en"} <= comments, term


def test_lines_are_the_graph_in_n_triples(seed_result) -> None:  # type: ignore[no-untyped-def]
    from conftest import SEED

    from kgraph.lines import graph_lines
    from kgraph.pipeline import extract_file
    from kgraph.rdf import build_graph, build_lines

    extraction = extract_file(SEED)
    assert build_lines(extraction) == graph_lines(build_graph(extraction))
