"""Modality on every relation: only what the article states as a fact is a plain triple;
requests, plans, conditions and denials stay reified statements carrying ``kg:modality``."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from kgraph.identity import mint_iri
from kgraph.model import Article, Entity, Extraction, Relation, Sentence
from kgraph.namespaces import KG, MODALITY_OF, bind_prefixes
from kgraph.rdf import build_graph
from kgraph.sparql import ready_queries, run_query
from kgraph.text import make_document
from kgraph.validate import validate

TEXT = "Tỉnh ủy chỉ đạo Sở Y tế. Tỉnh ủy đề nghị Bộ Y tế chỉ đạo Sở Y tế."


def _extraction(*relations: tuple[str, str, str, str, str]) -> Extraction:
    """An article whose relations are (subject, predicate, object, modality, table)."""
    document = make_document(Article(source="test.txt", text=TEXT))
    x = Extraction(document)
    for key, kind, label in (
        ("tu", "PartyCommittee", "Tỉnh ủy"),
        ("syt", "StateAgency", "Sở Y tế"),
        ("byt", "StateAgency", "Bộ Y tế"),
        ("ct05", "Directive", "Chỉ thị 05-CT/TW"),
    ):
        x.entities[key] = Entity(key=key, kind=kind, label=label)
    first, second = document.sentences[0], document.sentences[-1]
    for k, (s, p, o, modality, table) in enumerate(relations):
        sentence = first if k == 0 else second
        x.relations.append(Relation(s, p, o, sentence, "test", modality=modality, table=table))
    return x


def _iri(x: Extraction, key: str) -> URIRef:
    entity = x.entities[key]
    return URIRef(mint_iri(entity.kind, entity.key))  # kgraph mints IRIs as plain strings


def test_a_relation_is_asserted_unless_said_otherwise() -> None:
    rel = Relation("a", "directs", "b", Sentence(0, 1, "x"))
    assert rel.modality == "asserted"
    assert rel.table == ""


@pytest.mark.parametrize("modality", ["requested", "planned", "conditional", "negated"])
def test_only_asserted_relations_are_plain_triples(modality: str) -> None:
    x = _extraction(("tu", "directs", "syt", "asserted", ""), ("byt", "directs", "syt", modality, ""))
    g = build_graph(x)
    tu, syt, byt = _iri(x, "tu"), _iri(x, "syt"), _iri(x, "byt")
    assert (tu, KG.directs, syt) in g
    assert (byt, KG.directs, syt) not in g
    kept = {
        (g.value(st, RDF.subject), g.value(st, KG.modality)) for st in g.subjects(RDF.predicate, KG.directs)
    }
    assert kept == {(tu, KG.asserted), (byt, MODALITY_OF[modality])}


def test_a_request_and_a_fact_of_the_same_triple_in_one_sentence_are_two_statements() -> None:
    x = _extraction(("tu", "directs", "syt", "asserted", ""), ("tu", "directs", "syt", "asserted", ""))
    x.relations.append(
        Relation("tu", "directs", "syt", x.relations[0].sentence, "test", modality="requested")
    )
    g = build_graph(x)
    statements = set(g.subjects(RDF.type, RDF.Statement))
    modalities = sorted(str(g.value(st, KG.modality)) for st in statements)
    assert modalities == [str(KG.asserted), str(KG.asserted), str(KG.requested)]


def test_statements_of_every_modality_conform_to_the_shapes() -> None:
    x = _extraction(
        ("tu", "directs", "syt", "asserted", ""),
        ("byt", "directs", "syt", "requested", ""),
        ("ct05", "issuedBy", "tu", "asserted", "issuers"),
    )
    conforms, report = validate(build_graph(x))
    assert conforms, report


def test_a_statement_without_modality_breaks_the_shapes() -> None:
    x = _extraction(("tu", "directs", "syt", "asserted", ""))
    g = build_graph(x)
    g.remove((None, KG.modality, None))
    conforms, _ = validate(g)
    assert not conforms


def test_an_issuer_from_the_table_says_so_with_prov() -> None:
    x = _extraction(
        ("tu", "directs", "syt", "asserted", ""), ("ct05", "issuedBy", "tu", "asserted", "issuers")
    )
    g = build_graph(x)
    (st,) = g.subjects(RDF.predicate, KG.issuedBy)
    assert g.value(st, PROV.hadPrimarySource) == KG.issuerTable
    (other,) = g.subjects(RDF.predicate, KG.directs)
    assert g.value(other, PROV.hadPrimarySource) is None


def test_who_directs_whom_lists_facts_with_their_own_evidence_only() -> None:
    # the same triple asserted in one sentence and requested in the next
    x = _extraction(("tu", "directs", "syt", "asserted", ""), ("tu", "directs", "syt", "requested", ""))
    g = Graph()
    bind_prefixes(g)
    for triple in build_graph(x):
        g.add(triple)
    table = run_query(g, ready_queries()["who-directs-whom"])
    evidence = [row[-1] for row in table.rows]
    assert evidence == ["Tỉnh ủy chỉ đạo Sở Y tế."]


def test_who_directs_whom_skips_relations_that_are_only_requested() -> None:
    x = _extraction(("tu", "issuedBy", "syt", "asserted", ""), ("byt", "directs", "syt", "requested", ""))
    table = run_query(build_graph(x), ready_queries()["who-directs-whom"])
    assert not table.rows
